/* Material builds two kinds of <nav> element in the browser: the bar holding
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
