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
 *
 * 3. The palette toggle (light, dark, or the system's). This replaces
 *    Material's palette component, which restyled the whole page two or three
 *    times at start-up (hooks/material_patches.py). The palette is already
 *    applied before the first paint (overrides/partials/javascripts/palette.html,
 *    which defines window.__guide_palette); here a choice is applied, stored
 *    as Material stores it, and followed by the browser's theme colour. The
 *    header is not swapped by instant navigation, so this runs once.
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

  var palette = window.__guide_palette;
  if (palette) {
    var inputs = palette.inputs;
    // The browser's own bar takes the header's color, as with Material.
    var themeColor = document.createElement("meta");
    themeColor.name = "theme-color";
    document.head.appendChild(themeColor);
    var paintThemeColor = function () {
      var header = document.querySelector(".md-header");
      if (header) themeColor.content = getComputedStyle(header).backgroundColor;
    };
    var choose = function (index) {
      // Material's palette stylesheet turns transitions off while this attribute is set.
      document.body.setAttribute("data-md-color-switching", "");
      palette.apply(index);
      var input = inputs[index];
      __md_set("__palette", {
        index: index,
        color: {
          media: input.getAttribute("data-md-color-media"),
          scheme: input.getAttribute("data-md-color-scheme"),
          primary: input.getAttribute("data-md-color-primary"),
          accent: input.getAttribute("data-md-color-accent"),
        },
      });
      paintThemeColor();
      requestAnimationFrame(function () {
        document.body.removeAttribute("data-md-color-switching");
      });
    };
    Array.prototype.forEach.call(inputs, function (input, index) {
      input.addEventListener("change", function () {
        choose(index);
      });
    });
    // Enter on the focused toggle moves to the palette the toggle offers, as in Material.
    inputs[0].form.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      var next = inputs[palette.next];
      next.click();
      next.focus();
    });
    // The automatic palette follows a change of the system theme while the page is open.
    matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
      if (inputs[palette.index].getAttribute("data-md-color-media") === "(prefers-color-scheme)") choose(palette.index);
    });
    requestAnimationFrame(paintThemeColor);
  }
})();
