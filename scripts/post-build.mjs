// Trunk post_build hook: finishes dist/ for static hosting.
//
// - Release builds: every inline <script> (Trunk's module loader) moves into a file of
//   its own, so the Content-Security-Policy below can allow scripts from 'self' only,
//   with no 'unsafe-inline'; the small boot script comes inline, allowed by its hash;
//   the policy is added as a <meta> tag.
// - Release builds then get every page pre-rendered, in both languages (below).
//   `trunk serve` does without: it falls back to index.html by itself, where the app
//   mounts client-side.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

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

if (release) {
  const inline = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
  const moved = [];
  for (const match of html.matchAll(inline)) {
    const [tag, attrs, body] = match;
    if (/\bsrc=/.test(attrs) || body.trim() === "") continue;
    const name = `loader-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
    await writeFile(join(staging, name), body);
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
  ["run", "--quiet", "--offline", "--locked", "--bin", "prerender", "--", staging, publicUrl],
  { cwd: source, stdio: "inherit" },
);
if (run.status !== 0) throw new Error(`prerender failed (exit ${run.status ?? run.signal})`);
console.log("post-build: loader moved out, CSP set, pages pre-rendered");
