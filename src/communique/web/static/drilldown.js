// Drill-down on the dashboard's charts (drawn by app.js): a click on a bar opens the event list of that
// month and type (or topic), with the filters of the chart. Delegated, so it works on bars drawn later.
(function () {
  "use strict";
  function eventsUrl(bar) {
    var box = bar.closest(".chart[data-src]");
    var svg = bar.closest("svg");
    if (!box || !svg) { return null; }
    var src = new URL(box.getAttribute("data-src"), window.location.href);
    var params = new URLSearchParams(src.search);
    var month = bar.getAttribute("data-month"), name = bar.getAttribute("data-name");
    if (month && month !== "undated") { params.set("since", month); params.set("until", month); }
    var series = svg.getAttribute("data-series") || "types";
    if (name && name !== "other") { params.set(series === "topics" ? "topic" : "type", name); }
    return "/events?" + params.toString();
  }
  document.addEventListener("click", function (e) {
    var bar = e.target.closest && e.target.closest(".chart[data-src] svg rect.bar");
    if (!bar) { return; }
    var url = eventsUrl(bar);
    if (url) { window.location.assign(url); }
  });
  document.addEventListener("mouseover", function (e) {
    var bar = e.target.closest && e.target.closest(".chart[data-src] svg rect.bar");
    if (bar && !bar.hasAttribute("data-href")) { bar.setAttribute("data-href", eventsUrl(bar) || ""); }
  });
}());
