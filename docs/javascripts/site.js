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
 *    times at start-up. The palette is already applied before the first paint
 *    (overrides/partials/guide-palette.html, which says why and defines
 *    window.__guide_palette); here a choice is applied, stored
 *    as Material stores it, and followed by the browser's theme color. The
 *    header is not swapped by instant navigation, so this runs once.
 *
 * 4. The practice tools' start-up, one helper for all of them (CONTRIBUTING.md,
 *    "Browser scripts"). A tool's markup is one element marked
 *    data-guide-tool="<name>", carrying its data, if any, as JSON in
 *    data-guide-data. Its script, loaded by its own page only, registers
 *        (window.guideTools = window.guideTools || []).push({ name, start })
 *    The tool scripts sit inside the content and run before this file, so
 *    they leave their entry in a plain array, which this file then replaces
 *    with an object whose push() registers at once. Instant navigation runs
 *    a tool's file again on every visit: a name registers once. For every
 *    page Material shows (document$), start(root, data) runs once for each
 *    new copy of the tool's element; it may return { stop, url }: stop()
 *    runs when that copy leaves the screen, url() when the address of its
 *    page changes under it (a link to an anchor, Back, Forward). Instant
 *    navigation changes the address with history.pushState, which fires no
 *    hashchange, so Material's location$ is followed as well as the events.
 *
 * 5. Tools loaded on first use. Where a tool would weigh on a page most readers
 *    only read (the coach on the question bank and principle pages), the page
 *    carries a small element marked data-guide-lazy="<name>" holding a button,
 *    and nothing else of the tool. The first press of such a button loads the
 *    files LAZY lists for it, in order, from this site (next to this file), and
 *    part 4 starts the tool on that element once its script registers. A press
 *    on another such element moves the tool there: the copy on screen stops.
 *    A tool that only shows what this browser has stored (the readiness
 *    summary on the home and practice pages) is marked instead with
 *    data-guide-load-if-stored='["<storage key>", ...]' beside its
 *    data-guide-tool: its files load when the page is shown and one of those
 *    keys holds something, or when storage cannot be read (the tool then says
 *    so). On a first visit it loads nothing and the page's own text stands.
 *
 * 6. Notices: one live region (role=status) that is the first element of <body>,
 *    so the keyboard reaches its buttons first, fixed over the bottom of the
 *    window, so nothing painted moves. Empty, it has no size.
 *
 * 7. The installed app (hooks/app.py). On pages that link the manifest (the
 *    hosted site: not `mkdocs serve`, not the offline edition), the service
 *    worker sw.js, beside the manifest, is registered once the page has loaded,
 *    so it never competes with the first visit. When a new build has installed
 *    and waits, the notice says "A new version of the guide is ready" with a
 *    Reload button: the waiting worker takes over, and the page reloads from
 *    it. A page left open checks for a new build each time it is shown again.
 *    Every page's Content-Security-Policy is the same (hooks/csp.py), but a page
 *    may add to its own; a meta policy can only be added to, and instant
 *    navigation keeps the first page's, so a page whose policy differs from
 *    the one this document started with is loaded in full.
 *
 *    The first worker to take a page (it has precached the whole build by then)
 *    says so for a few seconds: from now on the guide works without a connection.
 *
 *    Where the browser reports the site installable (beforeinstallprompt), the
 *    notice offers "Install" until the reader dismisses it once.
 *
 * 8. Persistent storage. A practice tool calls window.guideStorage.saved() after
 *    it stored something. The first call on a page asks the browser to keep the
 *    site's storage even under storage pressure (navigator.storage.persist()),
 *    so recordings and stories are not evicted, and the notice says whether it
 *    was granted, once in a tab's session for each answer the browser gives.
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

  var notices = document.createElement("div");
  notices.className = "guide-notice";
  notices.setAttribute("role", "status");
  notices.setAttribute("aria-atomic", "false"); // a new notice is read alone, not with the others shown
  document.body.insertBefore(notices, document.body.firstChild);
  function notice(kind, text) {
    var box = document.createElement("div");
    box.className = "guide-notice__box";
    box.setAttribute("data-guide-notice", kind);
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    var old = notices.querySelector('[data-guide-notice="' + kind + '"]');
    if (old) notices.replaceChild(box, old);
    else notices.appendChild(box);
    return box;
  }
  // A notice with a button stays until it is used; news with nothing to do (inform) goes by
  // itself and lets clicks through to the page under it.
  function inform(kind, text) {
    var box = notice(kind, text);
    box.classList.add("guide-notice__box--news");
    setTimeout(function () {
      box.remove();
    }, 8000);
  }
  function notify(kind, text, label, action, dismissed) {
    var box = notice(kind, text);
    [[label, action, "md-button md-button--primary"], ["Dismiss", null, "md-button"]].forEach(function (b) {
      if (!b[0]) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = b[2];
      button.textContent = b[0];
      button.addEventListener("click", b[1] || function () {
        box.remove();
        if (dismissed) dismissed();
      });
      box.appendChild(button);
    });
  }

  var policyOf = function () {
    var meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return meta ? meta.content : "";
  };
  var policy = policyOf();
  var manifest = document.querySelector('link[rel="manifest"]');
  if (manifest && "serviceWorker" in navigator && location.protocol !== "file:") {
    var register = function () {
      var sw = navigator.serviceWorker;
      // Whether this browser already had the guide's worker: a page loaded past it (Shift+Reload)
      // has no controller, yet a worker taking it later is a new version, not the first install.
      var controlled = !!sw.controller;
      var reloading = false;
      var offer = function (worker) {
        notify("update", "A new version of the guide is ready.", "Reload", function () {
          reloading = true;
          if (worker && worker.state === "installed") worker.postMessage({ type: "SKIP_WAITING" });
          else location.reload();
        });
      };
      sw.addEventListener("controllerchange", function () {
        if (reloading) location.reload();
        else if (controlled) offer(null); // another tab took the new version
        else inform("offline", "Saved on this device: the guide, its search and the practice tools now work without a connection (the code editor once you have opened it online).");
        controlled = true;
      });
      sw.getRegistration().then(function (reg) {
        if (reg && reg.active) controlled = true;
      }, function () {}).then(function () {
        return sw.register(new URL("sw.js", manifest.href).href);
      }).then(
        function (reg) {
          if (reg.waiting && controlled) offer(reg.waiting);
          reg.addEventListener("updatefound", function () {
            var worker = reg.installing;
            if (worker) worker.addEventListener("statechange", function () {
              if (worker.state === "installed" && controlled) offer(worker);
            });
          });
          document.addEventListener("visibilitychange", function () {
            if (document.visibilityState === "visible") reg.update().catch(function () {});
          });
        },
        function () {} // no worker (storage refused, say): the site works online as before
      );
    };
    if (document.readyState === "complete") register();
    else addEventListener("load", register, { once: true });

    // The browser says the site can be installed: offer it in the notice, until the reader dismisses it.
    var DISMISSED = "interview-guide:install-dismissed";
    addEventListener("beforeinstallprompt", function (ev) {
      try {
        if (localStorage.getItem(DISMISSED)) return; // the browser's own install menu stays
      } catch {
        // Storage blocked: no dismissal can have been kept, so offer the install.
      }
      ev.preventDefault();
      notify("install", "Install the guide on this device: it opens from your home screen and works offline.", "Install", function () {
        ev.prompt();
        var box = notices.querySelector('[data-guide-notice="install"]');
        if (box) box.remove();
      }, function () {
        try {
          localStorage.setItem(DISMISSED, "1");
        } catch {
          // Storage blocked: the offer comes back on the next visit, nothing else is lost.
        }
      });
    });
  }

  var asked = false;
  window.guideStorage = {
    saved: function () {
      if (asked || !navigator.storage || !navigator.storage.persist) return;
      asked = true;
      navigator.storage.persisted().then(function (kept) {
        return kept || navigator.storage.persist();
      }).then(function (kept) {
        var key = "interview-guide:storage-persisted", answer = kept ? "granted" : "denied", told = null;
        try {
          told = sessionStorage.getItem(key); // this tab's session: no practice data of its own
          sessionStorage.setItem(key, answer);
        } catch {
          // Storage blocked: say it again rather than not at all.
        }
        if (told === answer) return;
        notify("storage", kept
          ? "This browser keeps your practice data even when it runs low on space."
          : "This browser may clear your practice data when it runs low on space: export a backup now and then.");
      }, function () {});
    },
  };

  var tools = [];
  var running = {}; // tool name -> { root, path, href, stop, url } of the copy on screen
  var shown = false; // whether Material has shown a page yet

  function mount(tool) {
    var root = document.querySelector('[data-guide-tool="' + tool.name + '"]');
    var now = running[tool.name];
    if (now && now.root === root) return;
    if (now && now.stop) now.stop();
    delete running[tool.name];
    if (!root) return;
    var data = root.getAttribute("data-guide-data");
    var hooks = tool.start(root, data === null ? null : JSON.parse(data)) || {};
    running[tool.name] = { root: root, path: location.pathname, href: location.href, stop: hooks.stop, url: hooks.url };
    root.setAttribute("data-guide-ready", "");
  }
  function showPage() {
    if (policyOf() !== policy) return location.reload(); // part 7: a page with a policy of its own
    shown = true;
    tools.forEach(mount);
    loadIfStored();
  }
  function followAddress() {
    Object.keys(running).forEach(function (name) {
      var now = running[name];
      if (!now.url || now.path !== location.pathname || now.href === location.href) return;
      now.href = location.href;
      now.url(new URL(location.href));
    });
  }
  var waiting = window.guideTools || [];
  window.guideTools = {
    push: function (tool) {
      if (tools.some(function (t) { return t.name === tool.name; })) return;
      tools.push(tool);
      if (shown) mount(tool);
    },
  };
  waiting.forEach(window.guideTools.push);

  // Paths relative to this file. The coach's data is written by the build (macros/coach.py).
  var LAZY = {
    coach: ["../generated/coach-data.js", "vendor/ts-fsrs/index.umd.js", "coach.js"],
    "readiness-summary": ["../generated/coach-data.js", "coach.js"], // it rates nothing: no scheduler
    "code-runner": ["vendor/codemirror/editor.js", "code-runner.js"], // Python itself loads on the first Run
  };
  var here = document.currentScript ? document.currentScript.src : location.href;
  var loading = {};
  function load(name) {
    var tool = tools.filter(function (t) { return t.name === name; })[0];
    if (tool) return mount(tool);
    if (loading[name]) return;
    loading[name] = true;
    LAZY[name].forEach(function (file) {
      var src = new URL(file, here).href;
      if (document.querySelector('script[src="' + src + '"]')) return; // already here for another tool
      var script = document.createElement("script");
      script.src = src;
      script.async = false; // in order: the data, then what uses it
      // A tool whose files are not cached yet (the code runner's editor, offline before its first
      // use) says so, instead of its button doing nothing; a later press tries again.
      script.onerror = function () {
        script.remove();
        delete loading[name];
        notify("load-" + name, navigator.onLine === false
          ? "This tool needs a connection the first time you open it; after that it works offline."
          : "This tool could not load: check your connection and press its button again.");
      };
      document.body.appendChild(script);
    });
  }
  document.addEventListener("click", function (ev) {
    var button = ev.target instanceof Element ? ev.target.closest("[data-guide-lazy] > button") : null;
    if (!button) return;
    var root = button.parentNode;
    var name = root.getAttribute("data-guide-lazy");
    if (!LAZY[name]) return;
    var old = document.querySelector('[data-guide-tool="' + name + '"]');
    if (old && old !== root) old.removeAttribute("data-guide-tool");
    root.setAttribute("data-guide-tool", name);
    load(name);
  });
  function loadIfStored() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-guide-load-if-stored][data-guide-tool]"), function (root) {
      var name = root.getAttribute("data-guide-tool");
      if (!LAZY[name]) return;
      var stored;
      try {
        stored = JSON.parse(root.getAttribute("data-guide-load-if-stored")).some(function (key) {
          return localStorage.getItem(key) !== null;
        });
      } catch {
        stored = true; // storage cannot be read: the tool says so
      }
      if (stored) load(name);
    });
  }

  addEventListener("hashchange", followAddress);
  addEventListener("popstate", followAddress);
  if (typeof location$ !== "undefined") location$.subscribe(followAddress);
  // From file:// (the offline edition) Material completes document$ without emitting: show the page anyway.
  if (typeof document$ === "undefined") showPage();
  else document$.subscribe({ next: showPage, complete: function () { if (!shown) showPage(); } });
})();
