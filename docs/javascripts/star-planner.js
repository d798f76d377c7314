// STAR story planner (docs/practice/star-planner.md): stories stay in localStorage; user text only
// ever goes into textContent or value. Started by site.js for each copy of the page (CONTRIBUTING.md,
// "Browser scripts"); the functions above start() are its pure logic, tested in tests/js/star-planner.test.js.
(() => {
  "use strict";
  const TEXT = ["title", "when", "situation", "task", "action", "result", "metrics"];
  const KEYS = JSON.stringify(["id", "principles", ...TEXT].sort());
  const PARTS = { situation: "Situation", task: "Task", action: "Action", result: "Result", metrics: "Metrics" };
  const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  // A lone UTF-16 surrogate: text that cannot be saved as UTF-8 and read back the same.
  const BROKEN = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  const stories = (n) => `${n} ${n === 1 ? "story" : "stories"}`;
  const exact = (o, keys) =>
    !!o && typeof o === "object" && !Array.isArray(o) && JSON.stringify(Object.keys(o).sort()) === keys;
  const month = (m) => new Date(+m.slice(0, 4), +m.slice(5) - 1, 1).toLocaleDateString("en-US", { month: "long", year: "numeric" });

  // "" when `d`, a parsed file, is a valid export for `cfg` naming only the principle ids in `known` (a Set),
  // else what is wrong with it.
  function checkFile(d, cfg, known) {
    if (!exact(d, '["stories","version"]')) return 'The file must be an object with exactly two fields, "version" and "stories".';
    if (d.version !== cfg.version) return `Only version ${cfg.version} files can be imported.`;
    if (!Array.isArray(d.stories)) return '"stories" must be a list.';
    if (d.stories.length > cfg.maxStories) return `A file may hold at most ${cfg.maxStories} stories.`;
    const ids = new Set();
    for (const [i, s] of d.stories.entries()) {
      const n = `Story ${i + 1}: `;
      if (!exact(s, KEYS)) return `${n}it must have exactly the fields id, principles, ${TEXT.join(", ")}.`;
      for (const f of ["id", ...TEXT]) {
        if (typeof s[f] !== "string") return `${n}"${f}" must be text.`;
        if (BROKEN.test(s[f])) return `${n}"${f}" has a broken character (half of a UTF-16 pair).`;
        if (s[f].length > cfg.limits[f]) return `${n}"${f}" is longer than ${cfg.limits[f]} characters.`;
      }
      if (!/^[a-z0-9-]+$/.test(s.id) || ids.has(s.id)) return `${n}"id" must be a unique lower-case id.`;
      ids.add(s.id);
      if (!s.title.trim()) return `${n}"title" must not be empty.`;
      if (s.when && !MONTH.test(s.when)) return `${n}"when" must be a month written YYYY-MM, or empty.`;
      const p = s.principles;
      if (!Array.isArray(p) || !p.length || new Set(p).size !== p.length || !p.every((x) => known.has(x)))
        return `${n}"principles" must list one or more known principle ids, each once.`;
    }
    return "";
  }

  // What is wrong with a story typed into the form, as [field to focus or null, message]; null when nothing.
  function problemIn(s) {
    if (!s.title) return ["title", "Give the story a title."];
    if (s.when && !MONTH.test(s.when)) return ["when", "Write the month as YYYY-MM, for example 2024-03."];
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
    for (const f of [...TEXT, "principles"]) {
      const changed = !same(mine[f], base[f]);
      story[f] = changed ? mine[f] : theirs[f];
      if (changed && !same(theirs[f], base[f]) && !same(theirs[f], mine[f])) conflicts.push(f);
    }
    return { story, conflicts };
  }

  function start(root, { config: cfg, principles }) {
    const $ = (id) => document.getElementById("star-" + id);
    const el = (tag, cls, text) => {
      const e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = text;
      return e;
    };
    const names = new Map(principles.map((p) => [p.id, p.name]));
    const form = $("form");
    const boxes = [...form.querySelectorAll("input[name=principles]")];
    const [formMsg, listMsg, fileMsg, deleteMsg] = ["form", "list", "file", "delete"].map((m) => $(m + "-msgs"));
    let list = [];
    let editing = null;
    let base = null; // the story being edited, as it was stored when the edit began

    const say = (box, text, bad) => {
      for (const b of root.querySelectorAll(".guide-tool__msgs")) b.children[0].textContent = b.children[1].textContent = "";
      box.children[bad ? 1 : 0].textContent = text;
    };

    function load() {
      let raw = null;
      try {
        raw = localStorage.getItem(cfg.key);
      } catch {
        return say(formMsg, "This browser does not let the planner use its storage, so stories last only until you leave the page. Export them to keep them.", 1);
      }
      let d = null;
      try {
        d = JSON.parse(raw);
      } catch {
        // Not JSON: checkFile refuses it below and the message says the stories are damaged.
      }
      if (raw !== null && checkFile(d, cfg, names)) return say(formMsg, "The stories saved in this browser are damaged and could not be read. Saving a story will overwrite them.", 1);
      list = raw === null ? [] : d.stories;
    }

    function save(next, box) {
      list = next;
      try {
        localStorage.setItem(cfg.key, JSON.stringify({ version: cfg.version, stories: list }));
        if (window.guideStorage) window.guideStorage.saved(); // site.js asks the browser to keep it
        return true;
      } catch (e) {
        say(box, `Not saved: this browser's storage is ${e && e.name === "QuotaExceededError" ? "full" : "unavailable"}. The change lasts only until you leave the page, so export your stories as JSON now.`, 1);
        return false;
      }
    }

    function render() {
      const cutoff = new Date();
      cutoff.setMonth(cutoff.getMonth() - cfg.recentMonths);
      const old = cutoff.toISOString().slice(0, 7);
      const years = cfg.recentMonths / 12;
      const items = byRecent(list).map((s) => {
        const li = el("li", "guide-planner__story");
        const meta = [s.when ? month(s.when) : "No date"];
        if (s.when && s.when < old) meta.push(`more than ${years === 1 ? "a year" : years + " years"} ago`);
        meta.push(s.principles.map((p) => names.get(p)).join(", "));
        const dl = el("dl");
        for (const f in PARTS) if (s[f]) dl.append(el("dt", "", PARTS[f]), el("dd", "", s[f]));
        const actions = el("div", "guide-tool__buttons");
        for (const [label, act] of [["Edit", edit], ["Delete", remove]]) {
          const b = el("button", "md-button", label);
          b.type = "button";
          b.setAttribute("aria-label", `${label} “${s.title}”`);
          b.onclick = () => act(s);
          actions.append(b);
        }
        li.append(el("h3", "", s.title), el("p", "guide-planner__meta", meta.join(" · ")), dl, actions);
        return li;
      });
      $("list").replaceChildren(...items);
      $("count").textContent = list.length ? `${stories(list.length)}, most recent first.` : "No stories yet.";
      const target = cfg.storiesPerPrinciple;
      const { counts, covered } = coverage(list, principles.map((p) => p.id), target);
      for (const tr of $("coverage").tBodies[0].rows) {
        const n = counts.get(tr.dataset.principle);
        tr.cells[1].textContent = n;
        tr.cells[2].textContent = n < target ? `Needs ${target - n} more` : "Covered";
        tr.classList.toggle("is-gap", n < target);
      }
      $("coverage-summary").textContent = `${covered} of ${counts.size} principles have at least ${stories(target)}.` +
        (covered < counts.size ? " Rows marked “Needs … more” are the gaps to fill." : "");
    }

    function reset(id = null) {
      form.reset();
      showError(null);
      editing = id;
      base = id ? list.find((x) => x.id === id) || null : null;
      $("form-heading").textContent = id ? "Edit story" : "Add a story";
      $("save").textContent = id ? "Save changes" : "Add story";
      $("cancel").hidden = !id;
    }

    function edit(s) {
      reset(s.id);
      for (const f of TEXT) $(f).value = s[f];
      for (const b of boxes) b.checked = s.principles.includes(b.value);
      $("form-heading").scrollIntoView();
      $("title").focus({ preventScroll: true });
    }

    function remove(s) {
      if (!confirm(`Delete the story “${s.title}”? This cannot be undone.`)) return;
      if (editing === s.id) reset();
      load(); // what is stored now: another tab may have added or changed stories since
      if (save(list.filter((x) => x.id !== s.id), listMsg)) say(listMsg, "Story deleted.");
      render();
      $("list-heading").focus();
    }

    // A problem in the form is said beside the field it is about (read with it, in view when the
    // field takes the focus), and in the form's messages; null clears it.
    const fieldError = el("p", "guide-tool__error");
    fieldError.id = "star-field-error";
    fieldError.setAttribute("role", "alert");
    function showError(problem) {
      for (const f of [...TEXT.map($), boxes[0].closest("fieldset")]) {
        f.removeAttribute("aria-invalid");
        f.setAttribute("aria-describedby", (f.getAttribute("aria-describedby") || "").replace(/\s*star-field-error/, "").trim());
        if (!f.getAttribute("aria-describedby")) f.removeAttribute("aria-describedby");
      }
      fieldError.remove();
      if (!problem) return;
      const field = problem[0] ? $(problem[0]) : boxes[0].closest("fieldset");
      fieldError.textContent = problem[1];
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " star-field-error").trim());
      if (problem[0]) field.before(fieldError);
      else field.querySelector("legend").after(fieldError);
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const s = { id: editing || "s" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8) };
      for (const f of TEXT) s[f] = $(f).value.trim();
      s.principles = boxes.filter((b) => b.checked).map((b) => b.value);
      const problem = problemIn(s);
      showError(problem);
      if (problem) {
        say(formMsg, "");
        return (problem[0] ? $(problem[0]) : boxes[0]).focus();
      }
      // Save against what is stored now, not what this page last read: another tab or window may
      // have changed or deleted the story since.
      load();
      const was = editing;
      const now = was ? list.find((x) => x.id === was) : null;
      if (was && !now) {
        editing = null; // the form keeps the text: Add story saves it as a new story
        base = null;
        $("form-heading").textContent = "Add a story";
        $("save").textContent = "Add story";
        $("cancel").hidden = true;
        render();
        say(formMsg, `Not saved: “${s.title}” was deleted in another tab or window. Your text is still in the form: press Add story to keep it as a new story.`, 1);
        return $("title").focus();
      }
      let next = s;
      let merged = false;
      if (was && base && JSON.stringify(now) !== JSON.stringify(base)) {
        const m = merge(base, s, now);
        if (m.conflicts.length) {
          // The form takes the other side's changes that do not conflict; pressing Save changes
          // again then replaces only the conflicting fields with this form's.
          for (const f of TEXT) $(f).value = m.story[f];
          if (!m.conflicts.includes("principles")) for (const b of boxes) b.checked = m.story.principles.includes(b.value);
          base = now;
          render();
          const names = m.conflicts.map((f) => (f === "principles" ? "Principles" : $(f).labels[0].textContent));
          say(formMsg, `Not saved: this story was changed in another tab or window too (${names.join(", ")}). Your text is still in the form: press Save changes again to replace the other version, or Cancel editing to keep it.`, 1);
          return $("save").focus();
        }
        next = m.story;
        merged = true;
      }
      const ok = save(was ? list.map((x) => (x.id === was ? next : x)) : list.concat(next), formMsg);
      reset();
      render();
      if (ok) say(formMsg, !was ? `Story added: ${list.length} in total.` : merged ? "Changes saved, together with the changes made to this story in another tab or window." : "Changes saved.");
    });
    $("cancel").onclick = () => {
      reset();
      say(formMsg, "Editing canceled; the story is unchanged.");
    };

    const download = (name, type, text) => {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type }));
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    };
    $("export-json").onclick = () =>
      download("star-stories.json", "application/json", JSON.stringify({ version: cfg.version, stories: list }, null, 2) + "\n");
    $("export-md").onclick = () => download("star-stories.md", "text/markdown", markdown(list, names));

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
      const was = list.length;
      if (was && !confirm(`Replace the stories in this browser (${was}) with those in the file (${n})?`))
        return say(fileMsg, "Import canceled; nothing changed.");
      reset();
      const ok = save(d.stories, fileMsg);
      render();
      if (ok) say(fileMsg, imported(n, was));
    });

    $("delete-all").onclick = () => {
      if (!list.length) return say(deleteMsg, "There are no stories to delete.");
      if (!confirm(`Delete all ${stories(list.length)} from this browser? This cannot be undone: export them first to keep a copy.`))
        return say(deleteMsg, "Nothing was deleted.");
      try {
        localStorage.removeItem(cfg.key);
      } catch {
        return say(deleteMsg, "Not deleted: this browser does not let the planner change its storage.", 1);
      }
      list = [];
      reset();
      render();
      say(deleteMsg, "All stories deleted. Nothing of the planner is left in this browser.");
    };

    // Another tab changed the stories (or cleared the storage): show what is stored now.
    const refresh = (e) => (e.key === cfg.key || e.key === null) && (load(), render());
    addEventListener("storage", refresh);
    load();
    render();
    root.querySelector(".guide-tool__ui").disabled = false;
    return { stop: () => removeEventListener("storage", refresh) };
  }

  if (typeof module === "object" && module.exports)
    module.exports = { checkFile, problemIn, coverage, byRecent, imported, markdown, month, merge };
  else (window.guideTools = window.guideTools || []).push({ name: "star-planner", start });
})();
