// The coding drill's pure logic (docs/javascripts/coding-drill.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { clock, pick, cue } = require("../../docs/javascripts/coding-drill.js");

const PROBLEMS = [
  { id: "a", pattern: "heaps" },
  { id: "b", pattern: "heaps" },
  { id: "c", pattern: "graphs" },
];

test("the clock shows minutes and two-digit seconds", () => {
  assert.deepEqual([0, 61, 1800].map(clock), ["0:00", "1:01", "30:00"]);
});

test("a pick keeps to the chosen pattern and never repeats the problem on screen when there is another", () => {
  for (let i = 0; i < 50; i++) {
    const r = () => (i % 10) / 10;
    const p = pick(PROBLEMS, "heaps", PROBLEMS[0], r);
    assert.equal(p.id, "b");
    assert.ok(["a", "b", "c"].includes(pick(PROBLEMS, "", PROBLEMS[0], r).id));
    assert.notEqual(pick(PROBLEMS, "", PROBLEMS[2], r).id, "c");
  }
  assert.equal(pick(PROBLEMS, "graphs", PROBLEMS[2]).id, "c", "the only problem of a pattern comes back");
  assert.equal(pick(PROBLEMS, "tries", null), null);
});

test("the cue speaks every five minutes and at zero, and stays quiet otherwise", () => {
  assert.equal(cue(600), "10 minutes left.");
  assert.equal(cue(0), "Time's up: say the complexity, then press Next problem.");
  assert.equal(cue(599), null);
});
