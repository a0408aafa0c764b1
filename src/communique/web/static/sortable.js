// Sortable tables of the workbench: a click on a header with data-sort ("text" or "num") sorts the rows of
// this page by that column (again: the other way). Headers that are links sort on the server (all pages).
(function () {
  "use strict";
  function cellValue(row, index, kind) {
    var text = (row.cells[index] ? row.cells[index].textContent : "").trim();
    if (kind === "num") { var n = parseFloat(text.replace(/[^0-9.+-]/g, "")); return isNaN(n) ? -Infinity : n; }
    return text.toLowerCase();
  }
  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var kind = th.getAttribute("data-sort");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return r.cells.length > 1; });
    rows.sort(function (a, b) {
      var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(th.parentNode.children, function (h) {
      if (h.getAttribute("data-sort") && !h.querySelector("a")) { h.setAttribute("aria-sort", "none"); }
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    table.setAttribute("data-sorted", index + (ascending ? "+" : "-"));
  }
  // The event lists of every page (table.events): each column without a link sorts as text.
  document.querySelectorAll("table.events").forEach(function (table) {
    table.classList.add("sortable");
    table.querySelectorAll("thead th").forEach(function (th) {
      if (!th.getAttribute("data-sort") && !th.querySelector("a")) {
        th.setAttribute("data-sort", /^(Sources|Events|Confidence)$/.test(th.textContent.trim()) ? "num" : "text");
      }
    });
  });
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      if (th.querySelector("a")) { return; }
      th.classList.add("clickable");
      th.setAttribute("tabindex", "0");
      th.addEventListener("click", function () { sortBy(table, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, th); } });
    });
  });
}());
