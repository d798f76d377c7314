// The mock loop's pure logic (docs/javascripts/mock-loop.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { rng, shuffle, seedOf, levelOf, focusesFor, between, build, tasksFor } = require("../../docs/javascripts/mock-loop.js");

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

const principles = (n) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}` }));
const dataset = ({ interviews = { min: 5, max: 6 }, per = { min: 2, max: 3 }, focuses = 3, count = 16 } = {}) => {
  const ps = principles(count);
  return {
    interviews,
    minutes: 60,
    principles_per_interview: per,
    focuses: Array.from({ length: focuses }, (_, i) => ({ id: `f${i}`, name: `F${i}`, summary: `S${i}` })),
    principles: ps,
    questions: ps.flatMap((p) => [0, 1, 2].map((k) => ({ p: p.id, text: `${p.id} q${k}` }))),
  };
};

function checkLoop(data, loop, seed) {
  const at = `seed ${seed}`;
  assert.ok(loop.length >= data.interviews.min && loop.length <= data.interviews.max, at);
  assert.equal(loop.filter((iv) => iv.barRaiser).length, 1, at);
  const focusIds = data.focuses.map((f) => f.id);
  const used = loop.map((iv) => iv.focus.id);
  assert.ok(used.every((id) => focusIds.includes(id)), at);
  if (loop.length >= focusIds.length) assert.deepEqual([...new Set(used)].sort(), focusIds.slice().sort(), `${at}: every focus once`);
  else assert.equal(new Set(used).size, loop.length, `${at}: no focus twice when there are more focuses than interviews`);
  const asked = loop.flatMap((iv) => iv.items.map((it) => it.p.id));
  assert.equal(new Set(asked).size, asked.length, `${at}: a principle asked twice`);
  for (const iv of loop) {
    assert.equal(iv.minutes, data.minutes, at);
    assert.ok(iv.items.length >= data.principles_per_interview.min && iv.items.length <= data.principles_per_interview.max, at);
    for (const { p, q } of iv.items) assert.equal(q.p, p.id, `${at}: the sample question is on its principle`);
  }
}

test("every loop keeps the contract: size, focuses, principles once, one Bar Raiser, its minutes", () => {
  const data = dataset();
  const sizes = new Set();
  for (let i = 0; i < 500; i++) {
    const loop = build(data, `s${i}`);
    checkLoop(data, loop, `s${i}`);
    sizes.add(loop.length);
  }
  assert.deepEqual([...sizes].sort(), [5, 6]); // both ends of the range come up
});

test("the loop holds when the data is tight or the focuses outnumber the interviews", () => {
  const cases = [
    dataset({ interviews: { min: 6, max: 6 }, per: { min: 2, max: 3 }, count: 12 }), // 6 x 2 = 12: no slack at all
    dataset({ interviews: { min: 2, max: 3 }, focuses: 5 }),
    dataset({ focuses: 1 }),
    dataset({ interviews: { min: 4, max: 4 }, per: { min: 3, max: 3 } }),
  ];
  for (const data of cases) for (let i = 0; i < 200; i++) checkLoop(data, build(data, `t${i}`), `t${i}`);
});

test("the same seed builds the same loop", () => {
  const data = dataset();
  assert.deepEqual(build(data, "abc123"), build(data, "abc123"));
  assert.notDeepEqual(build(data, "abc123"), build(data, "abc124"));
});

test("between covers both ends of its range and nothing outside", () => {
  const r = rng("range");
  const seen = new Set(Array.from({ length: 200 }, () => between({ min: 2, max: 4 }, r)));
  assert.deepEqual([...seen].sort(), [2, 3, 4]);
});

test("each interview gets an actual technical question of its focus, none twice while the focus has more", () => {
  const data = dataset({ focuses: 2 });
  data.tasks = { f0: [{ title: "A", href: "a/" }, { title: "B", href: "b/" }, { title: "C", href: "c/" }] };
  for (let i = 0; i < 200; i++) {
    const seed = `t${i}`;
    const loop = build(data, seed);
    const tasks = tasksFor(data, seed, loop);
    assert.equal(tasks.length, loop.length);
    loop.forEach((iv, k) => {
      if (iv.focus.id === "f0") assert.ok(data.tasks.f0.includes(tasks[k]), `${seed}: a task of its focus`);
      else assert.equal(tasks[k], null, `${seed}: a focus without tasks gets none`);
    });
    const titles = tasks.filter(Boolean).map((t) => t.title);
    if (titles.length <= data.tasks.f0.length) assert.equal(new Set(titles).size, titles.length, `${seed}: no task twice`);
    assert.deepEqual(tasksFor(data, seed, loop), tasks, `${seed}: the same seed gives the same tasks`);
  }
  assert.deepEqual(build(data, "same"), build(dataset({ focuses: 2 }), "same"), "tasks leave the loop itself unchanged");
});

test("a level draws the technical focuses from its own list; an unknown level is the default", () => {
  const data = {
    ...dataset({ interviews: { min: 3, max: 5 } }),
    levels: [
      { id: "junior", name: "J", focuses: ["f0", "f0", "f1"] },
      { id: "mid", name: "M", focuses: ["f0", "f1", "f2"] },
      { id: "senior", name: "S", focuses: ["f0", "f1", "f2", "f2"] },
    ],
    level: "mid",
  };
  assert.equal(levelOf("?level=senior", data), "senior");
  assert.equal(levelOf("?level=nope", data), "mid");
  assert.equal(levelOf("", data), "mid");
  assert.deepEqual(focusesFor(data, "senior").map((f) => f.id), ["f0", "f1", "f2", "f2"]);
  for (let i = 0; i < 300; i++) {
    const seed = `s${i}`;
    const junior = build(data, seed, "junior").map((iv) => iv.focus.id);
    assert.ok(!junior.includes("f2"), `${seed}: a focus the level leaves out never comes`);
    assert.ok(junior.filter((f) => f === "f0").length >= 2, `${seed}: the level's repeat comes twice`);
    const senior = build(data, seed, "senior").map((iv) => iv.focus.id);
    if (senior.length >= 4) assert.ok(senior.filter((f) => f === "f2").length >= 2, `${seed}: the senior loop doubles f2`);
    // The default level is the loop as it was without levels: old links keep their loop.
    assert.deepEqual(build(data, seed), build({ ...data, levels: undefined }, seed));
    assert.deepEqual(build(data, seed, "senior"), build(data, seed, "senior"), `${seed}: a level's loop is the same every time`);
  }
});
