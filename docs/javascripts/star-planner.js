/* STAR story planner: stories stay in localStorage; user text only ever goes into textContent or value. */
(() => {
  "use strict";
  // Only the planner's page loads this file, and instant navigation runs it again on every
  // visit to that page: subscribe once; init() sets up each new copy of the page.
  if (window.guideStarPlanner) return;
  window.guideStarPlanner = true;
  const TEXT = ["title", "when", "situation", "task", "action", "result", "metrics"];
  const KEYS = JSON.stringify(["id", "principles", ...TEXT].sort());
  const PARTS = { situation: "Situation", task: "Task", action: "Action", result: "Result", metrics: "Metrics" };
  const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  let refresh = null;
  addEventListener("storage", (e) => refresh && refresh(e.key));

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const exact = (o, keys) =>
    !!o && typeof o === "object" && !Array.isArray(o) && JSON.stringify(Object.keys(o).sort()) === keys;
  const month = (m) => new Date(+m.slice(0, 4), +m.slice(5) - 1, 1).toLocaleDateString("en", { month: "long", year: "numeric" });

  function init() {
    const root = document.getElementById("star-planner");
    if (root && root.dataset.ready) return; // this copy of the page is set up already
    refresh = null;
    if (!root) return;
    const $ = (id) => document.getElementById("star-" + id);
    // Material's instant navigation re-creates the data script without its id, so look inside root.
    const cfg = JSON.parse(root.dataset.config);
    const principles = JSON.parse(root.querySelector("script").textContent);
    const names = new Map(principles.map((p) => [p.id, p.name]));
    const form = $("form");
    const boxes = [...form.querySelectorAll("input[name=principles]")];
    const [formMsg, listMsg, fileMsg] = root.querySelectorAll(".star-msgs");
    let stories = [];
    let editing = null;

    const say = (box, text, bad) => {
      for (const b of root.querySelectorAll(".star-msgs")) b.children[0].textContent = b.children[1].textContent = "";
      box.children[bad ? 1 : 0].textContent = text;
    };

    // "" when the parsed file is a valid export, else what is wrong with it.
    function check(d) {
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
          if (s[f].length > cfg.limits[f]) return `${n}"${f}" is longer than ${cfg.limits[f]} characters.`;
        }
        if (!/^[a-z0-9-]+$/.test(s.id) || ids.has(s.id)) return `${n}"id" must be a unique lower-case id.`;
        ids.add(s.id);
        if (!s.title.trim()) return `${n}"title" must not be empty.`;
        if (s.when && !MONTH.test(s.when)) return `${n}"when" must be a month written YYYY-MM, or empty.`;
        const p = s.principles;
        if (!Array.isArray(p) || !p.length || new Set(p).size !== p.length || !p.every((x) => names.has(x)))
          return `${n}"principles" must list one or more known principle ids, each once.`;
      }
      return "";
    }

    function load() {
      let raw = null;
      try {
        raw = localStorage.getItem(cfg.key);
      } catch (e) {
        return say(formMsg, "This browser does not let the planner use its storage, so stories last only until you leave the page. Export them to keep them.", 1);
      }
      let d = null;
      try {
        d = JSON.parse(raw);
      } catch (e) {}
      if (raw !== null && check(d)) return say(formMsg, "The stories saved in this browser are damaged and could not be read. Saving a story will overwrite them.", 1);
      stories = raw === null ? [] : d.stories;
    }

    function save(next, box) {
      stories = next;
      try {
        localStorage.setItem(cfg.key, JSON.stringify({ version: cfg.version, stories }));
        return true;
      } catch (e) {
        say(box, `Not saved: this browser's storage is ${e && e.name === "QuotaExceededError" ? "full" : "unavailable"}. The change lasts only until you leave the page, so export your stories as JSON now.`, 1);
        return false;
      }
    }

    function render() {
      const cutoff = new Date();
      cutoff.setMonth(cutoff.getMonth() - 24);
      const old = cutoff.toISOString().slice(0, 7);
      const list = $("list");
      list.replaceChildren();
      for (const s of stories.slice().sort((a, b) => (b.when || "0").localeCompare(a.when || "0"))) {
        const li = el("li", "star-story");
        const meta = [s.when ? month(s.when) : "No date"];
        if (s.when && s.when < old) meta.push("more than two years ago");
        meta.push(s.principles.map((p) => names.get(p)).join(", "));
        const dl = el("dl");
        for (const f in PARTS) if (s[f]) dl.append(el("dt", "", PARTS[f]), el("dd", "", s[f]));
        const actions = el("div", "star-actions");
        for (const [label, act] of [["Edit", start], ["Delete", remove]]) {
          const b = el("button", "md-button", label);
          b.type = "button";
          b.setAttribute("aria-label", `${label} “${s.title}”`);
          b.onclick = () => act(s);
          actions.append(b);
        }
        li.append(el("h3", "", s.title), el("p", "star-meta", meta.join(" · ")), dl, actions);
        list.append(li);
      }
      const k = stories.length;
      $("count").textContent = k ? `${k} ${k > 1 ? "stories" : "story"}, most recent first.` : "No stories yet.";
      const counts = new Map(principles.map((p) => [p.id, 0]));
      for (const s of stories) for (const p of s.principles) counts.set(p, counts.get(p) + 1);
      let covered = 0;
      for (const tr of $("coverage").tBodies[0].rows) {
        const n = counts.get(tr.dataset.principle);
        tr.cells[1].textContent = n;
        tr.cells[2].textContent = n < 2 ? `Needs ${2 - n} more` : "Covered";
        tr.classList.toggle("star-gap", n < 2);
        covered += n >= 2;
      }
      $("coverage-summary").textContent = `${covered} of ${counts.size} principles have at least two stories.` +
        (covered < counts.size ? " Rows marked “Needs … more” are the gaps to fill." : "");
    }

    function reset(id = null) {
      form.reset();
      editing = id;
      $("form-heading").textContent = id ? "Edit story" : "Add a story";
      $("save").textContent = id ? "Save changes" : "Add story";
      $("cancel").hidden = !id;
    }

    function start(s) {
      reset(s.id);
      for (const f of TEXT) $(f).value = s[f];
      for (const b of boxes) b.checked = s.principles.includes(b.value);
      $("form-heading").scrollIntoView();
      $("title").focus({ preventScroll: true });
    }

    function remove(s) {
      if (!confirm(`Delete the story “${s.title}”? This cannot be undone.`)) return;
      if (editing === s.id) reset();
      if (save(stories.filter((x) => x !== s), listMsg)) say(listMsg, "Story deleted.");
      render();
      $("list-heading").focus();
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const s = { id: editing || "s" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8) };
      for (const f of TEXT) s[f] = $(f).value.trim();
      s.principles = boxes.filter((b) => b.checked).map((b) => b.value);
      const problem = !s.title ? ["title", "Give the story a title."]
        : s.when && !MONTH.test(s.when) ? ["when", "Write the month as YYYY-MM, for example 2024-03."]
        : !s.principles.length ? [null, "Tick at least one principle that this story shows."] : null;
      if (problem) {
        say(formMsg, problem[1], 1);
        return (problem[0] ? $(problem[0]) : boxes[0]).focus();
      }
      const was = editing;
      const ok = save(was ? stories.map((x) => (x.id === was ? s : x)) : stories.concat(s), formMsg);
      reset();
      render();
      if (ok) say(formMsg, was ? "Changes saved." : `Story added: ${stories.length} in total.`);
    });
    $("cancel").onclick = () => {
      reset();
      say(formMsg, "Editing cancelled; the story is unchanged.");
    };

    const download = (name, type, text) => {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type }));
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    };
    $("export-json").onclick = () =>
      download("star-stories.json", "application/json", JSON.stringify({ version: cfg.version, stories }, null, 2) + "\n");
    $("export-md").onclick = () => {
      const out = ["# STAR stories", ""];
      for (const s of stories) {
        out.push(`## ${s.title}`, "", `- **Principles:** ${s.principles.map((p) => names.get(p)).join(", ")}`);
        if (s.when) out.push(`- **When:** ${month(s.when)}`);
        out.push("");
        for (const f in PARTS) if (s[f]) out.push(`**${PARTS[f]}:** ${s[f]}`, "");
      }
      download("star-stories.md", "text/markdown", out.join("\n"));
    };

    $("import").addEventListener("change", async (e) => {
      const file = e.target.files[0];
      e.target.value = "";
      if (!file) return;
      let d = null;
      let problem = file.size > cfg.maxBytes ? `The file is larger than ${cfg.maxBytes / 1048576} MB.` : "";
      if (!problem) {
        try {
          d = JSON.parse(await file.text());
        } catch (err) {
          problem = "The file is not valid JSON.";
        }
      }
      problem = problem || check(d);
      if (problem) return say(fileMsg, `Nothing was imported. ${problem}`, 1);
      const n = d.stories.length;
      if (stories.length && !confirm(`Replace the stories in this browser (${stories.length}) with those in the file (${n})?`))
        return say(fileMsg, "Import cancelled; nothing changed.");
      reset();
      const ok = save(d.stories, fileMsg);
      render();
      if (ok) say(fileMsg, `Imported ${n} ${n === 1 ? "story" : "stories"}; they replace the ones that were here.`);
    });

    load();
    render();
    root.dataset.ready = "1";
    refresh = (key) => (key === cfg.key || key === null) && (load(), render());
  }

  // From file:// (the offline edition) Material completes document$ without emitting: start anyway.
  let seen = false;
  if (typeof document$ === "undefined") init();
  else document$.subscribe({ next: () => { seen = true; init(); }, complete: () => seen || init() });
})();
