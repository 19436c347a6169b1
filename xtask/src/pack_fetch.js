// Put before the split loader by the build program (xtask/src/bundle.rs): how it
// fetches a chunk. A page's pre-rendered HTML names its pack (`atlas-chunks`), which the
// loader script has preloaded, and the chunks it holds (`data-holds`): those come out
// of it, each once. Any other chunk (another page's, after an early click or a hover;
// a part of the page fetched later) is fetched at once on its own, never after the
// pack; so is a chunk the pack failed to bring, and a retry fetches only what is still
// missing. Once every chunk is out, the pack is let go.
const atlasMeta = document.querySelector("meta[name=atlas-chunks]");
const atlasPackHref = (atlasMeta?.content ?? "").split(" ").find((href) => /(^|\/)pack_[^/]+\.wasm$/.test(href));
// `data-holds`: `14-57` is chunk_14 to chunk_57, `9` chunk_9, any other word a name.
const atlasHolds = new Set();
for (const word of atlasPackHref ? (atlasMeta.dataset.holds ?? "").split(" ").filter(Boolean) : []) {
  const range = word.match(/^(\d+)(?:-(\d+))?$/);
  if (!range) atlasHolds.add(word);
  else for (let n = +range[1]; n <= +(range[2] ?? range[1]); n++) atlasHolds.add(`chunk_${n}`);
}
let atlasPack;
function atlasFetch(file) {
  const url = new URL(file, import.meta.url);
  const name = file.replace(/^\.\//, "");
  if (!atlasHolds.delete(name.replace(/-[0-9a-f]+\.wasm$/, ""))) return fetch(url);
  atlasPack ??= fetch(new URL(atlasPackHref, document.baseURI))
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} ${r.url}`))))
    .then((bytes) => WebAssembly.compile(bytes));
  const part = atlasPack.then((pack) => {
    const [bytes] = WebAssembly.Module.customSections(pack, name);
    return bytes ? new Response(bytes, { headers: { "content-type": "application/wasm" } }) : fetch(url);
  }, () => fetch(url));
  if (atlasHolds.size === 0) atlasPack = null;
  return part;
}
