// Live figures for the public pages, which are served as plain HTML without
// the app's bundle. The campaign's stream (`/truc-tiep/{id}`) says when the
// figures changed; the page then fetches itself again (the server keeps it
// cached) and swaps its main content. A stream silent for too long shows the
// "may be out of date" banner; the last good figures stay on the page.
(function () {
  "use strict";
  var anchor = function () { return document.querySelector("[data-live-campaign]"); };
  var first = anchor();
  if (!first || !window.EventSource || !window.fetch) return;
  // The limit is the server's (live::STALE_AFTER_SECS), written on the page.
  var STALE_AFTER_MS = Number(first.getAttribute("data-live-stale-after")) * 1000;
  var campaign = first.getAttribute("data-live-campaign");
  var heard = Date.now();
  var retry = 1000;
  var source = null;
  var refreshing = false;

  function setStale(stale) {
    var banner = document.querySelector("[data-live-stale]");
    if (banner) banner.hidden = !stale;
  }

  function shownAt() {
    var a = anchor();
    return a ? Date.parse(a.getAttribute("data-live-at")) : NaN;
  }

  function refresh() {
    if (refreshing) return;
    refreshing = true;
    fetch(location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        var main = document.querySelector("main");
        if (next && main) {
          main.replaceChildren.apply(main, Array.prototype.slice.call(next.childNodes));
          document.body.setAttribute("data-live-refreshed", String(Date.now()));
        }
      })
      .catch(function () { setStale(true); })
      .then(function () { refreshing = false; });
  }

  function open() {
    source = new EventSource("/truc-tiep/" + encodeURIComponent(campaign));
    source.onopen = function () {
      retry = 1000;
      document.body.setAttribute("data-live", "open");
    };
    source.addEventListener("snapshot", function (e) {
      heard = Date.now();
      setStale(false);
      var at;
      try { at = Date.parse(JSON.parse(e.data).at); } catch (_) { return; }
      if (at !== shownAt()) refresh();
    });
    source.addEventListener("ping", function () {
      heard = Date.now();
      setStale(false);
    });
    source.onerror = function () {
      document.body.setAttribute("data-live", "closed");
      source.close();
      setTimeout(open, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }

  setInterval(function () {
    if (Date.now() - heard > STALE_AFTER_MS) setStale(true);
  }, 5000);
  open();
})();
