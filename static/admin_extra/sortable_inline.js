/* Rows of an inline marked "sortable" (gallery photos, participants, members)
 * are reordered by dragging them or with the Move up / Move down buttons; the
 * order fields, which remain the way to do it without script, are renumbered. */
(function () {
  "use strict";

  function label(group, key, fallback) {
    return group.getAttribute("data-" + key) || fallback;
  }

  function rowsOf(tbody) {
    return Array.prototype.filter.call(tbody.children, function (tr) {
      return tr.classList.contains("form-row") && !tr.classList.contains("empty-form");
    });
  }

  function isFilled(tr) {
    if (tr.classList.contains("has_original")) return true;
    return Array.prototype.some.call(tr.querySelectorAll("input, select, textarea"), function (el) {
      if (/-(position|DELETE|id|meeting|delegation|project)$/.test(el.name || "")) return false;
      if (el.type === "hidden" || el.type === "checkbox") return false;
      return el.value && el.value.trim() !== "";
    });
  }

  function renumber(tbody) {
    var position = 0;
    rowsOf(tbody).forEach(function (tr) {
      var input = tr.querySelector("input[name$='-position']");
      if (input && isFilled(tr)) input.value = position++;
    });
  }

  function button(text, title, handler) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "sortable-handle";
    b.textContent = text;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", handler);
    return b;
  }

  function enhanceRow(tr, tbody, group, status) {
    if (tr.dataset.sortable) return;
    tr.dataset.sortable = "1";
    var cell = tr.querySelector("td.original") || tr.querySelector("td");
    if (!cell) return;
    var up = button("↑", label(group, "up", "Move up"), function () {
      var rows = rowsOf(tbody), index = rows.indexOf(tr);
      if (index > 0) { tbody.insertBefore(tr, rows[index - 1]); moved(tr, up); }
    });
    var down = button("↓", label(group, "down", "Move down"), function () {
      var rows = rowsOf(tbody), index = rows.indexOf(tr);
      if (index < rows.length - 1) { tbody.insertBefore(rows[index + 1], tr); moved(tr, down); }
    });
    function moved(row, focus) {
      renumber(tbody);
      focus.focus();
      var rows = rowsOf(tbody);
      status.textContent = label(group, "moved", "Moved to position") + " " + (rows.indexOf(row) + 1);
    }
    cell.appendChild(up);
    cell.appendChild(down);
    tr.draggable = true;
    tr.addEventListener("dragstart", function (event) {
      tbody.dragged = tr;
      tr.classList.add("sortable-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", tr.id || "row");
    });
    tr.addEventListener("dragend", function () {
      tr.classList.remove("sortable-dragging");
      rowsOf(tbody).forEach(function (row) { row.classList.remove("sortable-over"); });
    });
    tr.addEventListener("dragover", function (event) {
      if (!tbody.dragged || tbody.dragged === tr) return;
      event.preventDefault();
      tr.classList.add("sortable-over");
    });
    tr.addEventListener("dragleave", function () { tr.classList.remove("sortable-over"); });
    tr.addEventListener("drop", function (event) {
      event.preventDefault();
      tr.classList.remove("sortable-over");
      var dragged = tbody.dragged;
      tbody.dragged = null;
      if (!dragged || dragged === tr) return;
      var rows = rowsOf(tbody);
      if (rows.indexOf(dragged) < rows.indexOf(tr)) tbody.insertBefore(dragged, tr.nextSibling);
      else tbody.insertBefore(dragged, tr);
      renumber(tbody);
    });
  }

  function enhance(group) {
    var tbody = group.querySelector("table tbody");
    if (!tbody) return;
    var status = document.createElement("p");
    status.className = "sortable-hint";
    status.setAttribute("aria-live", "polite");
    status.textContent = label(group, "hint", "Drag the rows, or use ↑ and ↓, to change the order.");
    group.querySelector("table").parentNode.insertBefore(status, group.querySelector("table"));
    rowsOf(tbody).forEach(function (tr) { enhanceRow(tr, tbody, group, status); });
    document.addEventListener("formset:added", function (event) {
      if (event.target && tbody.contains(event.target)) enhanceRow(event.target, tbody, group, status);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.sortable").forEach(function (fieldset) {
      var group = fieldset.closest(".inline-group") || fieldset;
      var hints = document.getElementById("sortable-texts");
      if (hints) {
        ["up", "down", "moved", "hint"].forEach(function (key) {
          var value = hints.getAttribute("data-" + key);
          if (value) group.setAttribute("data-" + key, value);
        });
      }
      enhance(group);
    });
  });
})();
