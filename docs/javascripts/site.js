/* What every page needs; each practice tool's own script is loaded by its page.
 *
 * 1. Search as you type. Material runs a query when a key is released (keyup),
 *    so the results for a character wait for as long as the key is held down,
 *    about a tenth of a second for a fast typist. The query starts here as soon
 *    as the character is in the box: Material reads the box's value on keyup
 *    and ignores a value it has already searched for, so the real release that
 *    follows does nothing twice.
 *
 * 2. Landmarks. Material builds two kinds of <nav> element in the browser: the bar holding
 * each code block's copy button (.md-code__nav) and the row of tags under
 * each search result (.md-search-result .md-tags). Neither is navigation:
 * one holds a button, the other plain tag names. With two or more on a page
 * they are unnamed navigation landmarks that a screen reader's landmark list
 * cannot tell apart (axe: landmark-unique). role="none" keeps their content
 * and drops the false landmark. The templates' own <nav> elements are named
 * in overrides/ instead.
 */
(function () {
  "use strict";
  document.addEventListener(
    "input",
    function (ev) {
      var box = ev.target;
      if (box instanceof HTMLInputElement && box.matches("[data-md-component=search-query]")) {
        box.dispatchEvent(new KeyboardEvent("keyup"));
      }
    },
    true
  );

  var SELECTOR = "nav.md-code__nav:not([role]), .md-search-result nav.md-tags:not([role])";

  function unmark(root) {
    var navs = root.querySelectorAll ? root.querySelectorAll(SELECTOR) : [];
    for (var i = 0; i < navs.length; i++) navs[i].setAttribute("role", "none");
  }

  unmark(document);
  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var added = changes[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        if (added[j].nodeType !== 1) continue;
        if (added[j].matches(SELECTOR)) added[j].setAttribute("role", "none");
        unmark(added[j]);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
