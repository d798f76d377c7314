// The mock loop's pure logic (docs/javascripts/mock-loop.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { rng, shuffle, seedOf, build } = require("../../docs/javascripts/mock-loop.js");

test("the same seed gives the same sequence, another seed another", () => {
  const take = (seed) => Array.from({ length: 5 }, rng(seed));
  assert.deepEqual(take("abc"), take("abc"));
  assert.notDeepEqual(take("abc"), take("abd"));
  assert.ok(take("x").every((v) => v >= 0 && v < 1));
});

test("shuffle keeps every element", () => {
  const list = [1, 2, 3, 4, 5, 6];
  assert.deepEqual(shuffle(list.slice(), rng("s")).sort(), list);
});

test("the seed is read from the query, trimmed and cut to 64 characters", () => {
  assert.equal(seedOf("?seed=abc"), "abc");
  assert.equal(seedOf("?x=1&seed=%20spaced%20"), "spaced");
  assert.equal(seedOf(""), "");
  assert.equal(seedOf("?seed=" + "a".repeat(80)).length, 64);
});
