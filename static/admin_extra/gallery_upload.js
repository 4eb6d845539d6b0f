/* Each photo chosen for a gallery gets its own alternative text and caption.
 *
 * Without script the form still works: the chosen files are kept by the server
 * and come back, each with its fields, asking for what is missing. With script
 * the fields appear as soon as the files are chosen, with a preview, and an
 * empty alternative text is pointed out before the form is sent. */
(function () {
  "use strict";

  var PREVIEW_LIMIT = 15 * 1024 * 1024;

  function text(key, fallback) {
    var source = document.querySelector("[data-new-photos]");
    return (source && source.getAttribute("data-" + key)) || fallback;
  }

  function field(labelText, name, maxLength, required) {
    var id = "id_" + name;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = labelText;
    if (required) label.className = "required";
    var input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.name = name;
    input.maxLength = maxLength;
    input.className = "vTextField";
    if (required) input.setAttribute("aria-required", "true");
    return [label, input];
  }

  function describeFiles(input, container) {
    container.querySelectorAll(".new-photo").forEach(function (node) { node.remove(); });
    var empty = container.querySelector(".pending-photos-empty");
    if (empty) empty.hidden = input.files.length > 0;
    Array.prototype.forEach.call(input.files, function (file, index) {
      var box = document.createElement("fieldset");
      box.className = "pending-photo new-photo";
      var legend = document.createElement("legend");
      legend.textContent = file.name;
      box.appendChild(legend);
      var img = document.createElement("img");
      img.className = "pending-photo-preview";
      img.alt = "";
      img.width = 160;
      box.appendChild(img);
      if (file.size <= PREVIEW_LIMIT && /^image\//.test(file.type)) {
        var reader = new FileReader();
        reader.onload = function () { img.src = reader.result; };
        reader.readAsDataURL(file);
      }
      var fields = document.createElement("div");
      fields.className = "pending-photo-fields";
      field(text("alt-label", "Alternative text"), "upload_photos_alt_" + index, 300, true)
        .concat(field(text("caption-label", "Caption"), "upload_photos_caption_" + index, 500, false))
        .forEach(function (node) { fields.appendChild(node); });
      box.appendChild(fields);
      container.appendChild(box);
    });
  }

  function missingAltTexts(container) {
    var missing = [];
    container.querySelectorAll(".pending-photo").forEach(function (box) {
      var remove = box.querySelector("input[type=checkbox][name*='_remove_']");
      if (remove && remove.checked) return;
      var alt = box.querySelector("input[name*='_alt_']");
      if (alt && !alt.value.trim()) missing.push(alt);
    });
    return missing;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("id_upload_photos");
    var container = document.querySelector("[data-new-photos]");
    if (!input || !container) return;
    input.addEventListener("change", function () { describeFiles(input, container); });
    var form = input.form;
    var note = document.createElement("p");
    note.className = "errornote";
    note.setAttribute("role", "alert");
    note.hidden = true;
    container.parentNode.insertBefore(note, container);
    form.addEventListener("submit", function (event) {
      var missing = missingAltTexts(container);
      missing.forEach(function (alt) { alt.setAttribute("aria-invalid", "true"); });
      if (!missing.length) return;
      event.preventDefault();
      note.textContent = text("missing", "Give each new photo its alternative text.");
      note.hidden = false;
      missing[0].focus();
    });
  });
})();
