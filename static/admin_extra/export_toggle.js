// Binds the export page's "Select all" toggle without an inline handler (CSP).
document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll("input.select-toggle")) {
    toggle.addEventListener("change", (event) => onSelectToggleChange(event));
  }
});
