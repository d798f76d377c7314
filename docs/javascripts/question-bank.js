// Question bank filter (docs/practice/question-bank.md): shows one principle's group, or all.
// Started by site.js for each copy of the page (CONTRIBUTING.md, "Browser scripts").
(() => {
  "use strict";
  function start(root) {
    const select = root.querySelector("select");
    const status = root.querySelector(".guide-tool__status");
    const groups = [...document.querySelectorAll(".guide-qgroup")];
    const apply = (announce) => {
      let n = 0;
      for (const g of groups) {
        g.hidden = !!select.value && g.dataset.principle !== select.value;
        if (!g.hidden) n += g.querySelectorAll("details").length;
      }
      if (announce) status.textContent = select.value
        ? `Showing the ${n} questions on ${select.selectedOptions[0].text}.`
        : `Showing all ${n} questions.`;
    };
    select.addEventListener("change", () => apply(true));
    select.disabled = false;
    apply(false);
    return {
      // A link to a hidden group (table of contents, principle pages) shows everything again.
      url(address) {
        const target = document.getElementById(decodeURIComponent(address.hash.slice(1)));
        if (!target || !target.closest(".guide-qgroup[hidden]")) return;
        select.value = "";
        apply(true);
        target.scrollIntoView();
      },
    };
  }

  (window.guideTools = window.guideTools || []).push({ name: "question-bank", start });
})();
