#!/usr/bin/env bash
# Container Atlas developer commands. Each installs what it needs (pinned versions,
# idempotent: seconds when everything is present), then does its job.
#
#   scripts/atlas.sh serve   install the toolchain, serve on http://127.0.0.1:8080 with live reload
#   scripts/atlas.sh test    install the toolchain and test browser, run all three test layers
#   scripts/atlas.sh check   the fast loop: lint for both targets and every native test
#   scripts/atlas.sh build   install the toolchain, release build into dist/
#   scripts/atlas.sh bench   release build, then print size, time-to-content and latency figures
#   scripts/atlas.sh shots   release build, then screenshots of /, /sandboxes, /gpus and /engines in
#                            both languages at 1280 and 375 px into bench/out/ (SHOT_PAGES, SHOT_HEIGHT;
#                            SHOT_DARK=1 for the dark theme)
#   scripts/atlas.sh setup   only install the toolchain (test, shots and bench also install the
#                            browser, its driver and a CJK font)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
AXE_VERSION="4.11.0"
TERSER_VERSION="5.51.4"
TOOLS="$ROOT/.tools"
# Trunk and wasm-bindgen-cli are in cargo's bin folder; wasm-opt and terser stay in
# .tools/, where the post-build program (xtask/) finds them: nothing else goes on PATH.
export PATH="$HOME/.cargo/bin:$PATH"
# Trunk would otherwise ask crates.io for a newer version on every run.
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version Cargo.lock resolved; wasm-bindgen-cli must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

install_wasm_bindgen_cli() {
  local version="$1"
  say "installing wasm-bindgen-cli $version"
  if cargo install wasm-bindgen-cli --version "=$version" --locked; then
    return
  fi
  # Its lock file names webpki-roots 1.0.11, which the registry no longer serves:
  # rebuild from the downloaded crate with the previous webpki-roots release.
  local crate
  crate=$(ls "$HOME"/.cargo/registry/cache/*/"wasm-bindgen-cli-$version.crate" 2>/dev/null | head -n 1)
  [ -n "$crate" ] || die "wasm-bindgen-cli $version was not downloaded; check access to crates.io"
  local work
  work=$(mktemp -d)
  tar -xzf "$crate" -C "$work"
  (cd "$work/wasm-bindgen-cli-$version" &&
    cargo update -p webpki-roots --precise 1.0.10 &&
    cargo install --path . --locked)
  rm -rf "$work"
}

setup() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  command -v npm >/dev/null || die "npm not found: install Node.js and npm first"

  if ! rustup component list --installed | grep -q '^clippy' ||
    ! rustup component list --installed | grep -q '^rustfmt'; then
    say "adding clippy and rustfmt"
    rustup component add clippy rustfmt
  fi

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION"
    cargo install trunk --version "=$TRUNK_VERSION" --locked
  fi

  # Resolve (and download) the crates first: Trunk builds with cargo --offline.
  cargo fetch --quiet
  local wb
  wb=$(wasm_bindgen_version)
  [ -n "$wb" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    install_wasm_bindgen_cli "$wb"
  fi

  if ! "$TOOLS/binaryen/node_modules/.bin/wasm-opt" --version 2>/dev/null |
    grep -q "version $BINARYEN_VERSION\b"; then
    say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION into .tools/"
    mkdir -p "$TOOLS/binaryen"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/binaryen" "binaryen@$BINARYEN_VERSION"
  fi

  # Minifies wasm-bindgen's JavaScript in release builds (xtask/src/tools.rs), which
  # Trunk's own minifier cannot parse.
  if [ "$("$TOOLS/terser/node_modules/.bin/terser" --version 2>/dev/null)" != "terser $TERSER_VERSION" ]; then
    say "installing terser $TERSER_VERSION from npm into .tools/"
    mkdir -p "$TOOLS/terser"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/terser" "terser@$TERSER_VERSION"
  fi
}

# Chromium, chromedriver and a CJK font for the browser tests and screenshots:
# installed through apt as root, otherwise named so the developer can install them.
# The font matters: without one, Chinese falls back to a narrow glyph box, the pages
# lay out differently from what readers see, and layout gates measure the wrong page.
setup_browser() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
  # The charts' label widths are estimated for DejaVu Sans, the default sans-serif
  # here; the clipping test measures with it.
  fc-list 2>/dev/null | grep -q "DejaVu Sans" || missing+=(fonts-dejavu-core)
  [ "${#missing[@]}" = 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "the browser tests need ${missing[*]}: run 'sudo apt-get install ${missing[*]}'"
  fi
}

# Times each phase of a command, and prints them all at the end.
PHASES=()
PHASE_NAME=""
PHASE_START=0
phase() {
  local now
  now=$(date +%s)
  [ -n "$PHASE_NAME" ] && PHASES+=("$(printf '%-44s %3d:%02d' "$PHASE_NAME" $(((now - PHASE_START) / 60)) $(((now - PHASE_START) % 60)))")
  PHASE_NAME="$1"
  PHASE_START=$now
  [ -n "$1" ] && say "$1"
  return 0
}
phase_summary() {
  phase ""
  say "time by phase"
  printf '  %s\n' "${PHASES[@]}" >&2
}

# The fast loop: formatting, clippy for both targets, every native test (data, domain,
# inspector, i18n, every page rendered in both languages, the build program).
run_checks() {
  export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-1}
  phase "lint: rustfmt, clippy for the native and wasm targets"
  cargo fmt --all -- --check
  cargo clippy --locked --workspace --all-targets -- -D warnings
  cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
  phase "layer 1: native tests (data, domain, i18n, pages, the build program)"
  cargo test --locked --workspace
}

# Plain `trunk serve` on $1 (no live reload: the test's page has no socket to it),
# logging to $2, in the background.
start_serve() {
  trunk serve --port "$1" --no-autoreload --dist target/dist-serve >>"$2" 2>&1 &
  SERVE_PID=$!
}

# Waits until `trunk serve` on $1 answers with a pre-rendered page (its first build
# done). A server that stopped is started once more and said so: the test is of what it
# serves, not of its file watcher.
wait_for_serve() {
  local port="$1" log="$2" i restarted=""
  for i in $(seq 1 600); do
    # Read whole, then looked at: `curl | grep -q` fails under pipefail when grep
    # stops reading early.
    local page
    page=$(curl -fsL "http://127.0.0.1:$port/gpus" 2>/dev/null || true)
    case "$page" in *data-rendered*) return 0 ;; esac
    if ! kill -0 "$SERVE_PID" 2>/dev/null; then
      cat "$log" >&2
      [ -z "$restarted" ] || die "trunk serve stopped twice"
      say "trunk serve stopped (its log is above); starting it once more"
      restarted=1
      start_serve "$port" "$log"
    fi
    sleep 1
  done
  cat "$log" >&2
  die "trunk serve did not answer within 10 minutes"
}

run_tests() {
  setup
  setup_browser
  # A full run builds four profiles (native and wasm, debug and release); incremental
  # caches would add gigabytes to a disk CI shares, for builds it never repeats.
  export CARGO_INCREMENTAL=0
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  if [ ! -f "$TOOLS/axe/node_modules/axe-core/package.json" ] ||
    ! grep -q "\"version\": \"$AXE_VERSION\"" "$TOOLS/axe/node_modules/axe-core/package.json"; then
    say "installing axe-core $AXE_VERSION into .tools/ (accessibility checks)"
    mkdir -p "$TOOLS/axe"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/axe" "axe-core@$AXE_VERSION"
  fi
  export ATLAS_AXE="$TOOLS/axe/node_modules/axe-core/axe.min.js"

  run_checks

  phase "layer 2: component tests in headless Chromium (wasm-bindgen-test)"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_TIMEOUT=60 \
    cargo test --locked --target wasm32-unknown-unknown --test web --test web_panic

  phase "the site: trunk serve (debug) beside the release build, then the sub-path build"
  # Plain `trunk serve`, as a developer runs it, in the background: its debug build
  # waits for cargo while the release build compiles, and compiles while the release
  # build's wasm-opt runs on one core.
  local serve_port=8089 serve_log="$ROOT/target/trunk-serve.log"
  mkdir -p "$ROOT/target"
  : >"$serve_log"
  start_serve "$serve_port" "$serve_log"
  trap 'kill $SERVE_PID 2>/dev/null || true' EXIT
  # Into target/, which trunk serve's watcher ignores (a new dist/ would rebuild it).
  trunk build --release --dist target/dist
  # The same app built for a sub-path, as for a project page on a static host: the
  # build program's caches make this seconds.
  trunk build --release --public-url /some/sub/path/ --dist target/dist-sub
  wait_for_serve "$serve_port" "$serve_log"

  phase "layer 3: end-to-end tests and quality gates, side by side; trunk serve's site"
  # Two browsers at once: the e2e tests and the gates each wait for states, not for
  # time, and each runs its own tests one at a time.
  local e2e_log="$ROOT/target/e2e.log" gates_log="$ROOT/target/gates.log" e2e=0 gates=0
  ATLAS_DIST="$ROOT/target/dist" ATLAS_DIST_SUB="$ROOT/target/dist-sub" \
    cargo test --locked --workspace --test e2e -- --ignored --test-threads=1 >"$e2e_log" 2>&1 &
  local e2e_pid=$!
  ATLAS_DIST="$ROOT/target/dist" ATLAS_DIST_SUB="$ROOT/target/dist-sub" \
    cargo test --locked --workspace --test gates -- --ignored --test-threads=1 >"$gates_log" 2>&1 || gates=$?
  wait "$e2e_pid" || e2e=$?
  cat "$e2e_log" "$gates_log"
  [ "$e2e" = 0 ] || die "end-to-end tests failed"
  [ "$gates" = 0 ] || die "quality gates failed"
  ATLAS_SERVE_PORT="$serve_port" cargo test --locked --workspace --test serve -- --ignored
  kill "$SERVE_PID" 2>/dev/null || true
  phase_summary
}

# Screenshots of pages (SHOT_PAGES, by default /, /sandboxes, /gpus and /engines) in both languages, at desktop and phone widths, taken by
# headless Chromium from the release build served like a static host.
screenshots() {
  setup
  setup_browser
  trunk build --release
  local out="$ROOT/bench/out" port=8093
  mkdir -p "$out"
  node scripts/serve-dist.mjs "$port" dist >/dev/null &
  local server=$!
  trap 'kill $server 2>/dev/null' RETURN
  sleep 1
  local lang size page name
  for page in ${SHOT_PAGES:-/ /sandboxes /gpus /engines}; do
    name="${page#/}"
    name="${name:-overview}"
    for lang in en zh; do
      for size in 1280,${SHOT_HEIGHT:-1400} 375,${SHOT_HEIGHT:-1400}; do
        chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking \
          --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
          ${SHOT_DARK:+--force-dark-mode} \
          --virtual-time-budget=5000 --window-size="$size" \
          --screenshot="$out/$name-$lang-${size%%,*}${SHOT_DARK:+-dark}.png" \
          "http://127.0.0.1:$port$page?lang=$lang" 2>/dev/null
        say "bench/out/$name-$lang-${size%%,*}${SHOT_DARK:+-dark}.png"
      done
    done
  done
}

case "${1:-}" in
  setup) setup ;;
  serve) setup; exec trunk serve ;;
  build) setup; trunk build --release ;;
  test) run_tests ;;
  check) setup; run_checks; phase_summary ;;
  shots) screenshots ;;
  bench)
    setup
    setup_browser
    if [ "$(twiggy --version 2>/dev/null)" != "twiggy 0.8.0" ]; then
      say "installing twiggy 0.8.0 (code size by crate)"
      cargo install twiggy --version =0.8.0 --locked
    fi
    trunk build --release
    CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" ATLAS_DIST="$ROOT/dist" \
      cargo run --release --quiet --locked --example bench
    ;;
  *) awk 'NR > 1 && /^set -euo/ { exit } NR > 1' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
