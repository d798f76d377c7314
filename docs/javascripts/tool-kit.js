// What several practice tools share, written once (CONTRIBUTING.md, "Browser scripts"): el(), the
// way they make an element, with user text only as textContent; and the rules of a STAR planner
// file's stories, which the planner's import (star-planner.js) and the coach's backup
// (coach-backup.js) both check. A page lists this file before the tools that use it; they read it
// as window.guideKit when they start, and under `node --test` through require().
(() => {
  "use strict";
  const TEXT = ["title", "when", "situation", "task", "action", "result", "metrics"];
  const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  // A lone UTF-16 surrogate: text that cannot be saved as UTF-8 and read back the same.
  const BROKEN = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const isObject = (o) => !!o && typeof o === "object" && !Array.isArray(o);
  // An object with exactly the fields `keys`, in any order.
  const exact = (o, keys) => isObject(o) && JSON.stringify(Object.keys(o).sort()) === JSON.stringify(keys.slice().sort());

  // "" when `list` is a valid list of stories for `cfg` ({ maxStories, limits }) naming only the
  // principle ids `known` has (a Set or a Map), else what is wrong with it, as a sentence in lower case.
  function checkStories(list, cfg, known) {
    if (!Array.isArray(list)) return '"stories" must be a list.';
    if (list.length > cfg.maxStories) return `a file may hold at most ${cfg.maxStories} stories.`;
    const ids = new Set();
    for (const [i, s] of list.entries()) {
      const n = `story ${i + 1}: `;
      if (!exact(s, ["id", "principles", ...TEXT])) return `${n}it must have exactly the fields id, principles, ${TEXT.join(", ")}.`;
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

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };

  const kit = { TEXT, MONTH, BROKEN, isObject, exact, checkStories, el };
  if (typeof module === "object" && module.exports) module.exports = kit;
  else window.guideKit = kit;
})();
