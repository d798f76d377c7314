// The coach's one backup, its pure logic: what a backup file must hold to be imported, and what an
// export writes. Tested in tests/js/coach-backup.test.js; the readiness page's buttons are
// coach-transfer.js. The stories follow the STAR planner's own rules (tool-kit.js, checkStories).
(() => {
  "use strict";
  // coach-core.js and tool-kit.js: Node's require(); in the page, window's, read when used.
  const node = typeof module === "object" && module.exports ? [require("./coach-core.js"), require("./tool-kit.js")] : null;
  const C = () => (node ? node[0] : window.guideCoachCore);
  const checkStories = (list, cfg, known) => (node ? node[1] : window.guideKit).checkStories(list, cfg, known.principles);
  const isObject = (o) => C().isObject(o);
  const exact = (o, keys) => C().exact(o, keys);
  const realTime = (s) => C().realTime(s);
  const realDay = (s) => C().realDay(s);

  // What a parsed backup file holds, or why it cannot be imported. A STAR planner export
  // ({ version, stories }) is accepted too, and replaces the stories only.
  // Returns { problem } or { parts: { stories, reviews?, schedule?, plan?, recordings? } }.
  function readBackup(d, cfg, known) {
    if (exact(d, ["stories", "version"])) {
      if (d.version !== cfg.stories.version) return { problem: `Only version ${cfg.stories.version} STAR planner files can be imported.` };
      const p = checkStories(d.stories, cfg.stories, known);
      return p ? { problem: "In the file, " + p } : { parts: { stories: d.stories } };
    }
    const base = ["format", "version", "exported", "stories", "reviews", "schedule", "plan"];
    if (!isObject(d) || d.format !== cfg.format) return { problem: "This is not a backup from this guide." };
    if (d.version !== cfg.version) return { problem: `Only version ${cfg.version} backups can be imported.` };
    const optional = Object.keys(d).filter((k) => !base.includes(k));
    if (!base.every((k) => k in d) || optional.some((k) => k !== "recordings" && k !== "code"))
      return { problem: `A backup must have exactly the fields ${base.join(", ")} and, optionally, recordings and code.` };
    // The questions, and each worked problem under its coding key: unknown ids are refused.
    const { reviewable, checkReviews, checkSchedule, checkPlan } = C();
    const keys = known.problems ? reviewable(known.questions, known.problems, cfg.codingPrefix) : known.questions;
    if (!realTime(d.exported)) return { problem: "In the backup, the time it was exported must be written as the guide writes it (2026-12-07T09:00:00.000Z)." };
    const problem =
      checkStories(d.stories, cfg.stories, known) ||
      checkReviews(d.reviews, cfg.reviews, keys) ||
      checkSchedule(d.schedule, cfg.schedule, keys) ||
      checkPlan(d.plan, cfg.plan) ||
      (d.recordings === undefined ? "" : checkRecordings(d.recordings, cfg, keys)) ||
      (d.code === undefined ? "" : checkCode(d.code, cfg.code, known.problems || new Set()));
    if (problem) return { problem: "In the backup, " + problem };
    const parts = { stories: d.stories, reviews: d.reviews, schedule: d.schedule, plan: d.plan };
    if (d.recordings !== undefined) parts.recordings = d.recordings;
    if (d.code !== undefined) parts.code = d.code;
    return { parts };
  }
  // The code runner's store (docs/javascripts/code-runner.js): the code written for each worked problem.
  function checkCode(c, cfg, known) {
    if (!exact(c, ["problems", "version"]) || c.version !== cfg.version || !isObject(c.problems)) return `the code must be { "version": ${cfg.version}, "problems": { ... } }.`;
    for (const [id, p] of Object.entries(c.problems)) {
      if (!known.has(id)) return `the code names "${id.slice(0, 60)}", which is not a worked problem of this guide.`;
      if (!exact(p, ["code", "saved", "solved"])) return `the code for ${id} must have exactly the fields code, saved, solved.`;
      if (!C().wellFormed(p.code) || p.code.length > cfg.maxChars) return `the code for ${id} must be text (no broken characters) of at most ${cfg.maxChars} characters.`;
      if (!realTime(p.saved)) return `the code for ${id} must say when it was saved, as the guide writes times (2026-12-07T09:00:00.000Z).`;
      if (p.solved !== null && !realTime(p.solved)) return `the code for ${id} must say when it was solved as a time, or null.`;
    }
    return "";
  }
  function checkRecordings(list, cfg, known) {
    if (!Array.isArray(list) || list.length > known.size) return "the recordings must be a list, one per question at most.";
    const seen = new Set();
    for (const r of list) {
      if (!exact(r, ["audio", "date", "q", "seconds", "type"])) return "a recording must have exactly the fields audio, date, q, seconds, type.";
      if (!known.has(r.q) || seen.has(r.q)) return "each recording must name a known question or coding problem, and each one once.";
      seen.add(r.q);
      if (typeof r.type !== "string" || !/^audio\/[a-z0-9.+-]+(;\s?codecs=[a-z0-9.,-]+)?$/i.test(r.type)) return "a recording's type must be an audio type.";
      // Base64 as btoa writes it, padded to whole groups of four, and not empty: what atob decodes.
      if (typeof r.audio !== "string" || !r.audio || r.audio.length % 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(r.audio)) return "a recording's audio must be base64 text, not empty.";
      if (!realDay(r.date)) return "a recording's date must be a real day written YYYY-MM-DD.";
      if (!Number.isInteger(r.seconds) || r.seconds < 0 || r.seconds > C().MAX_SECONDS) return `a recording's length must be whole seconds, at most ${C().MAX_SECONDS}.`;
    }
    return "";
  }
  // The code store as a backup carries it: only the entries its import accepts (a worked problem of
  // this guide, the fields the runner writes); the rest are left out and counted, so an export is
  // never a file the guide would refuse to read back.
  function exportableCode(c, cfg, known) {
    const stored = isObject(c) && isObject(c.problems) ? c.problems : {};
    const ours = isObject(c) && c.version === cfg.version;
    const problems = {};
    let left = 0;
    for (const [id, p] of Object.entries(stored)) {
      if (ours && !checkCode({ version: cfg.version, problems: { [id]: p } }, cfg, known)) problems[id] = p;
      else left += 1;
    }
    return { code: { version: cfg.version, problems }, left };
  }
  function makeBackup(parts, cfg, exported) {
    const out = { format: cfg.format, version: cfg.version, exported, stories: parts.stories, reviews: parts.reviews, schedule: parts.schedule, plan: parts.plan };
    if (parts.recordings) out.recordings = parts.recordings;
    if (parts.code) out.code = parts.code;
    return out;
  }

  const backup = { readBackup, makeBackup, checkCode, checkRecordings, exportableCode };
  if (typeof module === "object" && module.exports) module.exports = backup;
  else window.guideCoachBackup = backup;
})();
