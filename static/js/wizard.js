// "Störung einordnen": live suggestion while typing, live result while answering, and a
// nudge to the next question after a click. The wizard works fully without this script.
"use strict";

(() => {
  const csrfToken = () => {
    const meta = document.querySelector("meta[name='csrf-token']");
    return meta ? meta.content : "";
  };

  const classify = async (url, body) => {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept-Language": document.documentElement.lang || "de",
        "X-CSRFToken": csrfToken(),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) return null;
    return response.json();
  };

  // Render a classification with DOM nodes (no innerHTML: the text comes from the user).
  const show = (region, result, labelPrefix) => {
    region.replaceChildren();
    if (!result) return;
    const head = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = labelPrefix + " ";
    const badge = document.createElement("span");
    badge.className = "badge badge-" + result.priority;
    badge.textContent = result.label;
    head.append(strong, badge);
    const why = document.createElement("p");
    why.textContent = result.explanation;
    region.append(head, why);
    region.classList.add("is-filled");
  };

  const debounce = (fn, ms) => {
    let timer;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  };

  const setUpDescribe = (form) => {
    const text = form.querySelector("textarea[name='text']");
    const region = document.getElementById("live-suggestion");
    if (!text || !region) return;
    const label = form.dataset.suggestionLabel || "Vorschlag:";
    let latest = 0;
    const update = debounce(async () => {
      const value = text.value.trim();
      const request = ++latest;
      if (value.length < 3) {
        region.replaceChildren();
        return;
      }
      const result = await classify(form.dataset.classifyUrl, { text: value });
      if (request === latest) show(region, result, label);
    }, 350);
    text.addEventListener("input", update);
  };

  const setUpQuestions = (form) => {
    const region = document.getElementById("live-preview");
    const label = form.dataset.previewLabel || "Ergebnis:";
    const questions = Array.from(form.querySelectorAll("fieldset[data-question]"));
    const answers = () => {
      const data = {};
      questions.forEach((fieldset) => {
        const checked = fieldset.querySelector("input:checked");
        if (checked) data[fieldset.dataset.question] = checked.value;
      });
      return data;
    };
    const preview = async () => {
      const data = answers();
      if (Object.keys(data).length < questions.length) return;
      show(region, await classify(form.dataset.classifyUrl, { answers: data }), label);
    };
    questions.forEach((fieldset, index) => {
      fieldset.addEventListener("click", (event) => {
        // Only a pointer click moves on; arrow keys must keep working inside the group.
        if (event.target.type !== "radio" || event.detail === 0) return;
        const next = questions.slice(index + 1).find((f) => !f.querySelector("input:checked"));
        const target = next ? next.querySelector("input") : form.querySelector("button[type='submit']");
        if (target) {
          target.scrollIntoView({ block: "center", behavior: "smooth" });
          target.focus({ preventScroll: true });
        }
      });
      fieldset.addEventListener("change", preview);
    });
    preview();
  };

  document.addEventListener("DOMContentLoaded", () => {
    const describe = document.getElementById("wizard-describe");
    if (describe) setUpDescribe(describe);
    const questions = document.getElementById("wizard-questions");
    if (questions) setUpQuestions(questions);
  });
})();
