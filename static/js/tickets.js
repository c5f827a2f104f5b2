// Ticket form: show the fields of the chosen urgency only. Without this script all are shown.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const radios = document.querySelectorAll("input[name='urgency']");
  const details = document.querySelectorAll(".urgency-details");
  if (!radios.length || !details.length) return;
  const update = () => {
    const chosen = document.querySelector("input[name='urgency']:checked");
    const value = chosen ? chosen.value : "plain";
    details.forEach((block) => {
      const hasError = block.querySelector("[aria-invalid='true']");
      block.hidden = block.dataset.urgency !== value && !hasError;
    });
  };
  radios.forEach((radio) => radio.addEventListener("change", update));
  update();
});
