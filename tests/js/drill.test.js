// The timed drill's pure logic (docs/javascripts/drill.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { clock, plural, inPlay, deck, cue } = require("../../docs/javascripts/drill.js");

const QUESTIONS = [
  { p: "ownership", text: "o1" },
  { p: "ownership", text: "o2" },
  { p: "frugality", text: "f1" },
  { p: "dive-deep", text: "d1" },
];

test("the clock shows minutes and two-digit seconds", () => {
  assert.deepEqual([0, 9, 60, 179, 300].map(clock), ["0:00", "0:09", "1:00", "2:59", "5:00"]);
});

test("plural says one minute, two minutes", () => {
  assert.equal(plural(1, "minute"), "1 minute");
  assert.equal(plural(2, "minute"), "2 minutes");
});

test("the pool is the ticked principles' questions, or every question when none is ticked", () => {
  assert.deepEqual(inPlay(QUESTIONS, []), QUESTIONS);
  assert.deepEqual(inPlay(QUESTIONS, ["frugality", "dive-deep"]).map((q) => q.text), ["f1", "d1"]);
});

test("the deck deals every question once before any comes again", () => {
  let i = 0;
  const random = () => ((i++ * 0.37) % 1); // any sequence in [0, 1) will do
  const deal = deck(random);
  let current;
  for (let round = 0; round < 3; round++) {
    const dealt = [];
    for (let k = 0; k < QUESTIONS.length; k++) dealt.push((current = deal(QUESTIONS, current)));
    assert.equal(new Set(dealt).size, QUESTIONS.length, `round ${round}: ${dealt.map((q) => q.text)}`);
  }
});

test("the deck never deals the question on screen again when the pool has another", () => {
  const deal = deck(() => 0);
  const pool = QUESTIONS.slice(0, 2);
  let current = deal(pool);
  for (let k = 0; k < 10; k++) {
    const next = deal(pool, current);
    assert.notEqual(next, current);
    current = next;
  }
  assert.equal(deal([QUESTIONS[2]], QUESTIONS[2]), QUESTIONS[2]); // a pool of one deals its one question
});

test("the deck follows a pool that changes between deals", () => {
  const deal = deck(Math.random);
  deal(QUESTIONS);
  for (let k = 0; k < 20; k++) assert.equal(deal([QUESTIONS[3]]).p, "dive-deep");
});

test("the cues fall on whole minutes, 30 seconds and zero, each once", () => {
  let said = 180;
  const heard = [];
  for (let left = 180; left >= 0; left--) {
    const due = cue(left, said);
    if (!due) continue;
    said = due.mark;
    heard.push([left, due.text]);
  }
  assert.deepEqual(heard.map(([left]) => left), [120, 60, 30, 0]);
  assert.deepEqual(heard.map(([, text]) => text.split(" ")[0]), ["2", "1", "30", "Time's"]);
  assert.match(heard[0][1], /^2 minutes left/);
  assert.match(heard[1][1], /^1 minute left/);
});
