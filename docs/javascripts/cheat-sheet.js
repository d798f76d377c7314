// Cheat sheet (docs/practice/cheat-sheet.md): a print button, enabled by this script and hidden
// without JavaScript (guide.css). Started by site.js for each copy of the page (CONTRIBUTING.md,
// "Browser scripts").
(() => {
  "use strict";
  function start(root) {
    const button = root.querySelector("button");
    button.onclick = () => window.print();
    button.disabled = false;
  }

  (window.guideTools = window.guideTools || []).push({ name: "cheat-sheet", start });
})();
