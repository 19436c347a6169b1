// Trunk post_build hook: finishes dist/ for static hosting.
//
// - Release builds: every inline <script> (Trunk's module loader) moves into a file of
//   its own, so the Content-Security-Policy below can allow scripts from 'self' only,
//   with no 'unsafe-inline'; the small boot script comes inline, allowed by its hash;
//   the policy is added as a <meta> tag.
// - Release builds then get every page pre-rendered, in both languages (below).
//   `trunk serve` does without: it falls back to index.html by itself, where the app
//   mounts client-side.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
const release = process.env.TRUNK_PROFILE === "release";
if (!staging) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR unset)");

// The boot script (assets/boot.js) is inlined below and allowed by its hash.
const policy = (bootHash) => [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval'${bootHash ? ` '${bootHash}'` : ""}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const indexPath = join(staging, "index.html");
let html = await readFile(indexPath, "utf8");

// The app's wasm, split by page (tools/wasm-split-bindgen, run by Trunk as its
// wasm-bindgen): its chunks and their loader wait in wasm-bindgen's output folder, in
// `atlas-split-<hash>/`, the hash being the one in the loader's name that wasm-bindgen's
// JavaScript imports. They go into the build next to that JavaScript; release builds
// optimize each chunk as Trunk does the main module. The manifest (which files each page
// needs) goes to the pre-renderer, which names each page's pack (`pack_<page>-<hash>.wasm`,
// its chunks in one file) in its HTML to preload; the packs are made after it (below).
const split = await placeSplitChunks();

// Release builds: wasm-bindgen's JavaScript and the split loader, minified by terser
// (installed by scripts/atlas.sh): Trunk's minifier cannot parse the first (it starts
// with `import`) and never sees the second. About 3.4 KB gzip off every page. The
// integrity Trunk wrote for the first is written anew.
if (release) await minifyScripts();

async function minifyScripts() {
  const files = (await readdir(staging)).filter((f) => /^(container-atlas|atlas-split)-[0-9a-f]+\.js$/.test(f));
  if (files.length === 0) throw new Error("no wasm-bindgen JavaScript to minify");
  for (const file of files) {
    const path = join(staging, file);
    const before = await readFile(path);
    const run = spawnSync("terser", [path, "--module", "--compress", "--mangle", "-o", path], { stdio: "inherit" });
    if (run.error || run.status !== 0) {
      throw new Error(`terser failed on ${file} (${run.error?.message ?? run.status}): scripts/atlas.sh installs it into .tools/terser`);
    }
    // Only wasm-bindgen's JavaScript is named in the page (the loader is imported by it).
    if (file.startsWith("container-atlas-")) rewriteIntegrity(before, await readFile(path));
  }
}

function integrity(bytes) {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

// The page's integrity for a file that was `before` and is now `after`. Trunk writes
// sha384 (its default); should that change, the build stops here rather than ship a
// page whose check fails.
function rewriteIntegrity(before, after) {
  const old = integrity(before);
  if (!html.includes(old)) throw new Error(`index.html has no integrity ${old} to rewrite: did Trunk change its hash?`);
  html = html.replaceAll(old, integrity(after));
}

// Release builds: wasm-bindgen's JavaScript, the split loader and the chunks are named
// after a hash of their final bytes and of this script, not (as Trunk and the splitter
// name them) of the wasm rustc linked. A change only here (terser's or binaryen's
// version, the wasm-opt flags, the loader's `atlasFetch`, the packs' format) then
// renames them too, and a browser never takes a cached old file for a new one (the
// old glue would fail the new integrity check; an old loader would meet new packs).
// The packs are named after the chunks' hash by the pre-renderer, so they follow.
if (release) await nameAfterFinalBytes();

async function nameAfterFinalBytes() {
  const glue = (await readdir(staging)).find((f) => /^container-atlas-[0-9a-f]+\.js$/.test(f));
  const splitFiles = split ? [split.manifest.loader, ...split.manifest.files] : [];
  // Trunk's name for the main module carries a hash of the wasm rustc linked: any change
  // to the app's code renames these too.
  const main = (await readdir(staging)).find((f) => /^container-atlas-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!main) throw new Error("no container-atlas-*_bg.wasm in the build");
  const hasher = createHash("sha256").update(await readFile(new URL(import.meta.url))).update(main);
  for (const file of [glue, ...splitFiles]) hasher.update(file).update(await readFile(join(staging, file)));
  const hash = hasher.digest("hex").slice(0, 16);
  const renamed = new Map([[glue, `container-atlas-${hash}.js`]]);
  const oldHash = split?.manifest.loader.match(/^atlas-split-([0-9a-f]{16})\.js$/)?.[1];
  if (split && !oldHash) throw new Error(`the split loader's name has no hash: ${split.manifest.loader}`);
  for (const file of splitFiles) renamed.set(file, file.replace(`-${oldHash}.`, `-${hash}.`));
  const renameIn = (text) => {
    let out = text;
    for (const [from, to] of renamed) out = out.replaceAll(from, to);
    return out;
  };
  // The glue imports the loader, which imports the glue and fetches the chunks. In the
  // glue only the import specifiers change: the main module names its imports after
  // the loader's old name, the keys of the glue's import object.
  const renameSpecifiers = (text) => {
    let out = text;
    for (const [from, to] of renamed) {
      out = out.replace(new RegExp(`(\\bfrom\\s*["'])\\./${from.replaceAll(".", "\\.")}(["'])`, "g"), `$1./${to}$2`);
    }
    return out;
  };
  for (const file of [glue, ...(split ? [split.manifest.loader] : [])]) {
    const before = await readFile(join(staging, file), "utf8");
    const after = file === glue ? renameSpecifiers(before) : renameIn(before);
    const named = [...renamed].filter(([from]) => before.includes(from));
    if (named.some(([, to]) => !after.includes(to))) throw new Error(`${file}: a name was not rewritten`);
    if (file === glue) rewriteIntegrity(before, after);
    await writeFile(join(staging, renamed.get(file)), after);
    await rm(join(staging, file));
  }
  for (const file of split ? split.manifest.files : []) await rename(join(staging, file), join(staging, renamed.get(file)));
  if (!html.includes(glue)) throw new Error(`index.html does not name ${glue}`);
  html = renameIn(html);
  if (split) {
    // The pre-renderer reads this copy of the manifest (and writes `atlas-packs.json`
    // beside it).
    split.manifest = { ...split.manifest, loader: renamed.get(split.manifest.loader), files: split.manifest.files.map((f) => renamed.get(f)),
      pages: Object.fromEntries(Object.entries(split.manifest.pages).map(([k, v]) => [k, v.map((f) => renamed.get(f))])) };
    split.manifestPath = join(split.folder, "atlas-split.final.json");
    await writeFile(split.manifestPath, JSON.stringify(split.manifest));
  }
}

// The playground's worker, which Trunk names without a hash (worker_loader.js,
// worker.js, worker_bg.wasm): renamed after a hash of its code, so that a cached old
// worker never answers a new page in a protocol it does not speak. The page finds
// its loader's name in `<meta name=atlas-worker>`, which every pre-rendered page copies.
await hashWorker();

async function hashWorker() {
  const [js, wasm, loader] = ["worker.js", "worker_bg.wasm", "worker_loader.js"];
  const files = await readdir(staging);
  if (![js, wasm, loader].every((f) => files.includes(f))) throw new Error("the build has no worker (worker.js, worker_bg.wasm, worker_loader.js)");
  const jsText = await readFile(join(staging, js));
  const wasmBytes = await readFile(join(staging, wasm));
  const hash = createHash("sha256").update(jsText).update(wasmBytes).digest("hex").slice(0, 16);
  const named = { js: `worker-${hash}.js`, wasm: `worker-${hash}_bg.wasm`, loader: `worker_loader-${hash}.js` };
  await rename(join(staging, js), join(staging, named.js));
  await rename(join(staging, wasm), join(staging, named.wasm));
  const loaderText = (await readFile(join(staging, loader), "utf8"))
    .replaceAll(`"./${js}"`, JSON.stringify(`./${named.js}`))
    .replaceAll(`"./${wasm}"`, JSON.stringify(`./${named.wasm}`));
  if (!loaderText.includes(named.js) || !loaderText.includes(named.wasm)) {
    throw new Error(`the worker's loader does not name ./${js} and ./${wasm}: ${loaderText}`);
  }
  await writeFile(join(staging, named.loader), loaderText);
  await rm(join(staging, loader));
  const meta = `<meta name="atlas-worker" content="${named.loader}">`;
  html = html.replace("</head>", () => `${meta}</head>`);
  if (!html.includes(meta)) throw new Error("index.html has no </head> to name the worker before");
  if (!release) await writeFile(indexPath, html);
}

const preloadChunks = `for (const href of (document.querySelector("meta[name=atlas-chunks]")?.content ?? "").split(" ").filter(Boolean)) {
  const link = document.createElement("link");
  link.rel = "preload"; link.as = "fetch"; link.crossOrigin = "anonymous"; link.href = href;
  document.head.append(link);
}
`;

async function placeSplitChunks() {
  const glue = (await readdir(staging)).find((f) => /^container-atlas-[0-9a-f]+\.js$/.test(f));
  if (!glue) throw new Error("no container-atlas-*.js in the build");
  const glueText = await readFile(join(staging, glue), "utf8");
  if (glueText.includes("__wasm_split_placeholder__")) {
    throw new Error(
      "the app's wasm was not split: wasm-bindgen on PATH must be tools/wasm-split-bindgen " +
        "(run through scripts/atlas.sh, which installs it into .tools/split/path)",
    );
  }
  const found = glueText.match(/atlas-split-([0-9a-f]{16})\.js/);
  if (!found) return null;
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, "target");
  const folder = join(targetDir, "wasm-bindgen", release ? "release" : "debug", `atlas-split-${found[1]}`);
  const manifestPath = join(folder, "atlas-split.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  const loader = (await readFile(join(folder, manifest.loader), "utf8")).replaceAll(
    JSON.stringify(manifest.main_module),
    JSON.stringify(`./${glue}`),
  );
  if (loader.includes(manifest.main_module)) throw new Error("the split loader still imports its placeholder");
  // Every chunk is fetched through `atlasFetch`, which takes it from the page's pack
  // when it is there (below).
  let fetches = 0;
  const packed = loader.replace(/fetch\(new URL\(("\.\/[^"]+\.wasm"), import\.meta\.url\)\)/g, (_, file) => {
    fetches += 1;
    return `atlasFetch(${file})`;
  });
  if (fetches !== manifest.files.length) {
    throw new Error(`the split loader fetches ${fetches} chunks, the manifest names ${manifest.files.length}`);
  }
  await writeFile(join(staging, manifest.loader), packFetch() + packed);
  // Two at a time: the machines that build this have two cores.
  const queue = [...manifest.files];
  const worker = async () => {
    for (let file; (file = queue.shift()); ) {
      if (release) await wasmOpt(join(folder, file), join(staging, file));
      else await copyFile(join(folder, file), join(staging, file));
    }
  };
  await Promise.all([worker(), worker()]);
  return { manifestPath, folder, manifest };
}

// Each page's chunks, packed in one file for a deep link to it (release builds): the
// packs the pre-renderer named in the pages it wrote (`atlas-packs.json`, beside the
// manifest: which chunks each holds), and no other.
async function makePacks(folder) {
  const { packs } = JSON.parse(await readFile(join(folder, "atlas-packs.json"), "utf8"));
  for (const [name, files] of Object.entries(packs)) {
    const parts = await Promise.all(files.map(async (file) => [file, await readFile(join(staging, file))]));
    // The order of the chunks changes what gzip finds to reuse within its 32 KB window:
    // largest first is 1-1.7 KB smaller for the chart pages, 0.7 KB larger for /data.
    // Both are tried; the smaller is kept.
    const orders = [parts, [...parts].sort((a, b) => b[1].length - a[1].length)].map(pack);
    const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
    await writeFile(join(staging, name), orders.reduce((best, next) => (gz(next) < gz(best) ? next : best)));
  }
  return Object.keys(packs).length;
}

// A page's chunks in one file: a WebAssembly module of custom sections only, each named
// after the chunk it holds. One response instead of 20-40, and one compression stream
// (12-15 KB less gzip on a deep link than the chunks one by one); the browser reads the
// sections back (`WebAssembly.Module.customSections`), so no parser of ours is needed.
function pack(parts) {
  const leb = (n) => {
    const out = [];
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return Buffer.from(out);
  };
  const sections = parts.map(([name, bytes]) => {
    const label = Buffer.from(name, "utf8");
    const body = Buffer.concat([leb(label.length), label, bytes]);
    return Buffer.concat([Buffer.from([0]), leb(body.length), body]);
  });
  return Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), ...sections]);
}

// Put before the split loader: how it fetches a chunk. A page's pre-rendered HTML names
// its pack (`atlas-chunks`), which the loader script has preloaded, and the chunks it
// holds (`data-holds`): those come out of it, each once. Any other chunk (another
// page's, after an early click or a hover; a part of the page fetched later) is
// fetched at once on its own, never after the pack; so is a chunk the pack failed to
// bring, and a retry fetches only what is still missing. Once every chunk is out, the
// pack is let go.
function packFetch() {
  return `const atlasMeta = document.querySelector("meta[name=atlas-chunks]");
const atlasPackHref = (atlasMeta?.content ?? "").split(" ").find((href) => /(^|\\/)pack_[^/]+\\.wasm$/.test(href));
// \`data-holds\`: \`14-57\` is chunk_14 to chunk_57, \`9\` chunk_9, any other word a name.
const atlasHolds = new Set();
for (const word of atlasPackHref ? (atlasMeta.dataset.holds ?? "").split(" ").filter(Boolean) : []) {
  const range = word.match(/^(\\d+)(?:-(\\d+))?$/);
  if (!range) atlasHolds.add(word);
  else for (let n = +range[1]; n <= +(range[2] ?? range[1]); n++) atlasHolds.add(\`chunk_\${n}\`);
}
let atlasPack;
function atlasFetch(file) {
  const url = new URL(file, import.meta.url);
  const name = file.replace(/^\\.\\//, "");
  if (!atlasHolds.delete(name.replace(/-[0-9a-f]+\\.wasm$/, ""))) return fetch(url);
  atlasPack ??= fetch(new URL(atlasPackHref, document.baseURI))
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(\`\${r.status} \${r.url}\`))))
    .then((bytes) => WebAssembly.compile(bytes));
  const part = atlasPack.then((pack) => {
    const [bytes] = WebAssembly.Module.customSections(pack, name);
    return bytes ? new Response(bytes, { headers: { "content-type": "application/wasm" } }) : fetch(url);
  }, () => fetch(url));
  if (atlasHolds.size === 0) atlasPack = null;
  return part;
}
`;
}

// `wasm-opt -Oz` on one chunk, with the WebAssembly features rustc's wasm32 target
// enables (a chunk has no target_features section to tell binaryen).
function wasmOpt(input, output) {
  const features = ["bulk-memory", "mutable-globals", "multivalue", "nontrapping-float-to-int", "reference-types", "sign-ext"];
  // Without the sections only tools read (which compilers, which features): about
  // 150 bytes each in every chunk, 1 KB gzip off a page's pack.
  const args = ["-Oz", input, "-o", output, ...features.map((f) => `--enable-${f}`),
    "--strip-producers", "--strip-target-features"];
  return new Promise((resolve, reject) => {
    // The splitter writes a name subsection binaryen does not know, and says so for
    // every chunk; anything else it says is passed on.
    const child = spawn("wasm-opt", args, { stdio: ["ignore", "inherit", "pipe"] });
    let said = "";
    child.stderr.on("data", (data) => (said += data));
    child.stderr.on("end", () => {
      const rest = said.split("\n").filter((l) => l.trim() && !/unknown name subsection/.test(l));
      if (rest.length) console.error(rest.join("\n"));
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`wasm-opt ${input} failed (${code})`))));
  });
}

if (release) {
  const inline = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
  const moved = [];
  for (const match of html.matchAll(inline)) {
    const [tag, attrs, body] = match;
    if (/\bsrc=/.test(attrs) || body.trim() === "") continue;
    // The loader that starts the app also preloads the page's chunks of the wasm,
    // which the page names (`atlas-chunks`, by the pre-renderer): together with the
    // main module, once the stylesheet is in, rather than from <head> beside it.
    const code = split && /\binit\b/.test(body) ? preloadChunks + body : body;
    const name = `loader-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
    await writeFile(join(staging, name), code);
    moved.push([tag, `<script${attrs} src="${publicUrl}${name}"></script>`]);
  }
  for (const [from, to] of moved) html = html.replace(from, () => to);

  // The boot script goes inline: as a file it would hold the parser for a round trip
  // before the page's first heading (150 ms on a slow phone link), where a static
  // page has none. Its SHA-256 goes into the policy, which stays without
  // 'unsafe-inline'.
  const boot = html.match(/<script\b[^>]*\bsrc="?[^"\s>]*?(boot-[0-9a-f]+\.js)"?[^>]*><\/script>/);
  if (!boot) throw new Error("index.html has no boot-*.js script to inline");
  const bootBody = await readFile(join(staging, boot[1]), "utf8");
  const bootHash = `sha256-${createHash("sha256").update(bootBody).digest("base64")}`;
  html = html.replace(boot[0], () => `<script>${bootBody}</script>`);

  // The wasm is fetched by the loader, which runs once the page is parsed and styled,
  // not preloaded from <head>: on a slow link a preload shares the bandwidth with the
  // stylesheet and holds back the first paint (1.1-1.3x a static page's at low
  // priority). The wasm-bindgen JS, 10 KB, is still fetched ahead, at low priority.
  html = html.replace(/<link\b[^>]*\brel="?preload"?[^>]*\.wasm[^>]*>|<link\b[^>]*\.wasm\b[^>]*\brel="?preload\b[^>]*>/g, "");
  if (/rel="?preload[^>]*\.wasm|\.wasm[^>]*rel="?preload/.test(html)) throw new Error("the wasm preload is still there");
  html = html.replace(/<link\b([^>]*\brel="?modulepreload\b[^>]*)>/g, (_, attrs) =>
    `<link${attrs} fetchpriority=low>`);

  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(bootHash)}">`;
  html = html.replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, (m) => `${m}${meta}`);
  if (!html.includes(meta)) throw new Error("index.html has no <meta charset=utf-8> to put the CSP after");
  await writeFile(indexPath, html);
}

if (!release) process.exit(0);

// Every page in both languages as finished HTML (gpus/index.html, zh/gpus/index.html…)
// and 404.html, rendered natively by src/bin/prerender.rs into this index.html. Plain
// static hosts without SPA fallback (GitHub Pages among them) serve each deep link its
// own page, readable before (and without) the wasm.
const cargo = process.env.CARGO ?? "cargo";
const run = spawnSync(
  cargo,
  ["run", "--quiet", "--offline", "--locked", "--bin", "prerender", "--", staging, publicUrl,
    ...(split ? [split.manifestPath] : [])],
  { cwd: source, stdio: "inherit" },
);
if (run.status !== 0) throw new Error(`prerender failed (exit ${run.status ?? run.signal})`);
const packCount = split ? await makePacks(split.folder) : 0;
console.log(`post-build: loader moved out, CSP set, pages pre-rendered, ${packCount} packs`);
