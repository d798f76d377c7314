// Pure logic of docs/javascripts/home.js, run by tests/test_home.py with `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const { storyCoverage, statusText } = require("../../docs/javascripts/home.js");

const IDS = ["ownership", "frugality", "dive-deep"];
const NAMES = { ownership: "Ownership", frugality: "Frugality", "dive-deep": "Dive Deep" };
const stored = (stories, version = 1) => JSON.stringify({ version, stories });

test("nothing stored: every count is zero and the page keeps its invitation", () => {
  const cov = storyCoverage(null, 1, IDS);
  assert.deepEqual(cov.counts, { ownership: 0, frugality: 0, "dive-deep": 0 });
  assert.equal(statusText(cov, NAMES), null);
});

test("a story counts once for each principle it shows", () => {
  const cov = storyCoverage(stored([{ principles: ["ownership", "dive-deep", "ownership"] }, { principles: ["ownership"] }]), 1, IDS);
  assert.deepEqual(cov.counts, { ownership: 2, frugality: 0, "dive-deep": 1 });
  assert.equal(cov.covered, 2);
  assert.deepEqual(cov.missing, ["frugality"]);
  assert.equal(statusText(cov, NAMES), "2 stories cover 2 of 3 principles. Next: a story for Frugality.");
});

test("every principle covered", () => {
  const cov = storyCoverage(stored([{ principles: IDS }]), 1, IDS);
  assert.equal(statusText(cov, NAMES), "1 story covers all 3 principles.");
});

test("principles the site does not know are ignored", () => {
  const cov = storyCoverage(stored([{ principles: ["nope", "frugality"] }]), 1, IDS);
  assert.deepEqual(cov.counts, { ownership: 0, frugality: 1, "dive-deep": 0 });
});

test("damaged or other-version data is reported, not counted", () => {
  for (const raw of ["{", "null", "[]", stored([], 2), JSON.stringify({ version: 1, stories: {} })]) {
    const cov = storyCoverage(raw, 1, IDS);
    assert.equal(cov.ok, false, raw);
    assert.match(statusText(cov, NAMES), /could not be read/);
  }
});

test("a malformed story is skipped", () => {
  const cov = storyCoverage(stored([null, { principles: "ownership" }, { principles: ["ownership"] }]), 1, IDS);
  assert.equal(cov.counts.ownership, 1);
});
