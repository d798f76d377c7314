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
 *    A tool made of several files lists in `needs` the globals its other files
 *    define (window.<name>): instant navigation runs a page's scripts in the
 *    order they arrive, so a tool waits until they have run (tried again as each
 *    script loads), and a file that fails meanwhile is said in a notice.
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
(() => {
  "use strict";
  document.addEventListener(
    "input",
    (ev) => {
      const box = ev.target;
      if (box instanceof HTMLInputElement && box.matches("[data-md-component=search-query]")) {
        box.dispatchEvent(new KeyboardEvent("keyup"));
      }
    },
    true
  );

  const SELECTOR = "nav.md-code__nav:not([role]), .md-search-result nav.md-tags:not([role])";

  const unmark = (root) => {
    for (const nav of root.querySelectorAll ? root.querySelectorAll(SELECTOR) : []) nav.setAttribute("role", "none");
  };

  unmark(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const added of change.addedNodes) {
        if (added.nodeType !== 1) continue;
        if (added.matches(SELECTOR)) added.setAttribute("role", "none");
        unmark(added);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });

  const palette = window.__guide_palette;
  if (palette) {
    const inputs = palette.inputs;
    // The browser's own bar takes the header's color, as with Material.
    const themeColor = document.createElement("meta");
    themeColor.name = "theme-color";
    document.head.appendChild(themeColor);
    const paintThemeColor = () => {
      const header = document.querySelector(".md-header");
      if (header) themeColor.content = getComputedStyle(header).backgroundColor;
    };
    const choose = (index) => {
      // Material's palette stylesheet turns transitions off while this attribute is set.
      document.body.setAttribute("data-md-color-switching", "");
      palette.apply(index);
      const input = inputs[index];
      __md_set("__palette", {
        index,
        color: {
          media: input.getAttribute("data-md-color-media"),
          scheme: input.getAttribute("data-md-color-scheme"),
          primary: input.getAttribute("data-md-color-primary"),
          accent: input.getAttribute("data-md-color-accent"),
        },
      });
      paintThemeColor();
      requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching"));
    };
    Array.from(inputs).forEach((input, index) => input.addEventListener("change", () => choose(index)));
    // Enter on the focused toggle moves to the palette the toggle offers, as in Material.
    inputs[0].form.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      const next = inputs[palette.next];
      next.click();
      next.focus();
    });
    // The automatic palette follows a change of the system theme while the page is open.
    matchMedia("(prefers-color-scheme: light)").addEventListener("change", () => {
      if (inputs[palette.index].getAttribute("data-md-color-media") === "(prefers-color-scheme)") choose(palette.index);
    });
    requestAnimationFrame(paintThemeColor);
  }

  const notices = document.createElement("div");
  notices.className = "guide-notice";
  notices.setAttribute("role", "status");
  notices.setAttribute("aria-atomic", "false"); // a new notice is read alone, not with the others shown
  document.body.insertBefore(notices, document.body.firstChild);
  const notice = (kind, text) => {
    const box = document.createElement("div");
    box.className = "guide-notice__box";
    box.setAttribute("data-guide-notice", kind);
    const p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    const old = notices.querySelector(`[data-guide-notice="${kind}"]`);
    if (old) notices.replaceChild(box, old);
    else notices.appendChild(box);
    return box;
  };
  // A notice with a button stays until it is used; news with nothing to do (inform) goes by
  // itself and lets clicks through to the page under it.
  const inform = (kind, text) => {
    const box = notice(kind, text);
    box.classList.add("guide-notice__box--news");
    setTimeout(() => box.remove(), 8000);
  };
  const notify = (kind, text, label, action, dismissed) => {
    const box = notice(kind, text);
    for (const [name, act, cls] of [[label, action, "md-button md-button--primary"], ["Dismiss", null, "md-button"]]) {
      if (!name) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = cls;
      button.textContent = name;
      button.addEventListener("click", act || (() => {
        box.remove();
        if (dismissed) dismissed();
      }));
      box.appendChild(button);
    }
  };

  const policyOf = () => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return meta ? meta.content : "";
  };
  const policy = policyOf();
  const manifest = document.querySelector('link[rel="manifest"]');
  if (manifest && "serviceWorker" in navigator && location.protocol !== "file:") {
    const register = () => {
      const sw = navigator.serviceWorker;
      // Whether this browser already had the guide's worker: a page loaded past it (Shift+Reload)
      // has no controller, yet a worker taking it later is a new version, not the first install.
      let controlled = !!sw.controller;
      let reloading = false;
      const offer = (worker) => {
        notify("update", "A new version of the guide is ready.", "Reload", () => {
          reloading = true;
          if (worker && worker.state === "installed") worker.postMessage({ type: "SKIP_WAITING" });
          else location.reload();
        });
      };
      sw.addEventListener("controllerchange", () => {
        if (reloading) location.reload();
        else if (controlled) offer(null); // another tab took the new version
        else inform("offline", "Saved on this device: the guide, its search and the practice tools now work without a connection (the code editor once you have opened it online).");
        controlled = true;
      });
      sw.getRegistration().then((reg) => {
        if (reg && reg.active) controlled = true;
      }, () => {}).then(() => sw.register(new URL("sw.js", manifest.href).href)).then(
        (reg) => {
          if (reg.waiting && controlled) offer(reg.waiting);
          reg.addEventListener("updatefound", () => {
            const worker = reg.installing;
            if (worker) worker.addEventListener("statechange", () => {
              if (worker.state === "installed" && controlled) offer(worker);
            });
          });
          document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "visible") reg.update().catch(() => {});
          });
        },
        () => {} // no worker (storage refused, say): the site works online as before
      );
    };
    if (document.readyState === "complete") register();
    else addEventListener("load", register, { once: true });

    // The browser says the site can be installed: offer it in the notice, until the reader dismisses it.
    const DISMISSED = "interview-guide:install-dismissed";
    addEventListener("beforeinstallprompt", (ev) => {
      try {
        if (localStorage.getItem(DISMISSED)) return; // the browser's own install menu stays
      } catch {
        // Storage blocked: no dismissal can have been kept, so offer the install.
      }
      ev.preventDefault();
      notify("install", "Install the guide on this device: it opens from your home screen and works offline.", "Install", () => {
        ev.prompt();
        const box = notices.querySelector('[data-guide-notice="install"]');
        if (box) box.remove();
      }, () => {
        try {
          localStorage.setItem(DISMISSED, "1");
        } catch {
          // Storage blocked: the offer comes back on the next visit, nothing else is lost.
        }
      });
    });
  }

  let asked = false;
  window.guideStorage = {
    saved() {
      if (asked || !navigator.storage || !navigator.storage.persist) return;
      asked = true;
      navigator.storage.persisted().then((kept) => kept || navigator.storage.persist()).then((kept) => {
        const key = "interview-guide:storage-persisted";
        const answer = kept ? "granted" : "denied";
        let told = null;
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
      }, () => {});
    },
  };

  const tools = [];
  const running = {}; // tool name -> { root, path, href, stop, url } of the copy on screen
  let shown = false; // whether Material has shown a page yet

  // A tool whose other files have not run yet (its `needs`) waits, and mount() is tried again each
  // time a script loads, however long its files take. A script that fails to load while a tool
  // waits (on a first load it failed before this file ran: checked once the page has loaded) is
  // said, instead of leaving the tool's buttons disabled with no reason given.
  const waiting = new Set();
  function mount(tool) {
    waiting.delete(tool);
    const root = document.querySelector(`[data-guide-tool="${tool.name}"]`);
    const now = running[tool.name];
    if (now && now.root === root) return;
    if (now && now.stop) now.stop();
    delete running[tool.name];
    if (!root) return;
    if (tool.needs && !tool.needs.every((name) => window[name])) {
      waiting.add(tool);
      unloaded();
      return;
    }
    const data = root.getAttribute("data-guide-data");
    const hooks = tool.start(root, data === null ? null : JSON.parse(data)) || {};
    running[tool.name] = { root, path: location.pathname, href: location.href, stop: hooks.stop, url: hooks.url };
    root.setAttribute("data-guide-ready", "");
  }
  const failed = new Set(); // scripts of the page on screen that did not load
  const cannotStart = () => notify("load", navigator.onLine === false
    ? "Part of this tool is not saved on this device yet: connect once and reload the page. What you saved is kept."
    : "Part of this tool could not load: check your connection and reload the page. What you saved is kept.");
  // A tool whose own file did not load never registers, so it never waits either: its root is
  // on the page, not started, and no tool of its name is known. (Lazy tools say their own failures;
  // one that loads only when something is stored has not been asked for yet.)
  const stranded = () => [...document.querySelectorAll("[data-guide-tool]:not([data-guide-ready]):not([data-guide-lazy]):not([data-guide-load-if-stored])")]
    .some((root) => !tools.some((tool) => tool.name === root.getAttribute("data-guide-tool")));
  const unloaded = () => {
    for (const script of failed) if (!script.isConnected) failed.delete(script); // a page since left
    if ((waiting.size || stranded()) && failed.size) cannotStart();
  };
  document.addEventListener("load", (ev) => {
    if (ev.target instanceof HTMLScriptElement) for (const tool of [...waiting]) mount(tool);
  }, true);
  // A file loaded on first use (part 5) says so itself (its onerror).
  document.addEventListener("error", (ev) => {
    if (!(ev.target instanceof HTMLScriptElement) || ev.target.onerror) return;
    failed.add(ev.target);
    unloaded();
  }, true);
  // A script answered with something else (a captive portal's sign-in page, a proxy's error page,
  // a file cut short) loads, but does not parse: the browser reports a SyntaxError from its
  // address, and its element sees no error. It failed all the same.
  addEventListener("error", (ev) => {
    if (!(ev.error instanceof SyntaxError) || !ev.filename) return;
    const script = [...document.querySelectorAll("script[src]")].find((s) => s.src === ev.filename);
    if (!script || script.src === here) return;
    if (script.onerror) return script.onerror(); // loaded on first use: it says so itself
    failed.add(script);
    unloaded();
  });
  // A page loaded in full has run every script it lists by then: a tool still waiting, or never
  // registered, never starts.
  addEventListener("load", () => setTimeout(() => (waiting.size || stranded()) && cannotStart()), { once: true });
  function showPage() {
    if (policyOf() !== policy) return location.reload(); // part 7: a page with a policy of its own
    shown = true;
    for (const tool of tools) mount(tool);
    loadIfStored();
  }
  function followAddress() {
    for (const now of Object.values(running)) {
      if (!now.url || now.path !== location.pathname || now.href === location.href) continue;
      now.href = location.href;
      now.url(new URL(location.href));
    }
  }
  const waitingTools = window.guideTools || [];
  window.guideTools = {
    push(tool) {
      if (tools.some((t) => t.name === tool.name)) return;
      tools.push(tool);
      if (shown) mount(tool);
    },
  };
  waitingTools.forEach(window.guideTools.push);

  // Paths relative to this file. The coach's data is written by the build, and its list of the
  // coach's files is the same as this one's (macros/coach.py; coach-core.js says what each holds).
  const LAZY = {
    coach: ["../generated/coach-data.js", "vendor/ts-fsrs/index.umd.js", "tool-kit.js", "coach-core.js", "coach-store.js", "coach-recorder.js", "coach-review.js", "coach-panel.js"],
    // It rates nothing: no scheduler.
    "readiness-summary": ["../generated/coach-data.js", "tool-kit.js", "coach-core.js", "coach-store.js", "coach-summary.js"],
    "code-runner": ["vendor/codemirror/editor.js", "code-runner.js"], // Python itself loads on the first Run
  };
  const here = document.currentScript ? document.currentScript.src : location.href;
  // `again`: how the reader tries again, said if a file fails (a summary loaded because something is
  // stored has no button to press).
  function load(name, again = "press its button again") {
    // Each of its files not here yet, or removed after it failed: a press after a failure fetches
    // again what failed, even when the tool's own file has run.
    for (const file of LAZY[name]) {
      const src = new URL(file, here).href;
      if (document.querySelector(`script[src="${src}"]`)) continue; // here (or on its way) for this or another tool
      const script = document.createElement("script");
      script.src = src;
      script.async = false; // in order: the data, then what uses it
      // A tool whose files are not cached yet (the code runner's editor, offline before its first
      // use) says so, instead of its button doing nothing; a later press tries again.
      script.onerror = () => {
        script.remove();
        notify(`load-${name}`, navigator.onLine === false
          ? "This tool needs a connection the first time you open it; after that it works offline."
          : `This tool could not load: check your connection and ${again}.`);
      };
      document.body.appendChild(script);
    }
    const tool = tools.find((t) => t.name === name);
    if (tool) mount(tool);
  }
  document.addEventListener("click", (ev) => {
    const button = ev.target instanceof Element ? ev.target.closest("[data-guide-lazy] > button") : null;
    if (!button) return;
    const root = button.parentNode;
    const name = root.getAttribute("data-guide-lazy");
    if (!LAZY[name]) return;
    const old = document.querySelector(`[data-guide-tool="${name}"]`);
    if (old && old !== root) old.removeAttribute("data-guide-tool");
    root.setAttribute("data-guide-tool", name);
    load(name);
  });
  function loadIfStored() {
    for (const root of document.querySelectorAll("[data-guide-load-if-stored][data-guide-tool]")) {
      const name = root.getAttribute("data-guide-tool");
      if (!LAZY[name]) continue;
      let stored;
      try {
        stored = JSON.parse(root.getAttribute("data-guide-load-if-stored")).some((key) => localStorage.getItem(key) !== null);
      } catch {
        stored = true; // storage cannot be read: the tool says so
      }
      if (stored) load(name, "reload the page");
    }
  }

  addEventListener("hashchange", followAddress);
  addEventListener("popstate", followAddress);
  if (typeof location$ !== "undefined") location$.subscribe(followAddress);
  // From file:// (the offline edition) Material completes document$ without emitting: show the page anyway.
  if (typeof document$ === "undefined") showPage();
  else document$.subscribe({ next: showPage, complete: () => { if (!shown) showPage(); } });
})();
