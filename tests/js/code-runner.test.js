// The code runner's pure logic (docs/javascripts/code-runner.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pyRepr, callArgs, readStore, withEntry, entryFor, summarize, verdict, errorText } = require("../../docs/javascripts/code-runner.js");

test("values are shown as Python writes them", () => {
  assert.equal(pyRepr(null), "None");
  assert.equal(pyRepr([true, false, 1.5, -2]), "[True, False, 1.5, -2]");
  assert.equal(pyRepr("it's\n"), "'it\\'s\\n'");
  assert.equal(pyRepr({ a: [1, null] }), "{'a': [1, None]}");
  assert.equal(callArgs({ nums: [1, 2], target: 3 }), "nums=[1, 2], target=3");
});

test("nothing stored, or text that is not JSON, reads as nothing stored and may be written", () => {
  for (const text of [null, "", "{", "[]", "3"]) assert.deepEqual(readStore(text, 1), { problems: {}, raw: null, writable: true });
});

test("a store from another version of the guide is read as nothing and never written over", () => {
  const other = readStore('{"version":2,"problems":{"a":{"code":"x"}}}', 1);
  assert.deepEqual(other.problems, {});
  assert.equal(other.writable, false);
});

test("entries that are not code are not read, and a save keeps them exactly as stored", () => {
  const text = JSON.stringify({ version: 1, problems: { a: { code: "x = 1", saved: "t0", solved: null }, b: { code: 3 }, c: "text" } });
  const store = readStore(text, 1);
  assert.deepEqual(Object.keys(store.problems), ["a"]);
  const next = withEntry(store, 1, "d", entryFor(store, "d", "y = 2", "t1", false));
  assert.deepEqual(next.problems.b, { code: 3 });
  assert.equal(next.problems.c, "text");
  assert.deepEqual(next.problems.d, { code: "y = 2", saved: "t1", solved: null });
});

test("saving one problem keeps its solved date; solving sets it", () => {
  const store = readStore(JSON.stringify({ version: 1, problems: { a: { code: "a", saved: "t0", solved: "t0" } } }), 1);
  assert.deepEqual(entryFor(store, "a", "a2", "t1", false), { code: "a2", saved: "t1", solved: "t0" });
  assert.deepEqual(entryFor(store, "b", "b", "t2", true), { code: "b", saved: "t2", solved: "t2" });
  const damaged = readStore(JSON.stringify({ version: 1, problems: "oops" }), 1);
  assert.deepEqual(withEntry(damaged, 1, "a", { code: "z", saved: "t", solved: null }), { version: 1, problems: { a: { code: "z", saved: "t", solved: null } } });
});

test("a run's summary counts the hidden cases apart and says when the run ended early", () => {
  const results = [{ index: 0, pass: true }, { index: 1, pass: true }, { index: 2, pass: false }, { index: 3, pass: true }];
  const s = summarize(results, 2);
  assert.deepEqual(s, { passed: 3, failed: 1, total: 4, hiddenFailed: 1, hiddenPassed: 1 });
  assert.equal(verdict(s, 4), "3 of 4 cases passed; 1 case failed.");
  assert.equal(verdict(s, 6), "3 of 6 cases passed before the run ended.");
  assert.equal(verdict(summarize(results.slice(0, 2), 2), 2), "All 2 cases passed.");
});

test("an error names its kind, message and line in the candidate's code", () => {
  assert.equal(errorText({ type: "SyntaxError", message: "invalid syntax", line: 3 }), "SyntaxError: invalid syntax (line 3)");
  assert.equal(errorText({ type: "NameError", message: "define f", line: null }), "NameError: define f");
});
