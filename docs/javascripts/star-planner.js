// STAR story planner (docs/practice/star-planner.md): stories stay in localStorage; user text only
// ever goes into textContent or value. Started by site.js for each copy of the page (CONTRIBUTING.md,
// "Browser scripts"); the functions above start() are its pure logic, tested in tests/js/star-planner.test.js.
// What it shares with the coach (el(), the rules of a stories file) is tool-kit.js's, which its page lists first.
(() => {
  "use strict";
  // tool-kit.js: Node's require(); in the page, read when first used (instant navigation runs a
  // page's scripts in the order they arrive; site.js starts the planner once tool-kit.js has run).
  const node = typeof module === "object" && module.exports ? require("./tool-kit.js") : null;
  const kit = () => node || window.guideKit;
  const PARTS = { situation: "Situation", task: "Task", action: "Action", result: "Result", metrics: "Metrics" };

  const stories = (n) => `${n} ${n === 1 ? "story" : "stories"}`;
  const month = (m) => new Date(+m.slice(0, 4), +m.slice(5) - 1, 1).toLocaleDateString("en-US", { month: "long", year: "numeric" });

  // "" when `d`, a parsed file, is a valid export for `cfg` naming only the principle ids in `known` (a Set),
  // else what is wrong with it.
  function checkFile(d, cfg, known) {
    if (!kit().exact(d, ["stories", "version"])) return 'The file must be an object with exactly two fields, "version" and "stories".';
    if (d.version !== cfg.version) return `Only version ${cfg.version} files can be imported.`;
    const problem = kit().checkStories(d.stories, cfg, known);
    return problem && problem[0].toUpperCase() + problem.slice(1);
  }

  // What is wrong with a story typed into the form, as [field to focus or null, message]; null when nothing.
  function problemIn(s) {
    if (!s.title) return ["title", "Give the story a title."];
    if (s.when && !kit().MONTH.test(s.when)) return ["when", "Write the month as YYYY-MM, for example 2024-03."];
    if (!s.principles.length) return [null, "Tick at least one principle that this story shows."];
    return null;
  }

  // Stories per principle id (every id in `ids`, in order), and how many ids have `target` or more.
  function coverage(list, ids, target) {
    const counts = new Map(ids.map((id) => [id, 0]));
    for (const s of list) for (const p of s.principles) counts.set(p, counts.get(p) + 1);
    return { counts, covered: [...counts.values()].filter((n) => n >= target).length };
  }

  // Most recent first; undated stories last.
  const byRecent = (list) => list.slice().sort((a, b) => (b.when || "0").localeCompare(a.when || "0"));

  // What an import says it did: `n` stories in, replacing the `was` stories that were here.
  const imported = (n, was) => `Imported ${stories(n)}` + (was ? `; ${n === 1 ? "it replaces" : "they replace"} the ${stories(was)} that ${was === 1 ? "was" : "were"} here.` : ".");

  // A story's text as Markdown that shows it literally, in CommonMark and Python-Markdown alike: HTML's
  // < > & as entities, the inline markup characters (emphasis, code, links) escaped, and a line's first
  // character that could start a heading, list or rule (# - + = and a number's . or ) ) as an entity;
  // a line break is kept as a hard break inside its paragraph. (\x60 is the backtick.)
  const ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
  const mdText = (t) =>
    t.split(/\r?\n/).map((line) =>
      line.replace(/[&<>]/g, (c) => ENTITY[c]).replace(/[\\\x60*_[\]]/g, "\\$&")
        .replace(/^(\s*)([#+=-])/, (m, sp, c) => `${sp}&#${c.charCodeAt(0)};`)
        .replace(/^(\s*\d+)([.)])/, (m, n, c) => `${n}&#${c.charCodeAt(0)};`)
    ).join("  \n");

  // The stories as a Markdown document; `names` maps principle ids to names.
  function markdown(list, names) {
    const out = ["# STAR stories", ""];
    for (const s of list) {
      out.push(`## ${mdText(s.title)}`, "", `- **Principles:** ${s.principles.map((p) => mdText(names.get(p))).join(", ")}`);
      if (s.when) out.push(`- **When:** ${month(s.when)}`);
      out.push("");
      for (const f in PARTS) if (s[f]) out.push(`**${PARTS[f]}:** ${mdText(s[f])}`, "");
    }
    return out.join("\n");
  }

  // A story edited here while another tab or window changed it: `base` is the story as this edit
  // began, `mine` as the form holds it, `theirs` as it is stored now. Each field takes the side that
  // changed it; a field both changed differently is a conflict. Returns { story, conflicts: [field] }.
  function merge(base, mine, theirs) {
    const story = { id: mine.id };
    const conflicts = [];
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    for (const f of [...kit().TEXT, "principles"]) {
      const changed = !same(mine[f], base[f]);
      story[f] = changed ? mine[f] : theirs[f];
      if (changed && !same(theirs[f], base[f]) && !same(theirs[f], mine[f])) conflicts.push(f);
    }
    return { story, conflicts };
  }

  // The planner's files: export as JSON or Markdown, import a JSON file, delete every story.
  function files(p) {
    const { el } = window.guideKit;
    const { $, cfg, names, say, render, reset } = p;
    const { file: fileMsg, delete: deleteMsg } = p.msgs;
    const download = (name, type, text) => {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type }));
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    };
    $("export-json").onclick = () =>
      download("star-stories.json", "application/json", JSON.stringify({ version: cfg.version, stories: p.list }, null, 2) + "\n");
    $("export-md").onclick = () => download("star-stories.md", "text/markdown", markdown(p.list, names));

    $("import").addEventListener("change", async (e) => {
      const file = e.target.files[0];
      e.target.value = "";
      if (!file) return;
      let d = null;
      let problem = file.size > cfg.maxBytes ? `The file is larger than ${cfg.maxBytes / 1048576} MB.` : "";
      if (!problem) {
        try {
          d = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()));
        } catch (err) {
          problem = err instanceof SyntaxError ? "The file is not valid JSON." : "The file is not UTF-8 text, as the planner writes its files.";
        }
      }
      problem = problem || checkFile(d, cfg, names);
      if (problem) return say(fileMsg, `Nothing was imported. ${problem}`, 1);
      const n = d.stories.length;
      const was = p.list.length;
      if (was && !confirm(`Replace the stories in this browser (${was}) with those in the file (${n})?`))
        return say(fileMsg, "Import canceled; nothing changed.");
      reset();
      const ok = p.save(d.stories, fileMsg);
      render();
      if (ok) say(fileMsg, imported(n, was));
    });

    $("delete-all").onclick = () => {
      if (!p.list.length) return say(deleteMsg, "There are no stories to delete.");
      if (!confirm(`Delete all ${stories(p.list.length)} from this browser? This cannot be undone: export them first to keep a copy.`))
        return say(deleteMsg, "Nothing was deleted.");
      try {
        localStorage.removeItem(cfg.key);
      } catch {
        return say(deleteMsg, "Not deleted: this browser does not let the planner change its storage.", 1);
      }
      p.list = [];
      reset();
      render();
      say(deleteMsg, "All stories deleted. Nothing of the planner is left in this browser.");
    };
  }

  function start(root, { config: cfg, principles }) {
    const $ = (id) => document.getElementById("star-" + id);
    const form = $("form");
    const p = {
      $, cfg, principles, form,
      names: new Map(principles.map((x) => [x.id, x.name])),
      boxes: [...form.querySelectorAll("input[name=principles]")],
      msgs: Object.fromEntries(["form", "list", "file", "delete"].map((m) => [m, $(m + "-msgs")])),
      list: [],
      editing: null,
      base: null, // the story being edited, as it was stored when the edit began
      say(box, text, bad) {
        for (const b of root.querySelectorAll(".guide-tool__msgs")) b.children[0].textContent = b.children[1].textContent = "";
        box.children[bad ? 1 : 0].textContent = text;
      },
      load() {
        let raw = null;
        try {
          raw = localStorage.getItem(cfg.key);
        } catch {
          return p.say(p.msgs.form, "This browser does not let the planner use its storage, so stories last only until you leave the page. Export them to keep them.", 1);
        }
        let d = null;
        try {
          d = JSON.parse(raw);
        } catch {
          // Not JSON: checkFile refuses it below and the message says the stories are damaged.
        }
        if (raw !== null && checkFile(d, cfg, p.names)) return p.say(p.msgs.form, "The stories saved in this browser are damaged and could not be read. Saving a story will overwrite them.", 1);
        p.list = raw === null ? [] : d.stories;
      },
      save(next, box) {
        p.list = next;
        try {
          localStorage.setItem(cfg.key, JSON.stringify({ version: cfg.version, stories: p.list }));
          if (window.guideStorage) window.guideStorage.saved(); // site.js asks the browser to keep it
          return true;
        } catch (e) {
          p.say(box, `Not saved: this browser's storage is ${e && e.name === "QuotaExceededError" ? "full" : "unavailable"}. The change lasts only until you leave the page, so export your stories as JSON now.`, 1);
          return false;
        }
      },
    };
    window.guidePlannerStories(p);
    files(p);
    // Another tab changed the stories (or cleared the storage): show what is stored now.
    const refresh = (e) => (e.key === cfg.key || e.key === null) && (p.load(), p.render());
    addEventListener("storage", refresh);
    p.load();
    p.render();
    root.querySelector(".guide-tool__ui").disabled = false;
    return { stop: () => removeEventListener("storage", refresh) };
  }

  const logic = { checkFile, problemIn, coverage, byRecent, imported, markdown, month, merge, stories, PARTS };
  if (typeof module === "object" && module.exports) module.exports = logic;
  else {
    window.guidePlanner = logic;
    (window.guideTools = window.guideTools || []).push({ name: "star-planner", needs: ["guideKit", "guidePlannerStories"], start });
  }
})();
