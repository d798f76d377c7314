// The study plan's pure logic (docs/javascripts/coach-plan.js), run by tests/test_browser_scripts.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = {
  ...require("../../docs/javascripts/coach-core.js"),
  ...require("../../docs/javascripts/coach-plan.js"),
};

test("the study plan has one entry a day up to the interview, every principle once, and mock loops", () => {
  const principles = Array.from({ length: 16 }, (_, i) => `P${i + 1}`);
  const topics = ["AWS", "Distributed", "Scale", "Data", "Security"];
  for (const n of [1, 2, 3, 10, 30, 120]) {
    const interview = C.addDays("2026-12-04", n);
    const days = C.plan({ today: "2026-12-04", interview, principles, topics, mockEvery: 7, recency: "2 years", answer: "3 to 4 minutes" });
    assert.equal(days.length, n + 1, `${n} days`);
    assert.equal(days[n].day, interview);
    assert.deepEqual(days.map((d) => d.day), Array.from({ length: n + 1 }, (_, i) => C.addDays("2026-12-04", i)));
    const story = days.flatMap((d) => d.tasks).filter((t) => t.startsWith("Prepare STAR"));
    assert.ok(story.every((t) => t.includes("within 2 years")));
    const named = story.flatMap((t) => t.slice("Prepare STAR stories for ".length, t.indexOf(":")).split(", "));
    assert.deepEqual(named, principles, `every principle once, in order, in ${n} days`);
    const mocks = days.filter((d) => d.tasks.some((t) => t.startsWith("Mock loop"))).length;
    if (n >= 3) assert.ok(mocks >= 1 && mocks <= Math.ceil(n / 7) + 1, `${mocks} mock loops in ${n} days`);
    if (n >= 3) assert.ok(days.flatMap((d) => d.tasks).some((t) => t.includes("time-boxed to 3 to 4 minutes")));
    if (n >= 10) assert.ok(days.some((d) => d.tasks.some((t) => t.startsWith("Technical"))));
  }
  assert.deepEqual(C.plan({ today: "2026-12-04", interview: "2026-12-04", principles, topics, mockEvery: 7, recency: "2 years", answer: "4 minutes" }), []);
  assert.equal(C.daysBetween("2026-12-30", "2027-01-02"), 3);
  assert.equal(C.addDays("2027-02-28", 1), "2027-03-01");
});

test("the calendar file follows RFC 5545: CRLF, folded lines, escaped text, a UID and DTSTAMP per event", () => {
  const days = [
    { day: "2026-12-05", title: "Stories; and, more\\", tasks: ["One", "Two, with a comma"] },
    { day: "2026-12-06", title: "x".repeat(200), tasks: ["é".repeat(100)] },
  ];
  const text = C.ics(days, { stamp: new Date("2026-12-04T10:11:12.345Z") });
  assert.ok(text.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(text), "every line ends in CRLF");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
  const unfolded = text.replace(/\r\n /g, "");
  assert.match(unfolded, /SUMMARY:Stories\\; and\\, more\\\\\r\n/);
  assert.match(unfolded, /DESCRIPTION:One\\nTwo\\, with a comma\r\n/);
  assert.equal((unfolded.match(/^BEGIN:VEVENT$/gm) || []).length, 2);
  assert.equal((unfolded.match(/^DTSTAMP:20261204T101112Z$/gm) || []).length, 2);
  const uids = unfolded.match(/^UID:.*$/gm);
  assert.equal(new Set(uids).size, 2);
  assert.match(unfolded, /DTSTART;VALUE=DATE:20261206\r\nDTEND;VALUE=DATE:20261207/);
  assert.ok(unfolded.includes("é".repeat(100)), "folding never splits a character");
  const again = C.ics(days, { stamp: new Date("2026-12-05T00:00:00Z") });
  assert.deepEqual(again.replace(/\r\n /g, "").match(/^UID:.*$/gm), uids, "a new download keeps each event's UID");
  const seq = (t) => +t.match(/^SEQUENCE:(\d+)\r$/m)[1];
  assert.ok(seq(again) > seq(text), "a later download has a higher SEQUENCE");
  // A plan for a later interview keeps the UIDs of the days counted back from it.
  const later = C.ics([{ day: "2026-12-05", title: "a", tasks: [] }, ...days.map((d) => ({ ...d, day: C.addDays(d.day, 3) }))], { stamp: new Date("2026-12-05T00:00:00Z") });
  const laterUids = later.replace(/\r\n /g, "").match(/^UID:.*$/gm);
  assert.deepEqual(laterUids.slice(1), uids);
});
