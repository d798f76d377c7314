// Cheat sheet (docs/practice/cheat-sheet.md): a print button, shown only when it can work.
document$.subscribe(() => {
  const button = document.getElementById("guide-print");
  if (!button) return;
  button.hidden = false;
  button.onclick = () => window.print();
});
