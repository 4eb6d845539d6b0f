/* Progressive enhancements; every page works without them. */
(function () {
  "use strict";

  /* Sortable tables: <table data-sortable>; a column whose <th> has
     data-sort="number" sorts by each cell's data-value ("CUR 123.45"),
     others by their text. Sorts the rows shown (the current page). */
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? [null, -Infinity] : "";
    if (numeric) {
      var raw = cell.getAttribute("data-value");
      if (!raw) return [null, -Infinity];
      var parts = raw.split(" ");
      return [parts[0], parseFloat(parts[parts.length - 1])];
    }
    return cell.textContent.trim().toLocaleLowerCase();
  }

  function compare(a, b, numeric) {
    if (!numeric) return a.localeCompare(b, document.documentElement.lang);
    if (a[0] !== b[0]) {
      if (a[0] === null) return -1;
      if (b[0] === null) return 1;
      return a[0] < b[0] ? -1 : 1;
    }
    return a[1] - b[1];
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var numeric = th.getAttribute("data-sort") === "number";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var result = compare(cellValue(a, index, numeric), cellValue(b, index, numeric), numeric);
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    table.classList.add("is-sortable");
  }

  /* Photos: a link to the largest variant opens it in a dialog with its
     caption, credit and download link (without script, the link itself). */
  function openPhoto(link) {
    var dialog = document.getElementById("photo-dialog");
    if (!dialog || typeof dialog.showModal !== "function") return false;
    var figure = link.closest("figure");
    var holder = dialog.querySelector(".photo-dialog-image");
    holder.textContent = "";
    var image = document.createElement("img");
    var inner = link.querySelector("picture img");
    image.alt = inner ? inner.alt : "";
    image.src = link.href;
    holder.appendChild(image);
    var caption = dialog.querySelector(".photo-dialog-caption");
    var source = figure ? figure.querySelector("figcaption") : null;
    caption.textContent = "";
    if (source) {
      Array.prototype.forEach.call(source.childNodes, function (node) {
        caption.appendChild(node.cloneNode(true));
      });
    }
    dialog.showModal();
    return true;
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), makeSortable);
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.photo-open") : null;
      if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && openPhoto(link)) {
        event.preventDefault();
      }
    });
    var dialog = document.getElementById("photo-dialog");
    if (dialog) {
      dialog.addEventListener("click", function (event) {
        if (event.target === dialog) dialog.close();
      });
      dialog.addEventListener("close", function () {
        dialog.querySelector(".photo-dialog-image").textContent = "";
      });
    }
  });
})();
