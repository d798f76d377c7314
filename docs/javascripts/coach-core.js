// The practice coach's pure logic: dates, the self-review, the spaced review (ts-fsrs), readiness,
// the coding problems' reviews. Tested in tests/js/coach-core.test.js. The coach is split by what a
// page uses (CONTRIBUTING.md, "Browser scripts"); every page with a coach tool lists, in order:
//   generated/coach-data.js  the coach's data (macros/coach.py, write_coach_data)
//   tool-kit.js              el() and the STAR stories' rules, shared with the planner
//   coach-core.js            this file
//   coach-store.js           storage, recordings and messages, for every coach tool
// then its tool's own files: coach-recorder.js, coach-review.js and coach-panel.js (the coach for
// one question: in the drill, and loaded on first use by site.js's LAZY table), coach-backup.js,
// coach-transfer.js and coach-readiness.js (the readiness page), coach-plan.js (the study plan),
// coach-summary.js (the readiness summary, loaded by site.js when something is stored).
// Each file sets one window global; a tool's start-up lists those it needs (site.js, part 4).
(() => {
  "use strict";
  // tool-kit.js: Node's require(); in the page, read when first used (instant navigation runs a
  // page's scripts in the order they arrive; site.js starts a tool once the files it needs have run).
  const node = typeof module === "object" && module.exports ? require("./tool-kit.js") : null;
  const kit = () => node || window.guideKit;
  const DAY = 86400000;
  const clock = (s) => Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  const plural = (n, one, many = one + "s") => `${n} ${n === 1 ? one : many}`;
  const isObject = (o) => kit().isObject(o);
  const exact = (o, keys) => kit().exact(o, keys);
  const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  // A day that exists on the calendar (not 2026-02-30), written YYYY-MM-DD.
  const realDay = (s) => typeof s === "string" && ISO_DAY.test(s) && dayOf(parseDay(s)) === s;
  // A moment as JSON.stringify writes a Date (what the schedule stores), and a real one.
  const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  const realTime = (s) => typeof s === "string" && ISO_TIME.test(s) && !isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 19) === s.slice(0, 19);
  // Text that survives being saved and exported again: no lone UTF-16 surrogates.
  const wellFormed = (s) => typeof s === "string" && !kit().BROKEN.test(s);
  // The longest time a review or a recording may record, in seconds; a longer one is stored as this.
  const MAX_SECONDS = 7200;

  // --------------------------------------------------------------- dates, as local calendar days
  const dayOf = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  const parseDay = (s) => new Date(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  const addDays = (s, n) => {
    const d = parseDay(s);
    d.setDate(d.getDate() + n);
    return dayOf(d);
  };
  const daysBetween = (a, b) => Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / DAY);
  const shortDay = (s) => parseDay(s).toLocaleDateString("en-US", { month: "short", day: "numeric" });
  const longDay = (s) => parseDay(s).toLocaleDateString("en-US", { weekday: "short", month: "long", day: "numeric", year: "numeric" });

  // --------------------------------------------------------------- self-review
  // The checklist for an answer to a question on principle `p` ({ listen, pitfalls }): what every
  // answer needs, then each point interviewers listen for, then each pitfall avoided.
  function checklist(p) {
    return [
      "Situation: I set the scene in a sentence or two",
      "Task: I said what I was responsible for",
      "Action: most of the answer was what I did",
      "Result: I said how it ended",
      "I said “I” for my own part, not “we”",
      "The result had a number in it",
      ...p.listen.map((x) => `Showed: ${x}`),
      ...p.pitfalls.map((x) => `Avoided: ${x}`),
    ];
  }

  // A review as stored: the day, the seconds the answer took (null when not timed), one flag per
  // checklist item, and the rating given after it (1 to 4, ts-fsrs's Again, Hard, Good, Easy).
  const score = (r) => `${r.checks.filter(Boolean).length} of ${r.checks.length}`;

  // Reviews of every question: { version, reviews: { question id: [review, oldest first] } }, each list
  // kept to the last `keep`. Returns a new object; `store` is unchanged.
  function addReview(store, qid, review, keep) {
    const reviews = { ...store.reviews, [qid]: (store.reviews[qid] || []).concat(review).slice(-keep) };
    return { version: store.version, reviews };
  }

  // "" when `d` is a valid reviews store for `cfg` naming only question ids in `known` (a Set), else why not.
  function checkReviews(d, cfg, known) {
    if (!exact(d, ["reviews", "version"]) || d.version !== cfg.version || !isObject(d.reviews)) return "the self-reviews are not in the expected form.";
    for (const [qid, list] of Object.entries(d.reviews)) {
      if (!known.has(qid)) return `the self-reviews name an unknown question or coding problem "${qid.slice(0, 40)}".`;
      if (!Array.isArray(list) || !list.length || list.length > cfg.maxReviews) return "a question's self-reviews must be a list of 1 to " + cfg.maxReviews + ".";
      for (const r of list) {
        if (!exact(r, ["checks", "date", "rating", "seconds"])) return "a self-review must have exactly the fields checks, date, rating, seconds.";
        if (!realDay(r.date)) return "a self-review's date must be a real day written YYYY-MM-DD.";
        if (r.seconds !== null && !(Number.isInteger(r.seconds) && r.seconds >= 0 && r.seconds <= MAX_SECONDS)) return `a self-review's time must be whole seconds, at most ${MAX_SECONDS}.`;
        if (!Array.isArray(r.checks) || !r.checks.length || r.checks.length > 60 || !r.checks.every((c) => typeof c === "boolean")) return "a self-review's checklist must be a list of true and false.";
        if (![1, 2, 3, 4].includes(r.rating)) return "a self-review's rating must be 1, 2, 3 or 4.";
      }
    }
    return "";
  }

  // --------------------------------------------------------------- spaced review (ts-fsrs)
  // The scheduler, by day: no same-day learning steps, no random fuzz, so a rating's date is predictable.
  const scheduler = (lib) => lib.fsrs({ enable_short_term: false, enable_fuzz: false });
  // The card after rating `rating` (1 to 4) at `now`; `card` is the stored one or null for a first review.
  function rate(lib, card, rating, now) {
    const next = scheduler(lib).next(card || lib.createEmptyCard(now), now, rating).card;
    return JSON.parse(JSON.stringify(next)); // dates as ISO text, as stored
  }
  const COUNTS = ["elapsed_days", "lapses", "learning_steps", "reps", "scheduled_days"];
  const CARD = ["difficulty", "due", "elapsed_days", "lapses", "last_review", "learning_steps", "reps", "scheduled_days", "stability", "state"];
  function checkSchedule(d, cfg, known) {
    if (!exact(d, ["cards", "version"]) || d.version !== cfg.version || !isObject(d.cards)) return "the review schedule is not in the expected form.";
    for (const [qid, c] of Object.entries(d.cards)) {
      if (!known.has(qid)) return `the review schedule names an unknown question or coding problem "${qid.slice(0, 40)}".`;
      const fields = Object.keys(c || {}).filter((k) => k !== "last_review").concat("last_review");
      if (!isObject(c) || !exact(Object.fromEntries(fields.map((k) => [k, 1])), CARD)) return "a scheduled question must have exactly the fields of a ts-fsrs card.";
      if (!realTime(c.due) || (c.last_review !== undefined && !realTime(c.last_review))) return "a scheduled question's dates must be times written as the coach writes them (2026-12-09T10:00:00.000Z).";
      // What ts-fsrs can schedule from: a state it knows (New, Learning, Review, Relearning), counts
      // that are whole and not negative, a difficulty from 0 (a new card) to 10, a stability not negative.
      if (![0, 1, 2, 3].includes(c.state)) return "a scheduled question's state must be 0, 1, 2 or 3.";
      if (!COUNTS.every((k) => Number.isInteger(c[k]) && c[k] >= 0)) return `a scheduled question's ${COUNTS.join(", ")} must be whole numbers, not negative.`;
      if (!(typeof c.difficulty === "number" && c.difficulty >= 0 && c.difficulty <= 10)) return "a scheduled question's difficulty must be a number from 0 to 10.";
      if (!(typeof c.stability === "number" && isFinite(c.stability) && c.stability >= 0)) return "a scheduled question's stability must be a number, not negative.";
    }
    return "";
  }
  // The question ids whose review is due by the end of the calendar day `today` (YYYY-MM-DD), earliest first.
  function due(cards, today) {
    const end = parseDay(addDays(today, 1)).getTime();
    return Object.entries(cards)
      .filter(([, c]) => Date.parse(c.due) < end)
      .sort((a, b) => Date.parse(a[1].due) - Date.parse(b[1].due))
      .map(([qid]) => qid);
  }

  // --------------------------------------------------------------- readiness
  // Per principle: stories (and the target), questions practiced, latest self-review, reviews due;
  // and what to practice next, the biggest gaps first: each { text, p: the principle, to: where to
  // practice it, "planner" (stories), "drill" (due reviews) or "questions" (the principle's questions) }.
  function readiness({ principles, questions, target, stories, reviews, cards, today }) {
    const dueNow = new Set(due(cards, today));
    const rows = principles.map((p) => {
      const qs = questions.filter((q) => q.p === p.id).map((q) => q.id);
      const practiced = qs.filter((q) => reviews[q]);
      const last = practiced.map((q) => reviews[q][reviews[q].length - 1]).sort((a, b) => a.date.localeCompare(b.date)).pop() || null;
      return {
        id: p.id, name: p.name, questions: qs.length,
        stories: stories.filter((s) => s.principles.includes(p.id)).length,
        practiced: practiced.length, latest: last, due: qs.filter((q) => dueNow.has(q)).length,
      };
    });
    const next = [];
    const add = (r, text, to) => next.push({ text: `${r.name}: ${text}`, p: r.id, to });
    for (const r of rows) if (!r.stories) add(r, "no story yet", "planner");
    for (const r of rows) if (r.stories && r.stories < target) add(r, `${plural(r.stories, "story", "stories")} of ${target}`, "planner");
    for (const r of rows) if (r.due) add(r, `${plural(r.due, "review")} due`, "drill");
    for (const r of rows) if (!r.practiced) add(r, "no question practiced out loud yet", "questions");
    return { rows, next };
  }

  // --------------------------------------------------------------- coding problems
  // A worked coding problem's talk-through is reviewed and scheduled like a question, under the key
  // `prefix + problem id` ("code:two-sum"), which no question id can be.
  // Every key the reviews, the schedule and the recordings may hold: the questions and the problems.
  const reviewable = (questions, problems, prefix) => new Set([...questions, ...[...problems].map((id) => prefix + id)]);

  // The schedule with a card for every problem the code runner marked solved that has none yet: the
  // card as if rated Good (3) at the moment it was solved, so a card made later is the same card.
  // Returns { cards, added: [keys] }; `cards` is unchanged.
  function enrolSolved(lib, cards, code, problems, prefix) {
    const added = toEnrol(cards, code, problems, prefix);
    if (!added.length) return { cards, added };
    const out = { ...cards };
    for (const key of added) out[key] = rate(lib, null, 3, new Date(code.problems[key.slice(prefix.length)].solved));
    return { cards: out, added };
  }
  // The keys enrolSolved would add, found without the scheduler: a page loads ts-fsrs only for them.
  function toEnrol(cards, code, problems, prefix) {
    return Object.entries(code.problems || {})
      .filter(([id, p]) => Object.hasOwn(problems, id) && !(Object.hasOwn(cards, prefix + id) && cards[prefix + id]) && p && realTime(p.solved))
      .map(([id]) => prefix + id);
  }

  // Per coding pattern: its problems, those talked through (a saved self-review), those solved in
  // the runner, those due for review by the end of `today`; and what to practice next: due reviews,
  // then each pattern with nothing solved, each { text, pattern, to: "coding" }.
  function codingReadiness({ patterns, problems, prefix, reviews, cards, code, today }) {
    const dueNow = new Set(due(cards, today));
    const solved = isObject(code.problems) ? code.problems : {};
    const rows = patterns.map((pt) => {
      const ids = Object.keys(problems).filter((id) => problems[id] === pt.id);
      return {
        id: pt.id, name: pt.name, problems: ids.length,
        reviewed: ids.filter((id) => reviews[prefix + id]).length,
        solved: ids.filter((id) => solved[id] && solved[id].solved).length,
        due: ids.filter((id) => dueNow.has(prefix + id)).length,
      };
    });
    const next = [];
    for (const r of rows) if (r.due) next.push({ text: `${r.name}: ${plural(r.due, "coding review")} due`, pattern: r.id, to: "coding" });
    for (const r of rows) if (r.problems && !r.solved) next.push({ text: `${r.name}: no coding problem solved yet`, pattern: r.id, to: "coding" });
    return { rows, next };
  }
  // The study plan as stored: { version, interview: a real day } or nothing (null).
  const checkPlan = (d, cfg) =>
    d !== null && !(exact(d, ["interview", "version"]) && d.version === cfg.version) ? "the study plan is not in the expected form."
    : d !== null && !realDay(d.interview) ? "the study plan's interview date must be a real day written YYYY-MM-DD." : "";

  const core = {
    DAY, ISO_DAY, MAX_SECONDS, clock, plural, isObject, exact, realDay, realTime, wellFormed,
    dayOf, parseDay, addDays, daysBetween, shortDay, longDay,
    checklist, score, addReview, checkReviews, rate, checkSchedule, due, readiness,
    reviewable, enrolSolved, toEnrol, codingReadiness, checkPlan,
  };
  if (typeof module === "object" && module.exports) module.exports = core;
  else window.guideCoachCore = core;
})();
