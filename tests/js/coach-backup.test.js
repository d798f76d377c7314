// The coach's backup, its pure logic (docs/javascripts/coach-backup.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const FSRS = require("./scheduler.js");
const C = {
  ...require("../../docs/javascripts/coach-core.js"),
  ...require("../../docs/javascripts/coach-backup.js"),
};

const CFG = {
  format: "interview-guide-backup", version: 1, codingPrefix: "code:",
  stories: { version: 1, maxStories: 3, limits: { id: 40, title: 20, when: 7, situation: 50, task: 50, action: 50, result: 50, metrics: 50 } },
  reviews: { version: 1, maxReviews: 3 }, schedule: { version: 1 }, plan: { version: 1 }, code: { version: 1, maxChars: 40 },
};
const KNOWN = { principles: new Set(["ownership"]), questions: new Set(["q1"]), problems: new Set(["lru-cache"]) };
const story = { id: "s1", title: "A story", when: "2024-11", situation: "s", task: "t", action: "a", result: "r", metrics: "m", principles: ["ownership"] };
const parts = () => ({
  stories: [story],
  reviews: { version: 1, reviews: { q1: [{ date: "2026-12-01", seconds: 5, checks: [true], rating: 3 }] } },
  schedule: { version: 1, cards: { q1: C.rate(FSRS, null, 3, new Date("2026-12-01T10:00:00Z")) } },
  plan: { version: 1, interview: "2027-01-10" },
});

test("a backup reads back exactly what was written, with or without recordings", () => {
  const b = JSON.parse(JSON.stringify(C.makeBackup(parts(), CFG, "2026-12-04T00:00:00.000Z")));
  assert.deepEqual(C.readBackup(b, CFG, KNOWN), { parts: parts() });
  const rec = [{ q: "q1", type: "audio/webm;codecs=opus", seconds: 3, date: "2026-12-01", audio: "AAEC" }];
  const withAudio = JSON.parse(JSON.stringify(C.makeBackup({ ...parts(), recordings: rec }, CFG, "2026-12-04T00:00:00.000Z")));
  assert.deepEqual(C.readBackup(withAudio, CFG, KNOWN).parts.recordings, rec);
  assert.equal(C.readBackup({ ...b, plan: null }, CFG, KNOWN).parts.plan, null);
});

test("a backup carries the code written for the coding problems; an older one without it still imports", () => {
  const code = { version: 1, problems: { "lru-cache": { code: "class LRUCache:\n    pass\n", saved: "2026-12-05T10:00:00.000Z", solved: null } } };
  const b = JSON.parse(JSON.stringify(C.makeBackup({ ...parts(), code }, CFG, "2026-12-04T00:00:00.000Z")));
  assert.deepEqual(C.readBackup(b, CFG, KNOWN).parts.code, code);
  const older = JSON.parse(JSON.stringify(C.makeBackup(parts(), CFG, "2026-12-04T00:00:00.000Z")));
  assert.equal("code" in older, false);
  assert.equal(C.readBackup(older, CFG, KNOWN).parts.code, undefined, "no code: the code stored here is left alone");
});

test("an export carries only the code its import accepts, and counts what it left out", () => {
  const ok = { code: "x = 1", saved: "2026-12-05T10:00:00.000Z", solved: null };
  const stored = { version: 1, problems: { "lru-cache": ok, "renamed-problem": ok } };
  assert.deepEqual(C.exportableCode(stored, CFG.code, KNOWN.problems), { code: { version: 1, problems: { "lru-cache": ok } }, left: 1 });
  const long = { version: 1, problems: { "lru-cache": { ...ok, code: "x".repeat(41) } } };
  assert.deepEqual(C.exportableCode(long, CFG.code, KNOWN.problems), { code: { version: 1, problems: {} }, left: 1 });
  assert.deepEqual(C.exportableCode({ version: 1, problems: "oops" }, CFG.code, KNOWN.problems), { code: { version: 1, problems: {} }, left: 0 });
  assert.deepEqual(C.exportableCode(null, CFG.code, KNOWN.problems), { code: { version: 1, problems: {} }, left: 0 });
  const b = C.makeBackup({ ...parts(), code: C.exportableCode(stored, CFG.code, KNOWN.problems).code }, CFG, "2026-12-04T00:00:00.000Z");
  assert.equal(C.readBackup(JSON.parse(JSON.stringify(b)), CFG, KNOWN).problem, undefined, "what is exported imports");
});

test("code in a backup is checked before anything is replaced", () => {
  const good = C.makeBackup(parts(), CFG, "2026-12-04T00:00:00.000Z");
  const entry = { code: "x = 1", saved: "2026-12-05T10:00:00.000Z", solved: null };
  const cases = [
    [{ version: 2, problems: {} }, /"version": 1/],
    [{ version: 1, problems: [] }, /"version": 1/],
    [{ version: 1, problems: { "two-sum": entry } }, /not a worked problem/],
    [{ version: 1, problems: { "lru-cache": { ...entry, extra: 1 } } }, /exactly the fields/],
    [{ version: 1, problems: { "lru-cache": { ...entry, code: 5 } } }, /must be text/],
    [{ version: 1, problems: { "lru-cache": { ...entry, code: "x".repeat(41) } } }, /at most 40 characters/],
    [{ version: 1, problems: { "lru-cache": { ...entry, code: "\ud800" } } }, /no broken characters/],
    [{ version: 1, problems: { "lru-cache": { ...entry, saved: "yesterday" } } }, /when it was saved/],
    [{ version: 1, problems: { "lru-cache": { ...entry, solved: "2026-13-01T00:00:00.000Z" } } }, /solved as a time/],
  ];
  for (const [code, why] of cases) assert.match(C.readBackup({ ...good, code }, CFG, KNOWN).problem || "", why, JSON.stringify(code));
  assert.match(C.readBackup({ ...good, other: 1 }, CFG, KNOWN).problem, /optionally, recordings and code/);
});

test("a STAR planner file imports as stories only", () => {
  assert.deepEqual(C.readBackup({ version: 1, stories: [story] }, CFG, KNOWN), { parts: { stories: [story] } });
  assert.match(C.readBackup({ version: 2, stories: [] }, CFG, KNOWN).problem, /version 1 STAR planner/);
});

test("malformed, wrong-version and hostile backups are refused with the reason", () => {
  const good = C.makeBackup(parts(), CFG, "2026-12-04T00:00:00.000Z");
  const card = parts().schedule.cards.q1;
  const rev = parts().reviews.reviews.q1[0];
  const recording = { q: "q1", type: "audio/webm", seconds: 1, date: "2026-12-01", audio: "AAEC" };
  assert.equal(C.readBackup({ ...good, recordings: [recording] }, CFG, KNOWN).problem, undefined);
  const cases = [
    [null, /not a backup/],
    [[], /not a backup/],
    [{ ...good, format: "other" }, /not a backup/],
    [{ ...good, version: 2 }, /Only version 1 backups/],
    [{ ...good, extra: 1 }, /exactly the fields/],
    [{ ...good, stories: [{ ...story, html: "<img>" }] }, /story 1/],
    [{ ...good, stories: [story, story] }, /unique/],
    [{ ...good, stories: [story, { ...story, id: "b" }, { ...story, id: "c" }, { ...story, id: "d" }] }, /at most 3/],
    [{ ...good, stories: [{ ...story, principles: ["world-domination"] }] }, /principles/],
    [{ ...good, reviews: { version: 1, reviews: { evil: [] } } }, /unknown question/],
    [{ ...good, schedule: { version: 1, cards: { q1: { due: "x" } } } }, /ts-fsrs card/],
    [{ ...good, plan: { version: 1, interview: "<script>" } }, /study plan/],
    [{ ...good, recordings: [{ q: "q1", type: "text/html", seconds: 1, date: "2026-12-01", audio: "" }] }, /audio type/],
    [{ ...good, recordings: [{ q: "q1", type: "audio/webm", seconds: 1, date: "2026-12-01", audio: "<b>" }] }, /base64/],
    [JSON.parse(JSON.stringify(good).replace('"format"', '"__proto__":{"polluted":1},"format"')), /exactly the fields/],
    // What the coach could not use later, after "Replace everything": each is refused before anything changes.
    [{ ...good, exported: "x" }, /exported/],
    [{ ...good, exported: 7 }, /exported/],
    [{ ...good, stories: [{ ...story, title: "broken \ud800 text" }] }, /broken character/],
    [{ ...good, reviews: { version: 1, reviews: { q1: [{ ...rev, date: "2026-02-30" }] } } }, /real day/],
    [{ ...good, reviews: { version: 1, reviews: { q1: [{ ...rev, seconds: 7201 }] } } }, /at most 7200/],
    [{ ...good, reviews: { version: 1, reviews: { q1: [{ ...rev, seconds: 1.5 }] } } }, /whole seconds/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, due: "December 9" } } } }, /dates must be times/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, due: "2026-13-40T00:00:00.000Z" } } } }, /dates must be times/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, last_review: "2026" } } } }, /dates must be times/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, state: 7 } } } }, /state/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, reps: -1 } } } }, /whole numbers/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, lapses: 0.5 } } } }, /whole numbers/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, difficulty: 11 } } } }, /difficulty/],
    [{ ...good, schedule: { version: 1, cards: { q1: { ...card, stability: -2 } } } }, /stability/],
    [{ ...good, plan: { version: 1, interview: "2027-02-29" } }, /real day/],
    [{ ...good, recordings: [{ ...recording, audio: "" }] }, /not empty/],
    [{ ...good, recordings: [{ ...recording, audio: "AAE" }] }, /base64/],
    [{ ...good, recordings: [{ ...recording, date: "2026-11-31" }] }, /real day/],
    [{ ...good, recordings: [{ ...recording, seconds: 9000 }] }, /at most 7200/],
    [{ ...good, recordings: [recording, recording] }, /once/],
  ];
  for (const [d, why] of cases) assert.match(C.readBackup(d, CFG, KNOWN).problem || "", why, JSON.stringify(d).slice(0, 200));
  assert.equal({}.polluted, undefined);
});

test("a coding problem's talk-through is kept under its coding key; an unknown problem or a bare id is refused", () => {
  const good = C.makeBackup(parts(), CFG, "2026-12-04T00:00:00.000Z");
  const rev = parts().reviews.reviews.q1[0];
  const card = parts().schedule.cards.q1;
  const recording = { q: "code:lru-cache", type: "audio/webm", seconds: 1, date: "2026-12-01", audio: "AAEC" };
  const withCoding = {
    ...good,
    reviews: { version: 1, reviews: { ...good.reviews.reviews, "code:lru-cache": [{ ...rev, checks: [true, false, true, true, false, true] }] } },
    schedule: { version: 1, cards: { ...good.schedule.cards, "code:lru-cache": card } },
    recordings: [recording],
  };
  const { problem, parts: got } = C.readBackup(withCoding, CFG, KNOWN);
  assert.equal(problem, undefined);
  assert.deepEqual(got.reviews, withCoding.reviews);
  assert.deepEqual(got.schedule, withCoding.schedule);
  for (const id of ["code:two-sum", "lru-cache", "code:q1", "code:"]) {
    assert.match(C.readBackup({ ...good, reviews: { version: 1, reviews: { [id]: [rev] } } }, CFG, KNOWN).problem || "", /unknown question or coding problem/, id);
    assert.match(C.readBackup({ ...good, schedule: { version: 1, cards: { [id]: card } } }, CFG, KNOWN).problem || "", /unknown question or coding problem/, id);
    assert.match(C.readBackup({ ...good, recordings: [{ ...recording, q: id }] }, CFG, KNOWN).problem || "", /known question or coding problem/, id);
  }
  assert.deepEqual([...C.reviewable(["q1"], ["lru-cache"], "code:")].sort(), ["code:lru-cache", "q1"]);
});
