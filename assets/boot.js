// Runs in <head> before the first paint: a classic, blocking script, in a file of its
// own so the Content-Security-Policy stays strict ('self', no inline script).
// - The stored theme, so a dark page never flashes light.
// - The `js` class on <html>: the stylesheet hides controls that need scripts without it.
// - The language. Each language has its own paths (English at the root, Chinese under
//   /zh/). An old link's ?lang= moves into the path; at a path without a language, a
//   reader who chose Chinese before (or whose browser prefers it, on a first visit)
//   is sent to the Chinese page. The app reads the language from the path only.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  function get(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function set(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }
  function lang(code) {
    code = String(code || "").trim().toLowerCase();
    return code === "en" || code === "zh" ? code : null;
  }

  // The language switch's links remember the choice, before the app has started too
  // (a link followed then is a page load, which the choice must survive).
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest && event.target.closest("a[data-lang]");
    if (link && lang(link.getAttribute("data-lang"))) set("atlas.lang", link.getAttribute("data-lang"));
  }, true);

  var theme = get("atlas.theme");
  if (theme === "light" || theme === "dark" || theme === "system") {
    root.setAttribute("data-theme", theme);
  }

  // The base path the build is served under: Trunk's <base href>, absolute. (Without
  // one, nothing is redirected: the app still reads the language from the path.)
  var baseElement = document.querySelector("base[href^='/']");
  if (!baseElement) return;
  var base = baseElement.getAttribute("href").replace(/\/+$/, "");
  var path = window.location.pathname;
  if (path.indexOf(base) !== 0) return;
  var rest = path.slice(base.length) || "/";
  if (rest.charAt(0) !== "/") return;
  var chinese = rest === "/zh" || rest.indexOf("/zh/") === 0;
  var page = chinese ? rest.slice(3) || "/" : rest;

  var search = window.location.search;
  var params = new URLSearchParams(search);
  var want = null;
  if (params.has("lang")) {
    want = lang(params.get("lang"));
    // A value the app cannot use stays, and the app says so.
    if (!want) return;
    set("atlas.lang", want);
    params.delete("lang");
    var query = params.toString();
    search = query ? "?" + query : "";
  } else if (!chinese) {
    var stored = get("atlas.lang");
    if (lang(stored)) {
      want = lang(stored);
    } else if (stored === null && set("atlas.probe", "1")) {
      // A first visit (storage works, nothing chosen yet): the browser's languages.
      // Where storage is off, a choice could not be kept, so the address decides.
      window.localStorage.removeItem("atlas.probe");
      var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
      for (var i = 0; i < tags.length && !want; i++) {
        want = lang(String(tags[i] || "").split(/[-_]/)[0]);
      }
    }
  }
  if (!want) return;
  var here = chinese ? "zh" : "en";
  var target = want === here ? path : base + (want === "zh" ? "/zh" : "") + page;
  var address = target + search + window.location.hash;
  if (target !== path) {
    window.location.replace(address);
  } else if (search !== window.location.search) {
    window.history.replaceState(window.history.state, "", address);
  }
})();
