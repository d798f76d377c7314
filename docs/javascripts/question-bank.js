// Question bank filter (docs/practice/question-bank.md): shows one principle's group, or all.
// Loaded by its own page only; instant navigation re-runs it there, so it subscribes once
// and sets up each copy of the page once.
(() => {
  if (window.guideQuestionBank) return;
  window.guideQuestionBank = true;
  let current = null;
  function init() {
    const box = document.getElementById("guide-bank-filter");
    if (box === current) return;
    current = box;
    window.onhashchange = null; // set again below while the bank is on screen
    if (!box) return;
    const select = document.getElementById("guide-bank-select");
    const status = document.getElementById("guide-bank-status");
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
    // A link to a hidden group (table of contents, principle pages) shows everything again.
    window.onhashchange = () => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && target.closest(".guide-qgroup[hidden]")) {
        select.value = "";
        apply(true);
        target.scrollIntoView();
      }
    };
    select.disabled = false;
    apply(false);
  }

  // From file:// (the offline edition) Material completes document$ without emitting: start anyway.
  let seen = false;
  if (typeof document$ === "undefined") init();
  else document$.subscribe({ next: () => { seen = true; init(); }, complete: () => seen || init() });
})();
