// The code runner's pure logic (docs/javascripts/code-runner.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pyRepr, callArgs, readStore, withCode, withSolved, summarize, verdict, errorText } = require("../../docs/javascripts/code-runner.js");

test("values are shown as Python writes them", () => {
  assert.equal(pyRepr(null), "None");
  assert.equal(pyRepr([true, false, 1.5, -2]), "[True, False, 1.5, -2]");
  assert.equal(pyRepr("it's\n"), "'it\\'s\\n'");
  assert.equal(pyRepr({ a: [1, null] }), "{'a': [1, None]}");
  assert.equal(callArgs({ nums: [1, 2], target: 3 }), "nums=[1, 2], target=3");
});

test("a stored value of another version, or not JSON, reads as nothing stored", () => {
  for (const text of [null, "", "{", "[]", '{"version":2,"problems":{}}', '{"version":1,"problems":[]}'])
    assert.deepEqual(readStore(text, 1), { version: 1, problems: {} });
});

test("entries that are not code are dropped; the rest are kept", () => {
  const text = JSON.stringify({ version: 1, problems: { a: { code: "x = 1", saved: "2026-12-01", solved: null }, b: { code: 3 }, c: "text" } });
  assert.deepEqual(readStore(text, 1).problems, { a: { code: "x = 1", saved: "2026-12-01", solved: null } });
});

test("saving one problem keeps every other problem's code and its own solved date", () => {
  const store = { version: 1, problems: { a: { code: "a", saved: "t0", solved: "t0" }, b: { code: "b", saved: "t0", solved: null } } };
  const next = withCode(store, "a", "a2", "t1");
  assert.deepEqual(next.problems.a, { code: "a2", saved: "t1", solved: "t0" });
  assert.deepEqual(next.problems.b, store.problems.b);
  assert.equal(store.problems.a.code, "a", "the old store is not changed");
  assert.equal(withSolved(store, "b", "b2", "t2").problems.b.solved, "t2");
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
