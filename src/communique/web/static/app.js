// Communiqué pages: draws the stacked bar charts of the dashboard from /api/timeline (SVG, no library).
// Loaded as a file (the Content-Security-Policy allows no inline script); all text goes in via textContent.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  var PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#8c564b", "#17becf", "#bcbd22", "#7f7f7f", "#d62728"];
  var OTHER = "other";
  // What one unit of a stacked bar is: an event has one type but often several topics, so a month's
  // topic bar counts (event, topic) pairs and is taller than its number of events.
  var UNITS = { types: "events", topics: "topic mentions (event × topic)" };

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  // Every month from the first to the last (gaps shown as empty bars), unless the span is very long.
  function monthRange(months) {
    if (!months.length) { return []; }
    var first = months[0].split("-").map(Number), last = months[months.length - 1].split("-").map(Number);
    var span = (last[0] - first[0]) * 12 + (last[1] - first[1]);
    if (span > 120) { return months; }
    var out = [], y = first[0], m = first[1];
    for (var i = 0; i <= span; i++) {
      out.push(y + "-" + (m < 10 ? "0" : "") + m);
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  // The series to stack: types in PLOVER order (stable colours); topics: the `top` most frequent, the rest "other".
  function seriesOf(rows, key, top) {
    var totals = {};
    rows.forEach(function (r) { Object.keys(r[key] || {}).forEach(function (s) { totals[s] = (totals[s] || 0) + r[key][s]; }); });
    var names = Object.keys(totals);
    if (key === "types") {
      names.sort(function (a, b) { return TYPES.indexOf(a) - TYPES.indexOf(b); });
      return { names: names, fold: {}, colour: function (s) { return PALETTE[TYPES.indexOf(s) % PALETTE.length]; } };
    }
    names.sort(function (a, b) { return totals[b] - totals[a] || (a < b ? -1 : 1); });
    var kept = names.slice(0, top), fold = {};
    names.slice(top).forEach(function (s) { fold[s] = OTHER; });
    if (names.length > top) { kept.push(OTHER); }
    return { names: kept, fold: fold, colour: function (s) { return s === OTHER ? "#c7c7c7" : PALETTE[kept.indexOf(s) % PALETTE.length]; } };
  }

  function niceStep(max) {
    var raw = Math.max(1, max / 5), pow = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 5, 10].map(function (f) { return f * pow; });
    for (var i = 0; i < steps.length; i++) { if (steps[i] >= raw) { return Math.max(1, steps[i]); } }
    return Math.max(1, steps[steps.length - 1]);
  }

  function draw(box, rows) {
    var key = box.getAttribute("data-series") || "types";
    var top = parseInt(box.getAttribute("data-top") || "8", 10);
    var dated = rows.filter(function (r) { return r.month !== "undated"; });
    var undated = rows.filter(function (r) { return r.month === "undated"; });
    var byMonth = {};
    dated.forEach(function (r) { byMonth[r.month] = r; });
    var months = monthRange(dated.map(function (r) { return r.month; }));
    var series = seriesOf(dated, key, top);
    // Drawn at the box's own width, so that labels keep their size in narrow cards.
    var W = Math.max(420, Math.round(box.getBoundingClientRect().width) || 960);
    var H = 320, left = 44, right = W < 700 ? 150 : 190, topPad = 14, bottom = 46;
    var plotW = W - left - right, plotH = H - topPad - bottom;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, "class": "stacked", "data-series": key });
    box.textContent = "";
    box.appendChild(svg);
    if (!months.length) {
      el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", "class": "empty" }, svg, "No dated events.");
      box.setAttribute("data-rendered", "empty");
      return;
    }
    var stacks = months.map(function (m) {
      var counts = {}, row = byMonth[m] || {};
      Object.keys(row[key] || {}).forEach(function (s) { var k = series.fold[s] || s; counts[k] = (counts[k] || 0) + row[key][s]; });
      return counts;
    });
    var max = Math.max.apply(null, stacks.map(function (c) { return Object.keys(c).reduce(function (t, k) { return t + c[k]; }, 0); }).concat([1]));
    var step = niceStep(max), yMax = Math.ceil(max / step) * step;
    var y = function (v) { return topPad + plotH - (v / yMax) * plotH; };
    var slot = plotW / months.length, barW = Math.max(2, Math.min(48, slot * 0.72));
    // Y axis with grid lines.
    var yAxis = el("g", { "class": "axis y" }, svg);
    for (var v = 0; v <= yMax; v += step) {
      el("line", { x1: left, x2: left + plotW, y1: y(v), y2: y(v), "class": "gridline" }, yAxis);
      el("text", { x: left - 6, y: y(v), "text-anchor": "end", "dominant-baseline": "middle" }, yAxis, String(v));
    }
    el("line", { x1: left, x2: left, y1: topPad, y2: topPad + plotH }, yAxis);
    // Bars.
    var bars = el("g", { "class": "bars" }, svg);
    stacks.forEach(function (counts, i) {
      var x = left + i * slot + (slot - barW) / 2, base = 0;
      series.names.forEach(function (s) {
        var n = counts[s] || 0;
        if (!n) { return; }
        var rect = el("rect", { x: x.toFixed(1), y: y(base + n).toFixed(1), width: barW.toFixed(1),
          height: (y(base) - y(base + n)).toFixed(1), fill: series.colour(s), "class": "bar",
          "data-month": months[i], "data-name": s, "data-count": n }, bars);
        el("title", {}, rect, months[i] + " · " + s + ": " + n);
        base += n;
      });
    });
    // X axis: as many month labels as fit.
    var xAxis = el("g", { "class": "axis x" }, svg);
    el("line", { x1: left, x2: left + plotW, y1: topPad + plotH, y2: topPad + plotH }, xAxis);
    var every = Math.max(1, Math.ceil(months.length / Math.max(2, Math.floor(plotW / 70))));  // ~70 px per label
    months.forEach(function (m, i) {
      if (i % every) { return; }
      var cx = left + i * slot + slot / 2;
      el("line", { x1: cx, x2: cx, y1: topPad + plotH, y2: topPad + plotH + 4 }, xAxis);
      el("text", { x: cx, y: topPad + plotH + 16, "text-anchor": "middle" }, xAxis, m);
    });
    el("text", { x: left + plotW / 2, y: H - 6, "text-anchor": "middle" }, xAxis, "month");
    el("text", { x: 12, y: topPad + plotH / 2, "text-anchor": "middle", transform: "rotate(-90 12 " + (topPad + plotH / 2) + ")" }, yAxis, UNITS[key] || "events");
    svg.setAttribute("data-unit", UNITS[key] || "events");
    // Legend.
    var legend = el("g", { "class": "legend" }, svg);
    series.names.forEach(function (s, i) {
      var ly = topPad + i * 18;
      el("rect", { x: W - right + 16, y: ly, width: 12, height: 12, fill: series.colour(s) }, legend);
      el("text", { x: W - right + 34, y: ly + 10 }, legend, s);
    });
    if (undated.length) {
      el("text", { x: W - right + 16, y: topPad + series.names.length * 18 + 14, "class": "note" }, legend,
        "+ " + undated[0].events + " undated");
    }
    box.setAttribute("data-rendered", "true");
  }

  function load(box) {
    fetch(box.getAttribute("data-src"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (rows) { draw(box, rows); })
      .catch(function (err) { box.textContent = "Could not load the chart (" + err.message + ")."; box.setAttribute("data-rendered", "error"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-src]"), load);
  });
})();
