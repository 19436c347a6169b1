// Put before the script that starts the app (xtask/src/page.rs): the page's chunks of
// the wasm, which the pre-rendered page names (`atlas-chunks`), are preloaded together
// with the main module, once the stylesheet is in, rather than from <head> beside it.
for (const href of (document.querySelector("meta[name=atlas-chunks]")?.content ?? "").split(" ").filter(Boolean)) {
  const link = document.createElement("link");
  link.rel = "preload"; link.as = "fetch"; link.crossOrigin = "anonymous"; link.href = href;
  document.head.append(link);
}
