// Cheat sheet (docs/practice/cheat-sheet.md): a print button, shown only when it can work.
// Started by site.js for each copy of the page (CONTRIBUTING.md, "Browser scripts").
(() => {
  "use strict";
  function start(root) {
    const button = root.querySelector("button");
    button.hidden = false;
    button.onclick = () => window.print();
  }

  (window.guideTools = window.guideTools || []).push({ name: "cheat-sheet", start });
})();
