// Cheat sheet (docs/practice/cheat-sheet.md): a print button, shown only when it can work.
// Loaded by its own page only; instant navigation re-runs it there, so it subscribes once.
(() => {
  if (window.guideCheatSheet) return;
  window.guideCheatSheet = true;
  function init() {
    const button = document.getElementById("guide-print");
    if (!button) return;
    button.hidden = false;
    button.onclick = () => window.print();
  }

  // From file:// (the offline edition) Material completes document$ without emitting: start anyway.
  let seen = false;
  if (typeof document$ === "undefined") init();
  else document$.subscribe({ next: () => { seen = true; init(); }, complete: () => seen || init() });
})();
