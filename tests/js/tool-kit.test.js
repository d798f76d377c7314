// What the practice tools share (docs/javascripts/tool-kit.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { checkStories, exact } = require("../../docs/javascripts/tool-kit.js");

const CFG = { maxStories: 2, limits: { id: 20, title: 20, when: 7, situation: 50, task: 50, action: 50, result: 50, metrics: 50 } };
const KNOWN = new Set(["ownership", "frugality"]);
const story = (over = {}) => ({ id: "s1", title: "T", when: "2024-03", situation: "", task: "", action: "", result: "", metrics: "", principles: ["ownership"], ...over });

test("exact wants exactly the fields given, in any order, on a plain object", () => {
  assert.equal(exact({ a: 1, b: 2 }, ["b", "a"]), true);
  assert.equal(exact({ a: 1 }, ["a", "b"]), false);
  assert.equal(exact([1], ["0"]), false);
  assert.equal(exact(null, []), false);
});

test("stories pass the planner's rules, and each broken rule is named with its story", () => {
  assert.equal(checkStories([story(), story({ id: "s2", principles: ["frugality", "ownership"] })], CFG, KNOWN), "");
  assert.equal(checkStories([], CFG, new Map()), "");
  for (const [list, why] of [
    [{}, /must be a list/],
    [[story(), story({ id: "s2" }), story({ id: "s3" })], /at most 2 stories/],
    [[{ ...story(), extra: 1 }], /^story 1: it must have exactly the fields/],
    [[story({ title: 5 })], /"title" must be text/],
    [[story({ title: "x".repeat(21) })], /"title" is longer than 20/],
    [[story({ title: "half \ud83d" })], /broken character/],
    [[story(), story()], /^story 2: "id" must be a unique/],
    [[story({ id: "Upper" })], /"id" must be a unique lower-case id/],
    [[story({ title: "  " })], /"title" must not be empty/],
    [[story({ when: "2024-13" })], /"when" must be a month/],
    [[story({ principles: [] })], /"principles"/],
    [[story({ principles: ["ownership", "ownership"] })], /"principles"/],
    [[story({ principles: ["bias"] })], /"principles"/],
  ]) assert.match(checkStories(list, CFG, KNOWN), why);
});
