// The STAR planner's pure logic (docs/javascripts/star-planner.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { checkFile, problemIn, coverage, byRecent, imported, markdown, month, merge } = require("../../docs/javascripts/star-planner.js");

const CFG = { version: 1, maxStories: 3, limits: { id: 40, title: 20, when: 7, situation: 50, task: 50, action: 50, result: 50, metrics: 50 } };
const KNOWN = new Set(["ownership", "frugality", "dive-deep"]);
const story = (fields = {}) => ({ id: "s1", title: "A story", when: "2024-11", situation: "s", task: "t", action: "a", result: "r", metrics: "m", principles: ["ownership"], ...fields });
const file = (...stories) => ({ version: 1, stories });

test("a valid file passes, empty or full", () => {
  assert.equal(checkFile(file(), CFG, KNOWN), "");
  assert.equal(checkFile(file(story(), story({ id: "s2", when: "" }), story({ id: "s3", principles: ["frugality", "dive-deep"] })), CFG, KNOWN), "");
});

test("every malformed file is refused with the reason, naming the story", () => {
  const cases = [
    [null, /exactly two fields/],
    [[], /exactly two fields/],
    [{ version: 1, stories: [], extra: 1 }, /exactly two fields/],
    [{ version: 2, stories: [] }, /Only version 1/],
    [{ version: 1, stories: {} }, /must be a list/],
    [file(story(), story({ id: "b" }), story({ id: "c" }), story({ id: "d" })), /at most 3 stories/],
    [file({ ...story(), html: "<b>" }), /^Story 1: it must have exactly the fields/],
    [file(story({ title: 5 })), /"title" must be text/],
    [file(story({ title: "x".repeat(21) })), /"title" is longer than 20/],
    [file(story(), story()), /^Story 2: "id" must be a unique/],
    [file(story({ id: "Upper" })), /"id" must be a unique lower-case id/],
    [file(story({ title: "  " })), /"title" must not be empty/],
    [file(story({ when: "March" })), /YYYY-MM/],
    [file(story({ when: "2024-13" })), /YYYY-MM/],
    [file(story({ principles: [] })), /"principles"/],
    [file(story({ principles: ["ownership", "ownership"] })), /"principles"/],
    [file(story({ principles: ["world-domination"] })), /"principles"/],
    [JSON.parse('{"version": 1, "stories": [], "__proto__": {"polluted": 1}}'), /exactly two fields/],
    [file(story({ title: "half \ud83d pair" })), /broken character/],
  ];
  for (const [d, reason] of cases) assert.match(checkFile(d, CFG, KNOWN), reason, JSON.stringify(d));
  assert.equal({}.polluted, undefined);
});

test("the form needs a title, a well-written month if any, and a principle", () => {
  const typed = { title: "T", when: "", principles: ["ownership"] };
  assert.equal(problemIn(typed), null);
  assert.equal(problemIn({ ...typed, title: "" })[0], "title");
  assert.equal(problemIn({ ...typed, when: "2024-3" })[0], "when");
  assert.deepEqual(problemIn({ ...typed, principles: [] })[0], null);
});

test("coverage counts stories per principle and those with the target or more", () => {
  const list = [story({ principles: ["ownership", "dive-deep"] }), story({ principles: ["ownership"] })];
  const { counts, covered } = coverage(list, ["ownership", "frugality", "dive-deep"], 2);
  assert.deepEqual([...counts], [["ownership", 2], ["frugality", 0], ["dive-deep", 1]]);
  assert.equal(covered, 1);
  assert.equal(coverage(list, ["ownership", "frugality", "dive-deep"], 1).covered, 2);
});

test("stories sort most recent first, undated last, without changing the list", () => {
  const list = [story({ id: "a", when: "" }), story({ id: "b", when: "2023-01" }), story({ id: "c", when: "2025-06" })];
  assert.deepEqual(byRecent(list).map((s) => s.id), ["c", "b", "a"]);
  assert.deepEqual(list.map((s) => s.id), ["a", "b", "c"]);
});

test("the import message says what happened: replaced only when there was something to replace", () => {
  assert.equal(imported(1, 0), "Imported 1 story.");
  assert.equal(imported(3, 0), "Imported 3 stories.");
  assert.equal(imported(1, 2), "Imported 1 story; it replaces the 2 stories that were here.");
  assert.equal(imported(2, 1), "Imported 2 stories; they replace the 1 story that was here.");
});

test("the Markdown export has a section per story, principles by name, the parts that are filled", () => {
  const names = new Map([["ownership", "Ownership"], ["dive-deep", "Dive Deep"]]);
  const text = markdown([story({ title: "Shipped", when: "2025-01", metrics: "", principles: ["ownership", "dive-deep"] })], names);
  assert.match(text, /^# STAR stories\n\n## Shipped\n\n- \*\*Principles:\*\* Ownership, Dive Deep\n- \*\*When:\*\* January 2025\n/);
  assert.match(text, /\*\*Result:\*\* r/);
  assert.doesNotMatch(text, /Metrics/);
  assert.equal(month("2024-11"), "November 2024");
});

test("the Markdown export shows a story's text literally: no tag, link, heading or list comes from it", () => {
  const names = new Map([["ownership", "Own <b>"]]);
  const text = markdown([story({ title: "<img src=x onerror=alert(1)> [a](javascript:x) *b* `c`", situation: "one\n# two\n- three\n1. four\n---", principles: ["ownership"] })], names);
  assert.doesNotMatch(text, /<img|<b>|[^\\]\](\(|$)|(^|[^\\])\*b|(^|[^\\])`/);
  assert.match(text, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(text, /Own &lt;b&gt;/);
  const lines = text.split("\n");
  for (const l of lines.slice(lines.findIndex((x) => x.startsWith("**Situation:**")) + 1, lines.findIndex((x) => x.startsWith("**Task:**")) - 1))
    assert.match(l, /^(&#|[a-z]|\d&#)/, l);
});

test("an edit merges with another tab's changes to other fields, and names the fields both changed", () => {
  const base = story({ title: "Old", action: "a" });
  const theirs = { ...base, title: "Theirs" };
  const mine = { ...base, action: "mine" };
  assert.deepEqual(merge(base, mine, theirs), { story: { ...base, title: "Theirs", action: "mine" }, conflicts: [] });
  assert.deepEqual(merge(base, { ...mine, title: "Mine" }, theirs).conflicts, ["title"]);
  assert.deepEqual(merge(base, { ...mine, title: "Theirs" }, theirs).conflicts, [], "the same change is no conflict");
  assert.deepEqual(merge(base, { ...base, principles: ["dive-deep"] }, { ...base, principles: ["ownership", "dive-deep"] }).conflicts, ["principles"]);
});
