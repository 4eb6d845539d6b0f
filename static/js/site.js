/* Progressive enhancements; every page works without them. */
(function () {
  "use strict";

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
