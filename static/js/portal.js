// Small enhancements of our own; every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the first field with an error so keyboard users land where help is needed.
  const invalid = document.querySelector("[aria-invalid='true']");
  if (invalid) invalid.focus();

  // Buttons with data-confirm ask before an irreversible action.
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (event) => {
      if (!window.confirm(el.dataset.confirm)) event.preventDefault();
    });
  });
});
