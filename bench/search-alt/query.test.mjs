// node --test bench/search-alt/query.test.mjs (run by tests/test_search_alt.py, unit tier).
import assert from "node:assert/strict";
import { test } from "node:test";
import { makeProcessTerm, orTree, prepareFamilies, queryTree, residualTree, searchTree, tokenize, unitKeys } from "./query.mjs";

// A stand-in stemmer: drops a final "s", "ed" or "ing".
const stem = (w) => w.replace(/(ing|ed|s)$/, "");
const processTerm = makeProcessTerm({ stem, spellings: { behavior: "behaviour" } });
const families = prepareFamilies(
  [
    ["video streaming", "Netflix", "Prime Video"],
    ["failure", "mistake", "screwed up"],
    ["debrief", "after the loop"],
    ["the", "a"], // only stop words: cannot be matched, left out
  ],
  processTerm,
);

test("tokenize splits at slashes, hyphens and apostrophes and lower-cases", () => {
  assert.deepEqual(tokenize("PR/FAQ on-site Earth's"), ["pr", "faq", "on", "site", "earth", "s"]);
});

test("the term processor reads UK spellings as US, drops stop words and stems", () => {
  assert.equal(processTerm("behaviour"), "behavior");
  assert.equal(processTerm("the"), null);
  assert.equal(processTerm("designs"), "design");
});

test("a family of stop words only is left out", () => {
  assert.equal(families.length, 3);
});

test("a word that is a family member matches any member, each member's words together", () => {
  const tree = queryTree("design Netflix", families, processTerm);
  assert.deepEqual(tree, {
    combineWith: "AND",
    queries: [
      "design",
      {
        combineWith: "OR",
        queries: [
          { combineWith: "AND", queries: ["video streaming"] },
          { combineWith: "AND", queries: ["Netflix"] },
          { combineWith: "AND", queries: ["Prime Video"] },
        ],
      },
    ],
  });
});

test("the longest member wins, matched through stop words and stems", () => {
  const tree = queryTree("what happens after the loops", families, processTerm);
  assert.equal(tree.queries.length, 2);
  assert.equal(tree.queries[0], "happens");
  assert.deepEqual(
    tree.queries[1].queries.map((q) => q.queries[0]),
    ["debrief", "after the loop"],
  );
});

test("without synonyms every content word stands alone", () => {
  assert.deepEqual(queryTree("design Netflix", families, processTerm, { synonyms: false }), {
    combineWith: "AND",
    queries: ["design", "netflix"],
  });
  assert.equal(queryTree("what is the", families, processTerm), null);
});

test("AND first, then OR only when nothing has every word", () => {
  const calls = [];
  const engine = {
    search(tree) {
      calls.push(tree.combineWith);
      return tree.combineWith === "AND" ? [] : [{ id: "x" }];
    },
  };
  const tree = queryTree("design Netflix", families, processTerm);
  assert.deepEqual(searchTree(engine, tree), [{ id: "x" }]);
  assert.deepEqual(calls, ["AND", "OR"]);
  calls.length = 0;
  searchTree(engine, tree, {}, { andFirst: false });
  assert.deepEqual(calls, ["OR"]);
  assert.deepEqual(searchTree(engine, null), []);
  assert.equal(orTree(tree).queries, tree.queries);
});

test("the words a page's title and keywords do not answer are left to pick its section", () => {
  const tree = queryTree("python Netflix failure", families, processTerm);
  const units = unitKeys(tree, processTerm);
  assert.deepEqual(units.map((u) => [...u].sort()), [["python"], ["netflix", "prime", "stream", "video"], ["failure", "mistake", "screw"]]);
  // A page whose keywords hold "prime video" answers the family; "python" and "failure" are left.
  assert.deepEqual(residualTree(tree, units, new Set(["prime", "video"])), {
    combineWith: "OR",
    queries: [tree.queries[0], tree.queries[2]],
  });
  assert.equal(residualTree(tree, units, new Set(["python", "stream", "mistake"])), null);
  assert.equal(residualTree(null, [], new Set()), null);
});
