/* The form's languages as tabs, each marked with how complete it is.
 *
 * Without script the three language sections follow one another, their
 * headings saying where a translation is missing. With script they become
 * tabs (arrow keys move between them, as the WAI-ARIA tabs pattern says);
 * each tab shows how many of its fields are filled, and a warning mark while
 * its title is empty. A tab with an error is opened first. */
(function () {
  "use strict";

  function fields(panel) {
    return Array.prototype.filter.call(
      panel.querySelectorAll("input[type=text], input:not([type]), textarea"),
      function (el) { return !el.closest(".hidden") && el.type !== "hidden"; }
    );
  }

  function filled(el) {
    return el.value && el.value.trim() !== "";
  }

  function mark(tab, panel, name, texts) {
    var list = fields(panel);
    var done = list.filter(filled).length;
    var title = panel.querySelector("input[name^='title_'], input[name^='name_']");
    var complete = done === list.length;
    var missingTitle = title && !filled(title);
    tab.querySelector(".language-tab-name").textContent = name;
    var badge = tab.querySelector(".language-tab-mark");
    badge.textContent = (missingTitle ? "! " : complete ? "✓ " : "") + done + "/" + list.length;
    badge.className = "language-tab-mark " + (missingTitle ? "is-missing" : complete ? "is-complete" : "is-partial");
    var state = missingTitle ? texts.missing : complete ? texts.complete : texts.partial;
    tab.setAttribute("aria-label", name + ": " + state + " (" + done + "/" + list.length + ")");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panels = Array.prototype.slice.call(document.querySelectorAll("fieldset.language"));
    if (panels.length < 2) return;
    var source = document.getElementById("language-tab-texts");
    var texts = {
      label: (source && source.dataset.label) || "Languages",
      missing: (source && source.dataset.missing) || "title missing",
      complete: (source && source.dataset.complete) || "complete",
      partial: (source && source.dataset.partial) || "partly filled",
    };
    var list = document.createElement("div");
    list.className = "language-tabs";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", texts.label);
    panels[0].parentNode.insertBefore(list, panels[0]);
    var tabs = panels.map(function (panel, index) {
      var heading = panel.querySelector(".fieldset-heading");
      var name = heading ? heading.textContent.split(" — ")[0].trim() : "Language " + (index + 1);
      if (heading) heading.classList.add("visually-hidden");
      panel.id = panel.id || "language-panel-" + index;
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.className = "language-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.innerHTML = '<span class="language-tab-name"></span> <span class="language-tab-mark"></span>';
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      list.appendChild(tab);
      mark(tab, panel, name, texts);
      panel.addEventListener("input", function () { mark(tab, panel, name, texts); });
      return tab;
    });

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var active = i === index;
        tab.setAttribute("aria-selected", active ? "true" : "false");
        tab.tabIndex = active ? 0 : -1;
        panels[i].hidden = !active;
      });
      if (focus) tabs[index].focus();
    }

    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { select(index, false); });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") next = (index + 1) % tabs.length;
        if (event.key === "ArrowLeft") next = (index - 1 + tabs.length) % tabs.length;
        if (event.key === "Home") next = 0;
        if (event.key === "End") next = tabs.length - 1;
        if (next !== null) { event.preventDefault(); select(next, true); }
      });
    });
    var withError = panels.findIndex(function (panel) { return panel.querySelector(".errorlist"); });
    select(withError >= 0 ? withError : 0, false);
  });
})();
