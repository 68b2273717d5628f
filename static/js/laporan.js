// Report pages: the print button and sortable tables (click a header with data-sort).
(function () {
  "use strict";

  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  function cellValue(row, index, kind) {
    var cell = row.children[index];
    if (!cell) { return kind === "num" ? -Infinity : ""; }
    var raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
    if (kind === "num") {
      var number = parseFloat(raw);
      return isNaN(number) ? -Infinity : number;
    }
    return raw.toLocaleLowerCase("id");
  }

  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var headerRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    var body = table.tBodies[0];
    if (!headerRow || !body) { return; }
    // Column index of each sortable header, counting the cells of the body's rows.
    var firstRow = table.tHead.rows[0];
    var columns = [];
    var index = 0;
    Array.prototype.forEach.call(firstRow.cells, function (cell) {
      if (cell.rowSpan > 1) { columns.push([cell, index]); index += 1; }
      else { index += cell.colSpan; }
    });
    if (table.tHead.rows.length > 1) {
      var position = 0;
      var lower = Array.prototype.slice.call(table.tHead.rows[1].cells);
      var cursor = 0;
      Array.prototype.forEach.call(firstRow.cells, function (cell) {
        if (cell.rowSpan > 1) { position += 1; return; }
        for (var i = 0; i < cell.colSpan; i += 1) { columns.push([lower[cursor], position + i]); cursor += 1; }
        position += cell.colSpan;
      });
    }
    columns.forEach(function (pair) {
      var header = pair[0];
      var column = pair[1];
      if (!header || !header.dataset.sort) { return; }
      header.classList.add("sortable");
      header.setAttribute("role", "button");
      header.tabIndex = 0;
      var ascending = true;
      function sort() {
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, column, header.dataset.sort);
          var y = cellValue(b, column, header.dataset.sort);
          return (x > y ? 1 : x < y ? -1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
        ascending = !ascending;
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  });
})();
