// The practice coach's pure logic (docs/javascripts/coach.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const C = require("../../docs/javascripts/coach.js");

// The scheduler as the site serves it (hooks/vendor.py copies it from node_modules), loaded as the browser loads it: a classic script that sets a global.
function loadFSRS() {
  const sandbox = {};
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(__dirname, "../../node_modules/ts-fsrs/dist/index.umd.js"), "utf8"), sandbox);
  return sandbox.FSRS;
}
const FSRS = loadFSRS();

const P = { listen: ["Data behind the decision", "Owning the follow-up"], pitfalls: ["Blaming others"] };

test("the checklist has the STAR parts, I not we, a number, each listen-for point and each pitfall", () => {
  const items = C.checklist(P);
  assert.equal(items.length, 6 + 2 + 1);
  assert.ok(items.slice(0, 4).every((x, i) => x.startsWith(["Situation", "Task", "Action", "Result"][i])));
  assert.ok(items.includes("Showed: Data behind the decision") && items.includes("Avoided: Blaming others"));
  assert.ok(items.some((x) => /“I”/.test(x)) && items.some((x) => /number/.test(x)));
});

test("reviews are added per question, the latest kept, without changing the store given", () => {
  const r = (date) => ({ date, seconds: 200, checks: [true, false], rating: 3 });
  const empty = { version: 1, reviews: {} };
  let s = C.addReview(empty, "q1", r("2026-12-01"), 2);
  s = C.addReview(s, "q1", r("2026-12-02"), 2);
  s = C.addReview(s, "q1", r("2026-12-03"), 2);
  assert.deepEqual(s.reviews.q1.map((x) => x.date), ["2026-12-02", "2026-12-03"]);
  assert.deepEqual(empty.reviews, {});
  assert.equal(C.score(r("2026-12-01")), "1 of 2");
});

test("a review store is refused when malformed, naming why", () => {
  const cfg = { version: 1, maxReviews: 2 };
  const known = new Set(["q1"]);
  const ok = { date: "2026-12-01", seconds: 10, checks: [true], rating: 2 };
  assert.equal(C.checkReviews({ version: 1, reviews: { q1: [ok] } }, cfg, known), "");
  assert.equal(C.checkReviews({ version: 1, reviews: { q1: [{ ...ok, seconds: null }] } }, cfg, known), "");
  const bad = [
    { version: 2, reviews: {} },
    { version: 1, reviews: [] },
    { version: 1, reviews: { nope: [ok] } },
    { version: 1, reviews: { q1: [] } },
    { version: 1, reviews: { q1: [ok, ok, ok] } },
    { version: 1, reviews: { q1: [{ ...ok, html: "<b>" }] } },
    { version: 1, reviews: { q1: [{ ...ok, date: "yesterday" }] } },
    { version: 1, reviews: { q1: [{ ...ok, seconds: -1 }] } },
    { version: 1, reviews: { q1: [{ ...ok, checks: ["yes"] }] } },
    { version: 1, reviews: { q1: [{ ...ok, rating: 5 }] } },
    JSON.parse('{"version": 1, "reviews": {"__proto__": [1]}}'),
  ];
  for (const d of bad) assert.notEqual(C.checkReviews(d, cfg, known), "", JSON.stringify(d));
});

test("ts-fsrs schedules by day: a better rating comes back later, and the card round-trips as stored", () => {
  const now = new Date("2026-12-04T10:00:00Z");
  const days = [1, 2, 3, 4].map((r) => Date.parse(C.rate(FSRS, null, r, now).due));
  for (let i = 1; i < 4; i++) assert.ok(days[i] >= days[i - 1], `rating ${i + 1} comes back no sooner than ${i}`);
  assert.ok(days[2] > now.getTime() + 86400000 - 1, "Good is not due again the same day");
  const card = C.rate(FSRS, null, 3, now);
  assert.equal(C.checkSchedule({ version: 1, cards: { q1: card } }, { version: 1 }, new Set(["q1"])), "");
  const again = C.rate(FSRS, card, 3, new Date(card.due));
  assert.ok(Date.parse(again.due) > Date.parse(card.due));
  assert.equal(again.reps, 2);
});

test("a schedule is refused when a card is malformed or names an unknown question", () => {
  const card = C.rate(FSRS, null, 3, new Date("2026-12-04T10:00:00Z"));
  const known = new Set(["q1"]);
  for (const d of [
    { version: 1, cards: { q2: card } },
    { version: 1, cards: { q1: { ...card, extra: 1 } } },
    { version: 1, cards: { q1: { ...card, due: "soon" } } },
    { version: 1, cards: { q1: { ...card, stability: "high" } } },
    { version: 2, cards: {} },
  ])
    assert.notEqual(C.checkSchedule(d, { version: 1 }, known), "", JSON.stringify(d));
});

test("due lists the questions due by the end of the day, earliest first", () => {
  const at = (iso) => ({ due: new Date(iso).toISOString() });
  const cards = { late: at("2026-12-05T00:30:00"), early: at("2026-12-03T09:00:00"), today: at("2026-12-04T23:00:00") };
  assert.deepEqual(C.due(cards, "2026-12-04"), ["early", "today"]);
  assert.deepEqual(C.due(cards, "2026-12-05"), ["early", "today", "late"]);
});

test("readiness counts per principle and says what to practice next, gaps first", () => {
  const principles = [{ id: "a", name: "Ownership" }, { id: "b", name: "Frugality" }];
  const questions = [{ id: "a1", p: "a" }, { id: "a2", p: "a" }, { id: "b1", p: "b" }];
  const review = (date) => ({ date, seconds: 1, checks: [true, true, false], rating: 3 });
  const r = C.readiness({
    principles, questions, target: 2, today: "2026-12-04",
    stories: [{ principles: ["a"] }, { principles: ["a", "b"] }],
    reviews: { a1: [review("2026-12-01"), review("2026-12-03")], a2: [review("2026-12-02")] },
    cards: { a1: { due: "2026-12-04T08:00:00.000Z" }, a2: { due: "2027-01-01T00:00:00.000Z" } },
  });
  assert.deepEqual(r.rows.map((x) => [x.stories, x.practiced, x.due, x.latest && x.latest.date]), [[2, 2, 1, "2026-12-03"], [1, 0, 0, null]]);
  assert.deepEqual(r.next, [
    { text: "Frugality: 1 story of 2", p: "b", to: "planner" },
    { text: "Ownership: 1 review due", p: "a", to: "drill" },
    { text: "Frugality: no question practiced out loud yet", p: "b", to: "questions" },
  ]);
  const none = C.readiness({ principles, questions, target: 2, today: "2026-12-04", stories: [], reviews: {}, cards: {} });
  assert.deepEqual(none.next[0], { text: "Ownership: no story yet", p: "a", to: "planner" });
});

test("the study plan has one entry a day up to the interview, every principle once, and mock loops", () => {
  const principles = Array.from({ length: 16 }, (_, i) => `P${i + 1}`);
  const topics = ["AWS", "Distributed", "Scale", "Data", "Security"];
  for (const n of [1, 2, 3, 10, 30, 120]) {
    const interview = C.addDays("2026-12-04", n);
    const days = C.plan({ today: "2026-12-04", interview, principles, topics, mockEvery: 7, recency: "2 years", answer: "3 to 4 minutes" });
    assert.equal(days.length, n + 1, `${n} days`);
    assert.equal(days[n].day, interview);
    assert.deepEqual(days.map((d) => d.day), Array.from({ length: n + 1 }, (_, i) => C.addDays("2026-12-04", i)));
    const story = days.flatMap((d) => d.tasks).filter((t) => t.startsWith("Prepare STAR"));
    assert.ok(story.every((t) => t.includes("within 2 years")));
    const named = story.flatMap((t) => t.slice("Prepare STAR stories for ".length, t.indexOf(":")).split(", "));
    assert.deepEqual(named, principles, `every principle once, in order, in ${n} days`);
    const mocks = days.filter((d) => d.tasks.some((t) => t.startsWith("Mock loop"))).length;
    if (n >= 3) assert.ok(mocks >= 1 && mocks <= Math.ceil(n / 7) + 1, `${mocks} mock loops in ${n} days`);
    if (n >= 3) assert.ok(days.flatMap((d) => d.tasks).some((t) => t.includes("time-boxed to 3 to 4 minutes")));
    if (n >= 10) assert.ok(days.some((d) => d.tasks.some((t) => t.startsWith("Technical"))));
  }
  assert.deepEqual(C.plan({ today: "2026-12-04", interview: "2026-12-04", principles, topics, mockEvery: 7, recency: "2 years", answer: "4 minutes" }), []);
  assert.equal(C.daysBetween("2026-12-30", "2027-01-02"), 3);
  assert.equal(C.addDays("2027-02-28", 1), "2027-03-01");
});

test("the calendar file follows RFC 5545: CRLF, folded lines, escaped text, a UID and DTSTAMP per event", () => {
  const days = [
    { day: "2026-12-05", title: "Stories; and, more\\", tasks: ["One", "Two, with a comma"] },
    { day: "2026-12-06", title: "x".repeat(200), tasks: ["é".repeat(100)] },
  ];
  const text = C.ics(days, { stamp: new Date("2026-12-04T10:11:12.345Z") });
  assert.ok(text.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(text), "every line ends in CRLF");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
  const unfolded = text.replace(/\r\n /g, "");
  assert.match(unfolded, /SUMMARY:Stories\\; and\\, more\\\\\r\n/);
  assert.match(unfolded, /DESCRIPTION:One\\nTwo\\, with a comma\r\n/);
  assert.equal((unfolded.match(/^BEGIN:VEVENT$/gm) || []).length, 2);
  assert.equal((unfolded.match(/^DTSTAMP:20261204T101112Z$/gm) || []).length, 2);
  const uids = unfolded.match(/^UID:.*$/gm);
  assert.equal(new Set(uids).size, 2);
  assert.match(unfolded, /DTSTART;VALUE=DATE:20261206\r\nDTEND;VALUE=DATE:20261207/);
  assert.ok(unfolded.includes("é".repeat(100)), "folding never splits a character");
  const again = C.ics(days, { stamp: new Date("2026-12-05T00:00:00Z") });
  assert.deepEqual(again.replace(/\r\n /g, "").match(/^UID:.*$/gm), uids, "a new download keeps each event's UID");
  const seq = (t) => +t.match(/^SEQUENCE:(\d+)\r$/m)[1];
  assert.ok(seq(again) > seq(text), "a later download has a higher SEQUENCE");
  // A plan for a later interview keeps the UIDs of the days counted back from it.
  const later = C.ics([{ day: "2026-12-05", title: "a", tasks: [] }, ...days.map((d) => ({ ...d, day: C.addDays(d.day, 3) }))], { stamp: new Date("2026-12-05T00:00:00Z") });
  const laterUids = later.replace(/\r\n /g, "").match(/^UID:.*$/gm);
  assert.deepEqual(laterUids.slice(1), uids);
});

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
    [{ ...good, stories: [{ ...story, title: "broken \ud800 text" }] }, /broken characters/],
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

test("a solved problem enters the spaced review as if rated Good when it was solved, once", () => {
  const problems = { "lru-cache": "design", "two-sum": "hashing" };
  const solvedAt = "2026-12-03T09:30:00.000Z";
  const code = { version: 1, problems: {
    "lru-cache": { code: "x", saved: solvedAt, solved: solvedAt },
    "two-sum": { code: "y", saved: solvedAt, solved: null },
    "gone": { code: "z", saved: solvedAt, solved: solvedAt },
  } };
  const cards = { q1: parts().schedule.cards.q1 };
  const { cards: out, added } = C.enrolSolved(FSRS, cards, code, problems, "code:");
  assert.deepEqual(added, ["code:lru-cache"]);
  assert.deepEqual(out["code:lru-cache"], C.rate(FSRS, null, 3, new Date(solvedAt)));
  assert.equal(out.q1, cards.q1);
  assert.equal(cards["code:lru-cache"], undefined, "the input is unchanged");
  // Made later, it is the same card; a problem that has a card keeps it.
  const again = C.enrolSolved(FSRS, out, code, problems, "code:");
  assert.deepEqual(again.added, []);
  assert.equal(again.cards, out);
  const rated = { ...cards, "code:lru-cache": C.rate(FSRS, null, 1, new Date("2026-12-01T00:00:00Z")) };
  assert.deepEqual(C.enrolSolved(FSRS, rated, code, problems, "code:").cards, rated);
  // What a page checks before it loads the scheduler names the same keys, without it.
  assert.deepEqual(C.toEnrol(cards, code, problems, "code:"), added);
  assert.deepEqual(C.toEnrol(out, code, problems, "code:"), []);
  assert.deepEqual(C.toEnrol(cards, { version: 1 }, problems, "code:"), []);
  // An id the guide has no problem for is never enrolled, whatever the object inherits.
  const inherited = { version: 1, problems: { constructor: code.problems["lru-cache"], toString: code.problems["lru-cache"] } };
  assert.deepEqual(C.toEnrol({}, inherited, problems, "code:"), []);
});

test("coding readiness counts, per pattern, problems talked through, solved and due, and names patterns with nothing solved", () => {
  const patterns = [{ id: "hashing", name: "Hash maps" }, { id: "design", name: "Designing a data structure" }, { id: "empty", name: "Nothing here" }];
  const problems = { "two-sum": "hashing", "group-anagrams": "hashing", "lru-cache": "design" };
  const rev = { date: "2026-12-01", seconds: 5, checks: [true], rating: 3 };
  const dueCard = C.rate(FSRS, null, 1, new Date("2026-12-01T10:00:00Z"));
  const laterCard = C.rate(FSRS, null, 4, new Date("2026-12-06T10:00:00Z"));
  const r = C.codingReadiness({
    patterns, problems, prefix: "code:",
    reviews: { "code:two-sum": [rev], "two-sum": [rev], q1: [rev] },
    cards: { "code:two-sum": dueCard, "code:group-anagrams": laterCard, "two-sum": dueCard },
    code: { version: 1, problems: { "group-anagrams": { code: "", saved: "2026-12-06T10:00:00.000Z", solved: "2026-12-06T10:00:00.000Z" }, "lru-cache": { code: "", saved: "2026-12-06T10:00:00.000Z", solved: null } } },
    today: "2026-12-07",
  });
  assert.deepEqual(r.rows.map((x) => [x.id, x.problems, x.reviewed, x.solved, x.due]), [["hashing", 2, 1, 1, 1], ["design", 1, 0, 0, 0], ["empty", 0, 0, 0, 0]]);
  assert.deepEqual(r.next.map((n) => [n.pattern, n.to]), [["hashing", "coding"], ["design", "coding"]]);
  assert.match(r.next[0].text, /1 coding review due/);
  assert.match(r.next[1].text, /no coding problem solved/);
});
