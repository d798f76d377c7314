// The practice coach's pure logic (docs/javascripts/coach-core.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const FSRS = require("./scheduler.js");
const C = {
  ...require("../../docs/javascripts/coach-core.js"),
};

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

test("a solved problem enters the spaced review as if rated Good when it was solved, once", () => {
  const problems = { "lru-cache": "design", "two-sum": "hashing" };
  const solvedAt = "2026-12-03T09:30:00.000Z";
  const code = { version: 1, problems: {
    "lru-cache": { code: "x", saved: solvedAt, solved: solvedAt },
    "two-sum": { code: "y", saved: solvedAt, solved: null },
    "gone": { code: "z", saved: solvedAt, solved: solvedAt },
  } };
  const cards = { q1: C.rate(FSRS, null, 3, new Date("2026-12-01T10:00:00Z")) };
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
