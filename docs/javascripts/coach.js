// The practice coach: answer out loud, review yourself, spaced review, readiness,
// a study plan and one backup. Everything stays on this device: localStorage for text,
// IndexedDB for recordings; nothing is sent anywhere. User text only goes into textContent
// or value. Started by site.js (CONTRIBUTING.md, "A tool's script") as four tools:
//   coach             the recorder and self-review, for one question: in the drill (following
//                     the drill's card), and on the question bank and principle pages, where
//                     site.js loads this file on the first press of a question's Record button;
//                     on a worked coding problem's page it takes the problem's talk-through
//                     instead, kept under "code:<problem id>" (coach data: coding.prefix);
//   readiness         the readiness page, with the backup and the delete-all;
//   readiness-summary the short block a page can include (the home page);
//   study-plan        the plan from the interview date, with its .ics file.
// The site's data rides in data-guide-data; the questions and checklists for the coach come
// from coach-data.js, which the build writes (macros/coach.py, write_coach_data).
// The functions above the DOM part are its pure logic, tested in tests/js/coach.test.js.
(() => {
  "use strict";
  const DAY = 86400000;
  const clock = (s) => Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  const plural = (n, one, many = one + "s") => `${n} ${n === 1 ? one : many}`;
  const isObject = (o) => !!o && typeof o === "object" && !Array.isArray(o);
  const exact = (o, keys) => isObject(o) && JSON.stringify(Object.keys(o).sort()) === JSON.stringify(keys.slice().sort());
  const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  // A day that exists on the calendar (not 2026-02-30), written YYYY-MM-DD.
  const realDay = (s) => typeof s === "string" && ISO_DAY.test(s) && dayOf(parseDay(s)) === s;
  // A moment as JSON.stringify writes a Date (what the schedule stores), and a real one.
  const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  const realTime = (s) => typeof s === "string" && ISO_TIME.test(s) && !isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 19) === s.slice(0, 19);
  // Text that survives being saved and exported again: no lone UTF-16 surrogates.
  const wellFormed = (s) => typeof s === "string" && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
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

  // --------------------------------------------------------------- study plan
  // The source's preparation strategy over the days from `today` up to the day before `interview`:
  // stories for every principle first (`perDay` principles a day), then the technical topics, with a
  // mock loop every `mockEvery` days from the second half on and the last one two days before,
  // and the day's due reviews every day. One entry a day, plus the interview itself.
  function plan({ today, interview, principles, topics, mockEvery, recency, answer }) {
    const n = daysBetween(today, interview);
    if (n < 1) return [];
    const storyDays = Math.max(1, Math.ceil(n / 2));
    const perDay = Math.ceil(principles.length / storyDays);
    const days = [];
    for (let i = 0; i < n; i++) {
      const tasks = [];
      const mine = principles.slice(i * perDay, (i + 1) * perDay);
      if (mine.length) tasks.push(`Prepare STAR stories for ${mine.join(", ")}: recent (within ${recency}), with a measured result and the customer impact`);
      const t = i - Math.ceil(principles.length / perDay);
      if (t >= 0 && topics.length) tasks.push(`Technical: ${topics[t % topics.length]}`);
      const left = n - i;
      const mock = left === 2 || (i >= storyDays && (left - 2) % mockEvery === 0 && left > 2);
      if (mock && n >= 3) tasks.push(`Mock loop: a full mock loop out loud, each Leadership Principle answer time-boxed to ${answer}, the design with AWS services`);
      if (i > 0) tasks.push("Review: answer today's due questions in the drill");
      if (left === 1) tasks.push("Rest: read your stories once, then stop");
      days.push({ day: addDays(today, i), title: mock && n >= 3 ? "Mock loop day" : mine.length ? "Leadership Principle stories" : "Technical practice and review", tasks });
    }
    days.push({ day: interview, title: "Interview day", tasks: ["Your Amazon interview"] });
    return days;
  }

  // The plan as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets, text
  // escaped, one all-day event a day, each with its own UID, the DTSTAMP `stamp` (a Date) and a
  // SEQUENCE that grows with `stamp`.
  const escapeText = (s) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  function fold(line) {
    const out = [];
    let cur = "";
    let bytes = 0;
    for (const ch of line) {
      const b = new TextEncoder().encode(ch).length;
      if (bytes + b > (out.length ? 74 : 75)) {
        out.push(cur);
        cur = "";
        bytes = 0;
      }
      cur += ch;
      bytes += b;
    }
    out.push(cur);
    return out.join("\r\n ");
  }
  function ics(days, { stamp }) {
    const compact = (s) => s.replace(/-/g, "");
    // A UID per place in the plan, counted back from the interview: the same whatever the date,
    // wherever the file comes from (the hosted site or the offline edition), so a calendar that
    // imports a newer file moves and updates its events instead of adding copies. SEQUENCE, the
    // seconds since 2026 at download, tells the calendar the newer file's events replace the older.
    const last = days.length ? days[days.length - 1].day : "";
    const utc = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const sequence = Math.max(0, Math.floor((stamp.getTime() - Date.UTC(2026, 0, 1)) / 1000));
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Interview Guide//Study plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    for (const d of days) {
      lines.push(
        "BEGIN:VEVENT",
        `UID:${d.day === last ? "interview" : `day-${daysBetween(d.day, last)}-before-interview`}@study-plan.interview-guide`,
        `DTSTAMP:${utc}`,
        `SEQUENCE:${sequence}`,
        `DTSTART;VALUE=DATE:${compact(d.day)}`,
        `DTEND;VALUE=DATE:${compact(addDays(d.day, 1))}`,
        `SUMMARY:${escapeText(d.title)}`,
        `DESCRIPTION:${escapeText(d.tasks.join("\n"))}`,
        "TRANSP:TRANSPARENT",
        "END:VEVENT"
      );
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  const checkPlan = (d, cfg) =>
    d !== null && !(exact(d, ["interview", "version"]) && d.version === cfg.version) ? "the study plan is not in the expected form."
    : d !== null && !realDay(d.interview) ? "the study plan's interview date must be a real day written YYYY-MM-DD." : "";

  // --------------------------------------------------------------- stories (the STAR planner's format)
  // The same rules as the planner's own import (docs/javascripts/star-planner.js, checkFile).
  const TEXT = ["title", "when", "situation", "task", "action", "result", "metrics"];
  function checkStories(list, s, known) {
    if (!Array.isArray(list)) return '"stories" must be a list.';
    if (list.length > s.maxStories) return `a file may hold at most ${s.maxStories} stories.`;
    const ids = new Set();
    for (const [i, st] of list.entries()) {
      const n = `story ${i + 1}: `;
      if (!exact(st, ["id", "principles", ...TEXT])) return `${n}it must have exactly the fields id, principles, ${TEXT.join(", ")}.`;
      for (const f of ["id", ...TEXT]) if (!wellFormed(st[f]) || st[f].length > s.limits[f]) return `${n}"${f}" must be text (no broken characters) of at most ${s.limits[f]} characters.`;
      if (!/^[a-z0-9-]+$/.test(st.id) || ids.has(st.id)) return `${n}"id" must be a unique lower-case id.`;
      ids.add(st.id);
      if (!st.title.trim()) return `${n}"title" must not be empty.`;
      if (st.when && !/^\d{4}-(0[1-9]|1[0-2])$/.test(st.when)) return `${n}"when" must be a month written YYYY-MM, or empty.`;
      const p = st.principles;
      if (!Array.isArray(p) || !p.length || new Set(p).size !== p.length || !p.every((x) => known.principles.has(x))) return `${n}"principles" must list known principle ids, each once.`;
    }
    return "";
  }

  // --------------------------------------------------------------- one backup
  // What a parsed backup file holds, or why it cannot be imported. A STAR planner export
  // ({ version, stories }) is accepted too, and replaces the stories only.
  // Returns { problem } or { parts: { stories, reviews?, schedule?, plan?, recordings? } }.
  function readBackup(d, cfg, known) {
    if (exact(d, ["stories", "version"])) {
      if (d.version !== cfg.stories.version) return { problem: `Only version ${cfg.stories.version} STAR planner files can be imported.` };
      const p = checkStories(d.stories, cfg.stories, known);
      return p ? { problem: "In the file, " + p } : { parts: { stories: d.stories } };
    }
    const base = ["format", "version", "exported", "stories", "reviews", "schedule", "plan"];
    if (!isObject(d) || d.format !== cfg.format) return { problem: "This is not a backup from this guide." };
    if (d.version !== cfg.version) return { problem: `Only version ${cfg.version} backups can be imported.` };
    const optional = Object.keys(d).filter((k) => !base.includes(k));
    if (!base.every((k) => k in d) || optional.some((k) => k !== "recordings" && k !== "code"))
      return { problem: `A backup must have exactly the fields ${base.join(", ")} and, optionally, recordings and code.` };
    // The questions, and each worked problem under its coding key: unknown ids are refused.
    const keys = known.problems ? reviewable(known.questions, known.problems, cfg.codingPrefix) : known.questions;
    if (!realTime(d.exported)) return { problem: "In the backup, the time it was exported must be written as the guide writes it (2026-12-07T09:00:00.000Z)." };
    const problem =
      checkStories(d.stories, cfg.stories, known) ||
      checkReviews(d.reviews, cfg.reviews, keys) ||
      checkSchedule(d.schedule, cfg.schedule, keys) ||
      checkPlan(d.plan, cfg.plan) ||
      (d.recordings === undefined ? "" : checkRecordings(d.recordings, cfg, keys)) ||
      (d.code === undefined ? "" : checkCode(d.code, cfg.code, known.problems || new Set()));
    if (problem) return { problem: "In the backup, " + problem };
    const parts = { stories: d.stories, reviews: d.reviews, schedule: d.schedule, plan: d.plan };
    if (d.recordings !== undefined) parts.recordings = d.recordings;
    if (d.code !== undefined) parts.code = d.code;
    return { parts };
  }
  // The code runner's store (docs/javascripts/code-runner.js): the code written for each worked problem.
  function checkCode(c, cfg, known) {
    if (!exact(c, ["problems", "version"]) || c.version !== cfg.version || !isObject(c.problems)) return `the code must be { "version": ${cfg.version}, "problems": { ... } }.`;
    for (const [id, p] of Object.entries(c.problems)) {
      if (!known.has(id)) return `the code names "${id.slice(0, 60)}", which is not a worked problem of this guide.`;
      if (!exact(p, ["code", "saved", "solved"])) return `the code for ${id} must have exactly the fields code, saved, solved.`;
      if (!wellFormed(p.code) || p.code.length > cfg.maxChars) return `the code for ${id} must be text (no broken characters) of at most ${cfg.maxChars} characters.`;
      if (!realTime(p.saved)) return `the code for ${id} must say when it was saved, as the guide writes times (2026-12-07T09:00:00.000Z).`;
      if (p.solved !== null && !realTime(p.solved)) return `the code for ${id} must say when it was solved as a time, or null.`;
    }
    return "";
  }
  function checkRecordings(list, cfg, known) {
    if (!Array.isArray(list) || list.length > known.size) return "the recordings must be a list, one per question at most.";
    const seen = new Set();
    for (const r of list) {
      if (!exact(r, ["audio", "date", "q", "seconds", "type"])) return "a recording must have exactly the fields audio, date, q, seconds, type.";
      if (!known.has(r.q) || seen.has(r.q)) return "each recording must name a known question or coding problem, and each one once.";
      seen.add(r.q);
      if (typeof r.type !== "string" || !/^audio\/[a-z0-9.+-]+(;\s?codecs=[a-z0-9.,-]+)?$/i.test(r.type)) return "a recording's type must be an audio type.";
      // Base64 as btoa writes it, padded to whole groups of four, and not empty: what atob decodes.
      if (typeof r.audio !== "string" || !r.audio || r.audio.length % 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(r.audio)) return "a recording's audio must be base64 text, not empty.";
      if (!realDay(r.date)) return "a recording's date must be a real day written YYYY-MM-DD.";
      if (!Number.isInteger(r.seconds) || r.seconds < 0 || r.seconds > MAX_SECONDS) return `a recording's length must be whole seconds, at most ${MAX_SECONDS}.`;
    }
    return "";
  }
  // The code store as a backup carries it: only the entries its import accepts (a worked problem of
  // this guide, the fields the runner writes); the rest are left out and counted, so an export is
  // never a file the guide would refuse to read back.
  function exportableCode(c, cfg, known) {
    const stored = isObject(c) && isObject(c.problems) ? c.problems : {};
    const ours = isObject(c) && c.version === cfg.version;
    const problems = {};
    let left = 0;
    for (const [id, p] of Object.entries(stored)) {
      if (ours && !checkCode({ version: cfg.version, problems: { [id]: p } }, cfg, known)) problems[id] = p;
      else left += 1;
    }
    return { code: { version: cfg.version, problems }, left };
  }
  function makeBackup(parts, cfg, exported) {
    const out = { format: cfg.format, version: cfg.version, exported, stories: parts.stories, reviews: parts.reviews, schedule: parts.schedule, plan: parts.plan };
    if (parts.recordings) out.recordings = parts.recordings;
    if (parts.code) out.code = parts.code;
    return out;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { clock, dayOf, addDays, daysBetween, checklist, score, addReview, checkReviews, rate, checkSchedule, due, readiness, plan, ics, fold, escapeText, checkPlan, readBackup, makeBackup, checkCode, exportableCode, reviewable, enrolSolved, toEnrol, codingReadiness };
    return;
  }

  // =============================================================== the page
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const button = (label, cls = "md-button") => Object.assign(el("button", cls, label), { type: "button" });
  const data = () => window.guideCoachData;
  const today = () => dayOf(new Date());

  // localStorage, read and written whole; every failure said, nothing half-written.
  const store = {
    read(key, fallback) {
      const raw = localStorage.getItem(key); // throws when storage is blocked
      return raw === null ? fallback : JSON.parse(raw);
    },
    // Writes every [key, value] or none: a value that cannot be written puts back what was there.
    writeAll(pairs) {
      store.put(pairs.map(([k, v]) => [k, v === null ? null : JSON.stringify(v)]));
    },
    // The same with the stored text itself (null: no value). The removals come last, so a write that
    // fails finds every old value still in place. Undoing never removes a key that held something:
    // each key written is set back to its old text, those that shrink back first to make room for
    // those that grow. When one cannot be put back (the storage refused it), the error says which,
    // in e.notRestored, so that the message does not claim nothing changed.
    put(pairs) {
      const order = pairs.filter(([, v]) => v !== null).concat(pairs.filter(([, v]) => v === null));
      const before = new Map(order.map(([k]) => [k, localStorage.getItem(k)]));
      const written = [];
      try {
        for (const [k, v] of order) {
          if (v === null) localStorage.removeItem(k);
          else localStorage.setItem(k, v);
          written.push(k);
        }
      } catch (e) {
        const size = (v) => (v === null ? 0 : v.length);
        const undo = written.map((k) => [k, before.get(k), size(before.get(k)) - size(localStorage.getItem(k))]).sort((a, b) => a[2] - b[2]);
        const left = [];
        for (const [k, v] of undo) {
          try {
            if (v === null) localStorage.removeItem(k);
            else localStorage.setItem(k, v);
          } catch {
            left.push(k);
          }
        }
        if (left.length) e.notRestored = left;
        throw e;
      }
      if (window.guideStorage) window.guideStorage.saved(); // site.js asks the browser to keep it
    },
    // What a message may say, after a failed write, about `what` was stored before (a sentence).
    unchanged: (e, what) => (e && e.notRestored ? `Part of ${what} could not be put back: export a backup now.` : `${cap(what)} ${/s$/.test(what) ? "are" : "is"} unchanged.`),
  };
  const cap = (t) => t[0].toUpperCase() + t.slice(1);
  const storageProblem = (e) =>
    e && (e.name === "QuotaExceededError" || e.code === 22) ? "this browser's storage is full" : "this browser does not let the guide use its storage";

  // Recordings in IndexedDB: one per question, { q, blob, type, seconds, date }.
  const db = {
    open() {
      return new Promise((ok, fail) => {
        if (!window.indexedDB) return fail(new Error("IndexedDB is unavailable"));
        const req = indexedDB.open(data().db.name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(data().db.store, { keyPath: "q" });
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
        req.onblocked = () => fail(new Error("blocked"));
      });
    },
    async run(mode, act) {
      const conn = await db.open();
      try {
        return await new Promise((ok, fail) => {
          const tx = conn.transaction(data().db.store, mode);
          tx.oncomplete = () => ok(req && req.result);
          tx.onerror = tx.onabort = () => fail(tx.error || new Error("The recordings could not be written."));
          let req;
          try {
            req = act(tx.objectStore(data().db.store));
          } catch (e) {
            tx.onabort = () => fail(e); // a request refused at once: undo the transaction's other requests
            tx.abort();
          }
        });
      } finally {
        conn.close();
      }
    },
    get: (q) => db.run("readonly", (s) => s.get(q)),
    all: () => db.run("readonly", (s) => s.getAll()),
    put: (rec) => db.run("readwrite", (s) => s.put(rec)).then((r) => (window.guideStorage && window.guideStorage.saved(), r)),
    remove: (q) => db.run("readwrite", (s) => s.delete(q)),
    // Every recording replaced by `recs`, in one transaction: all of them or, on any failure, none.
    replaceAll: (recs) => db.run("readwrite", (s) => {
      s.clear();
      for (const r of recs) s.put(r);
    }),
  };

  const say = (box, text, bad) => {
    box.children[0].textContent = bad ? "" : text;
    box.children[1].textContent = bad ? text : "";
  };
  const msgs = () => {
    const box = el("div", "guide-tool__msgs");
    box.append(Object.assign(el("p"), { role: "status" }), Object.assign(el("p"), { role: "alert" }));
    box.children[0].setAttribute("role", "status");
    box.children[1].setAttribute("role", "alert");
    return box;
  };

  // --------------------------------------------------------------- the coach for one question
  function startCoach(root, opts) {
    const D = data();
    const follow = opts && opts.follow ? document.getElementById(opts.follow) : null;
    const panel = el("div", "guide-coach__panel");
    const opener = root.querySelector(":scope > button"); // the button that loaded the coach, if any
    // On a worked coding problem's page (opts.problem) the coach takes the problem's talk-through,
    // kept under its coding key; everywhere else a question.
    const P = D.coding.prefix;
    let qid = follow ? follow.dataset.question : opts.problem ? P + opts.problem : opts.q;
    const coding = !follow && !!opts.problem;
    const limit = coding ? D.coding.answerSeconds : D.answerSeconds;
    const words = coding ? { rec: "Record talk-through", review: "Review my talk-through", audio: "Your recorded talk-through", what: "talk-through", item: "problem" }
      : { rec: "Record answer", review: "Review my answer", audio: "Your recorded answer", what: "answer", item: "question" };
    let recorder = null, stream = null, began = 0, timer = null, taken = null, pending = null, url = null, opened = Date.now();

    // The panel's title is a heading one level below the last heading before the coach.
    const above = [...(root.closest("article") || document).querySelectorAll("h1, h2, h3, h4, h5")].filter((h) => h.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING || root.contains(h)).pop();
    const heading = el(`h${Math.min(6, above ? +above.tagName[1] + 1 : 2)}`, "guide-coach__title");
    const status = el("p", "guide-coach__clock");
    status.setAttribute("role", "timer");
    const talk = msgs();
    const rec = button(words.rec, "md-button md-button--primary");
    const stop = button("Stop");
    const audio = el("audio", "guide-coach__audio");
    audio.controls = true;
    audio.setAttribute("aria-label", words.audio);
    audio.hidden = true;
    const keep = button("Keep recording");
    const drop = button("Delete recording");
    const reviewBtn = button(words.review);
    const row1 = el("div", "guide-tool__buttons");
    row1.append(rec, stop, reviewBtn);
    const row2 = el("div", "guide-tool__buttons");
    row2.append(keep, drop);
    const form = el("form", "guide-coach__review");
    form.hidden = true;
    const reviewMsgs = msgs();
    panel.append(heading, status, row1, talk, audio, row2, form, reviewMsgs);
    if (opener) opener.hidden = true;
    // Inside a question of the question bank the button sits in a paragraph: the panel goes after it.
    if (root.tagName === "SPAN") root.closest("p").after(panel);
    else root.append(panel);

    const close = () => {
      clearInterval(timer);
      if (recorder && recorder.state !== "inactive") recorder.stop();
      if (stream) stream.getTracks().forEach((t) => t.stop());
      if (url) URL.revokeObjectURL(url);
    };
    const seconds = () => Math.round((Date.now() - began) / 1000);
    // When the control that had the focus is hidden, the focus goes to `next`, not back to the page.
    const keepFocus = (next) => {
      const a = document.activeElement;
      if (!a || a === document.body || (panel.contains(a) && !a.checkVisibility())) next.focus();
    };

    function showAudio(blob) {
      if (url) URL.revokeObjectURL(url);
      url = blob ? URL.createObjectURL(blob) : null;
      audio.hidden = !blob;
      if (blob) audio.src = url;
      else audio.removeAttribute("src");
    }
    function buttons(state) {
      rec.hidden = state === "recording";
      stop.hidden = state !== "recording";
      keep.hidden = state !== "new";
      drop.hidden = !(state === "new" || state === "kept");
      rec.textContent = state === "kept" || state === "new" ? "Record again" : words.rec;
    }
    async function load() {
      const q = D.questions[qid];
      heading.textContent = coding ? `Talk it through: ${D.coding.titles[opts.problem] || opts.problem}` : q ? `${D.principles[q.p].name}: ${q.text}` : "";
      form.hidden = true;
      pending = null;
      taken = null;
      opened = Date.now();
      say(reviewMsgs, "");
      say(talk, "");
      status.textContent = `Up to ${clock(limit)} for your ${words.what}.`;
      showAudio(null);
      buttons("none");
      try {
        const saved = await db.get(qid);
        if (saved && saved.q === qid) {
          showAudio(saved.blob);
          buttons("kept");
          say(talk, `Your recording from ${saved.date}, ${clock(saved.seconds)} long, is kept on this device.`);
        }
      } catch {
        say(talk, "Recordings cannot be kept in this browser (its storage is blocked); you can still record and listen.", 1);
      }
    }
    async function record() {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof MediaRecorder === "undefined")
        return say(talk, "This browser cannot record audio. Answer out loud anyway, then review your answer.", 1);
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (e) {
        const why = e && e.name === "NotAllowedError" ? "Microphone access was refused, so nothing is recorded." : e && e.name === "NotFoundError" ? "No microphone was found, so nothing is recorded." : "The microphone could not be started, so nothing is recorded.";
        return say(talk, `${why} Answer out loud anyway: the clock and the self-review work as before. To record, allow the microphone in the browser's site settings.`, 1);
      }
      // A recording belongs to the question it was started for: the stop arrives later, when the
      // drill may show another question; it is then discarded, never shown or kept under that one.
      const forQ = qid;
      const mine = (recorder = new MediaRecorder(stream));
      const chunks = [];
      const tracks = stream;
      mine.ondataavailable = (e) => e.data.size && chunks.push(e.data);
      mine.onstop = () => {
        tracks.getTracks().forEach((t) => t.stop());
        if (recorder !== mine || qid !== forQ) return;
        clearInterval(timer);
        taken = Math.min(seconds(), MAX_SECONDS);
        const type = mine.mimeType || "audio/webm";
        pending = { q: forQ, blob: new Blob(chunks, { type }), type, seconds: taken, date: today() };
        showAudio(pending.blob);
        buttons("new");
        status.textContent = `Recorded ${clock(taken)}.`;
        say(talk, "Listen back, then keep the recording or delete it. It stays on this device only.");
        keepFocus(keep);
      };
      began = Date.now();
      recorder.start();
      buttons("recording");
      say(talk, coding ? "Recording. Talk through the problem out loud as you solve it, then press Stop." : "Recording. Answer out loud, then press Stop.");
      const drill = document.getElementById("guide-drill-toggle");
      if (follow && drill && /^Start/.test(drill.textContent)) drill.click(); // the drill's countdown runs too
      timer = setInterval(() => {
        const s = seconds();
        const left = limit - s; // the countdown of the answer's time, as in the drill
        status.textContent = left > 0 ? `Recording: ${clock(left)} left` : `Recording: time's up (${clock(s)}). Finish your sentence, then press Stop.`;
        if (s >= D.maxRecordSeconds) recorder.stop();
      }, 250);
      stop.focus();
    }
    rec.onclick = record;
    stop.onclick = () => recorder && recorder.state !== "inactive" && recorder.stop();
    keep.onclick = async () => {
      const it = pending;
      if (!it || it.q !== qid) return;
      try {
        await db.put(it);
        if (pending !== it) return; // the question changed meanwhile: its own panel is on screen
        buttons("kept");
        say(talk, "Recording kept on this device.");
        pending = null;
        keepFocus(reviewBtn);
      } catch (e) {
        say(talk, `Not kept: ${storageProblem(e)}. You can still listen to it until you leave the page.`, 1);
      }
    };
    drop.onclick = async () => {
      if (pending) {
        pending = null;
        showAudio(null);
        buttons("none");
        keepFocus(rec);
        return say(talk, "Recording deleted.");
      }
      const forQ = qid;
      try {
        await db.remove(forQ);
        if (qid !== forQ) return;
        showAudio(null);
        buttons("none");
        keepFocus(rec);
        say(talk, "Recording deleted from this device.");
      } catch (e) {
        say(talk, `Not deleted: ${storageProblem(e)}.`, 1);
      }
    };

    // The self-review and the rating, saved together.
    function review() {
      const items = coding ? D.coding.checklist : checklist(D.principles[D.questions[qid].p]);
      const secs = Math.min(MAX_SECONDS, taken !== null ? taken : Math.round((Date.now() - opened) / 1000));
      const fs = el("fieldset");
      fs.append(el("legend", "", `Check what your ${words.what} did (time taken: ${clock(secs)})`));
      const checks = el("div", "guide-tool__checks guide-coach__checks");
      items.forEach((label, i) => {
        const l = el("label");
        const box = Object.assign(el("input"), { type: "checkbox", name: "guide-coach-check", value: String(i) });
        l.append(box, " " + label);
        checks.append(l);
      });
      fs.append(checks);
      const rates = el("fieldset");
      rates.append(el("legend", "", coding ? "How well could you solve it? This sets when it comes back for review." : "How well could you answer it? This sets when it comes back for review."));
      const rateRow = el("div", "guide-tool__checks guide-coach__rating");
      ["Again: I could not answer", "Hard", "Good", "Easy"].forEach((label, i) => {
        const l = el("label");
        const r = Object.assign(el("input"), { type: "radio", name: "guide-coach-rating", value: String(i + 1), required: true });
        l.append(r, " " + label);
        rateRow.append(l);
      });
      rates.append(rateRow);
      const save = Object.assign(el("button", "md-button md-button--primary", "Save review"), { type: "submit" });
      const row = el("div", "guide-tool__buttons");
      row.append(save);
      form.replaceChildren(fs, rates, row);
      form.hidden = false;
      form.onsubmit = (e) => {
        e.preventDefault();
        const picked = form.querySelector("input[name=guide-coach-rating]:checked");
        if (!picked) return say(reviewMsgs, "Pick how well you could answer it.", 1);
        const r = { date: today(), seconds: secs, checks: [...checks.querySelectorAll("input")].map((b) => b.checked), rating: +picked.value };
        try {
          const reviews = store.read(D.keys.reviews, { version: D.reviewsVersion, reviews: {} });
          const sched = store.read(D.keys.schedule, { version: D.scheduleVersion, cards: {} });
          const card = rate(window.FSRS, sched.cards[qid] || null, r.rating, new Date());
          store.writeAll([[D.keys.reviews, addReview(reviews, qid, r, D.maxReviews)], [D.keys.schedule, { version: sched.version, cards: { ...sched.cards, [qid]: card } }]]);
          form.hidden = true;
          keepFocus(reviewBtn);
          say(reviewMsgs, `Review saved: ${score(r)} points. Next review of this ${words.item}: ${longDay(dayOf(new Date(card.due)))}.`);
          document.dispatchEvent(new CustomEvent("guide:coach-saved"));
        } catch (err) {
          say(reviewMsgs, `Not saved: ${storageProblem(err)}. ${store.unchanged(err, "your earlier reviews")}`, 1);
        }
      };
      form.querySelector("input").focus();
    }
    reviewBtn.onclick = () => {
      if (recorder && recorder.state === "recording") recorder.stop();
      review();
    };

    let watch = null;
    if (follow) {
      watch = new MutationObserver(() => {
        if (follow.dataset.question === qid) return;
        // The answer being recorded was for the question that left: stop it and drop it (its stop
        // handler sees the question changed). The new question starts with a clean panel.
        clearInterval(timer);
        const dropped = recorder && recorder.state === "recording";
        const unkept = !dropped && pending !== null; // recorded and stopped, but Keep not pressed
        const said = talk.textContent; // a second Next or Skip must not erase what the first one said
        if (dropped) recorder.stop();
        recorder = null;
        qid = follow.dataset.question;
        load();
        if (dropped) say(talk, "The question changed while recording, so that recording was not kept. Press Stop, then Keep, before Next question to keep one.");
        else if (unkept) say(talk, "The recording you had not kept was for the previous question, so it was not kept. Press Keep before Next question to keep one.");
        else if (/not kept/.test(said)) say(talk, said);
      });
      watch.observe(follow, { attributes: true, attributeFilter: ["data-question"] });
    }
    // A problem solved in the runner enters the spaced review (enrolSolved): now, and whenever the
    // runner on this page reports a solve while the coach is open.
    const enrol = () => {
      if (!coding || !window.FSRS) return;
      try {
        enrolCards(D, window.FSRS);
      } catch (e) {
        say(reviewMsgs, `Your solved problems could not be scheduled: ${storageProblem(e)}.`, 1);
      }
    };
    document.addEventListener("guide:code-solved", enrol);
    enrol();
    load();
    if (!follow) rec.focus();
    return {
      stop() {
        close();
        document.removeEventListener("guide:code-solved", enrol);
        if (watch) watch.disconnect();
        panel.remove();
        if (opener) opener.hidden = false;
      },
    };
  }

  // The spaced review's scheduler (ts-fsrs, served from vendor/ beside this file), for a page that
  // does not list it: the readiness page rates nothing and needs it only to make the cards of newly
  // solved problems, so it does not load it otherwise. One load at a time; a failed one is tried
  // again on the next call.
  const scriptBase = document.currentScript ? document.currentScript.src : location.href;
  let loadingScheduler = null;
  const withScheduler = () =>
    loadingScheduler ||
    (loadingScheduler = window.FSRS ? Promise.resolve(window.FSRS) : new Promise((ok, fail) => {
      const tag = el("script");
      tag.src = new URL("vendor/ts-fsrs/index.umd.js", scriptBase).href;
      const failed = (why) => {
        tag.remove();
        loadingScheduler = null;
        fail(new Error(why));
      };
      // A reply that is not the script (a captive portal's page) runs without defining FSRS.
      tag.onload = () => (window.FSRS ? ok(window.FSRS) : failed("ts-fsrs loaded without FSRS"));
      tag.onerror = () => failed("ts-fsrs could not be loaded");
      document.head.append(tag);
    }));

  // Cards for the problems solved in the code runner that have none yet, written to the schedule.
  // The runner keeps when each problem was solved (its store, in the backup too), and the card is
  // made as of that moment: whichever coach runs first with ts-fsrs makes the same card.
  function enrolCards(D, lib) {
    const sched = store.read(D.keys.schedule, { version: D.scheduleVersion, cards: {} });
    const code = store.read(D.keys.code, { version: D.codeVersion, problems: {} });
    const { cards, added } = enrolSolved(lib, sched.cards, code, D.problems, D.coding.prefix);
    if (added.length) store.writeAll([[D.keys.schedule, { version: sched.version, cards }]]);
    return added;
  }

  // --------------------------------------------------------------- readiness
  // The code runner's store; text that is not JSON holds no code to back up.
  function readCode(D) {
    const raw = localStorage.getItem(D.keys.code); // throws when storage is blocked
    try {
      return raw === null ? null : JSON.parse(raw);
    } catch {
      return null;
    }
  }
  function readAll(D) {
    return {
      stories: store.read(D.keys.stories, { version: D.storiesVersion, stories: [] }).stories,
      reviews: store.read(D.keys.reviews, { version: D.reviewsVersion, reviews: {} }).reviews,
      cards: store.read(D.keys.schedule, { version: D.scheduleVersion, cards: {} }).cards,
      plan: store.read(D.keys.plan, null),
      code: readCode(D),
    };
  }
  function summary(D, s = readAll(D)) {
    const questions = Object.entries(D.questions).map(([id, q]) => ({ id, p: q.p }));
    const principles = D.order.map((id) => ({ id, name: D.principles[id].name }));
    return readiness({ principles, questions, target: D.storiesTarget, stories: s.stories, reviews: s.reviews, cards: s.cards, today: today() });
  }
  function codingSummary(D, s = readAll(D)) {
    return codingReadiness({ patterns: D.coding.patterns, problems: D.problems, prefix: D.coding.prefix, reviews: s.reviews, cards: s.cards, code: isObject(s.code) ? s.code : { problems: {} }, today: today() });
  }

  function startSummary(root) {
    const D = data();
    const out = root.querySelector(".guide-readiness__summary");
    try {
      const { rows, next } = summary(D);
      const covered = rows.filter((r) => r.stories >= D.storiesTarget).length;
      const practiced = rows.reduce((n, r) => n + r.practiced, 0);
      const dueN = rows.reduce((n, r) => n + r.due, 0);
      const coded = codingSummary(D).rows;
      const solved = coded.reduce((n, r) => n + r.solved, 0);
      const codingText = coded.length ? ` ${solved} of ${plural(coded.reduce((n, r) => n + r.problems, 0), "coding problem")} solved.` : "";
      out.textContent = `${covered} of ${rows.length} principles have at least ${plural(D.storiesTarget, "story", "stories")}; ${plural(practiced, "question")} practiced out loud; ${plural(dueN, "review")} due today.` + codingText + (next.length ? ` Next: ${next[0].text}.` : "");
    } catch (e) {
      out.textContent = "Your progress cannot be read: " + storageProblem(e) + ".";
    }
  }

  function startReadiness(root) {
    const D = data();
    const $ = (id) => document.getElementById("guide-readiness-" + id);
    let stopped = false;
    // A cell is written only when its text changes: the page as built already shows an empty
    // browser's figures, so a first visit lays the page out once.
    const put = (cell, text) => cell.textContent !== text && (cell.textContent = text);
    // The list as built ("Nothing stored yet: …"), kept while nothing is stored: a first visit then
    // changes nothing on the page, and after a delete-all the list says so again.
    const built = [...$("next").children].map((li) => li.cloneNode(true));
    // Problems solved since the coach last ran enter the spaced review; the table is drawn again
    // once their cards are written. A failure is said once and tried again for a new solve (every
    // write of the code runner in another tab redraws this page), or on the next visit.
    let enrolling = false;
    let failedFor = null; // the problems a failed attempt was for, while its message shows
    function enrol(keys) {
      const failure = (text) => {
        say($("msgs"), text, 1);
        failedFor = keys;
      };
      enrolling = true;
      withScheduler().then(
        (lib) => {
          enrolling = false;
          if (stopped) return;
          try {
            const added = enrolCards(D, lib).length;
            if (failedFor !== null) say($("msgs"), "");
            failedFor = null;
            if (added) render();
          } catch (e) {
            failure(`Your solved problems could not be scheduled: ${storageProblem(e)}.`);
          }
        },
        () => {
          enrolling = false;
          if (!stopped) failure("The problems you solved could not enter your spaced review: its scheduler did not load. Reload the page to try again.");
        },
      );
    }
    function render() {
      let r, c, pending;
      try {
        const s = readAll(D);
        pending = toEnrol(s.cards, isObject(s.code) ? s.code : {}, D.problems || {}, D.coding.prefix).join(" ");
        r = summary(D, s);
        c = codingSummary(D, s);
      } catch (e) {
        return say($("msgs"), `Your progress cannot be read: ${storageProblem(e)}.`, 1);
      }
      if (failedFor !== null && !pending) {
        say($("msgs"), ""); // another tab made the cards
        failedFor = null;
      }
      if (pending && pending !== failedFor && !enrolling) enrol(pending);
      for (const tr of $("table").tBodies[0].rows) {
        const row = r.rows.find((x) => x.id === tr.dataset.principle);
        put(tr.cells[1], `${row.stories} of ${D.storiesTarget}`);
        put(tr.cells[2], `${row.practiced} of ${row.questions}`);
        put(tr.cells[3], row.latest ? `${score(row.latest)}, ${shortDay(row.latest.date)}` : "None yet");
        put(tr.cells[4], String(row.due));
        tr.classList.toggle("is-gap", row.stories < D.storiesTarget);
      }
      for (const tr of $("coding").tBodies[0].rows) {
        const row = c.rows.find((x) => x.id === tr.dataset.pattern);
        if (!row) continue;
        put(tr.cells[1], String(row.problems));
        put(tr.cells[2], `${row.reviewed} of ${row.problems}`);
        put(tr.cells[3], `${row.solved} of ${row.problems}`);
        put(tr.cells[4], String(row.due));
        tr.classList.toggle("is-gap", !row.solved);
      }
      // Each item links to where to practice it: the planner, the drill, the principle's questions
      // or the pattern's problems. The principles' gaps first; one coding item among the first three.
      const where = (n) => (n.to === "questions" ? document.querySelector(`a[data-practice="${n.p}"]`) : n.to === "coding" ? document.querySelector(`a[data-pattern="${n.pattern}"]`) : $(n.to));
      const items = r.next.slice(0, c.next.length ? 2 : 3).concat(c.next.slice(0, 1), r.next.slice(2), c.next.slice(1)).slice(0, 3);
      const empty = r.rows.every((x) => !x.stories && !x.practiced && !x.due) && c.rows.every((x) => !x.reviewed && !x.solved && !x.due);
      const lis = empty ? built.map((li) => li.cloneNode(true)) : items.map((n) => {
        const link = where(n);
        const li = el("li", "", link ? null : n.text);
        if (link) li.append(Object.assign(el("a", "", n.text), { href: link.href }));
        return li;
      });
      if (!empty && !items.length) lis.push(el("li", "", "Every principle has its stories and practice: keep your due reviews going."));
      const list = $("next");
      if (lis.length !== list.children.length || lis.some((li, i) => !li.isEqualNode(list.children[i]))) list.replaceChildren(...lis);
    }

    // One backup: export.
    $("export").onclick = async () => {
      let parts;
      let left = 0;
      try {
        const s = readAll(D);
        const code = exportableCode(s.code, D.backup.code, new Set(Object.keys(D.problems || {})));
        left = code.left;
        parts = { stories: s.stories, reviews: { version: D.reviewsVersion, reviews: s.reviews }, schedule: { version: D.scheduleVersion, cards: s.cards }, plan: s.plan, code: code.code };
        if ($("with-audio").checked) parts.recordings = await Promise.all((await db.all()).map(async (x) => ({ q: x.q, type: x.type, seconds: x.seconds, date: x.date, audio: await base64(x.blob) })));
      } catch (e) {
        return say($("file-msgs"), `Nothing exported: ${storageProblem(e)}.`, 1);
      }
      const text = JSON.stringify(makeBackup(parts, D.backup, new Date().toISOString()), null, 2) + "\n";
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      a.download = `interview-guide-backup-${today()}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      say($("file-msgs"), `Backup exported: ${plural(parts.stories.length, "story", "stories")}, ${plural(Object.keys(parts.reviews.reviews).length, "question")} reviewed, code for ${plural(Object.keys(parts.code.problems).length, "coding problem")}` + (parts.recordings ? `, ${plural(parts.recordings.length, "recording")}` : "") +
        (left ? `. Left out: the stored code of ${plural(left, "problem")} this version of the guide cannot read back (a problem it no longer has, or a damaged entry); it stays in this browser.` : "."));
    };

    // One backup: import, all or nothing.
    $("import").addEventListener("change", async (e) => {
      const file = e.target.files[0];
      e.target.value = "";
      if (!file) return;
      const fail = (why) => say($("file-msgs"), `Nothing was imported. ${why}`, 1);
      if (file.size > D.backup.maxBytes) return fail(`The file is larger than ${D.backup.maxBytes / 1048576} MB.`);
      let d;
      let text;
      try {
        text = utf8(await file.arrayBuffer());
      } catch {
        return fail("The file is not UTF-8 text, as the guide writes its backups.");
      }
      try {
        d = JSON.parse(text);
      } catch {
        return fail("The file is not valid JSON.");
      }
      const known = { principles: new Set(D.order), questions: new Set(Object.keys(D.questions)), problems: new Set(Object.keys(D.problems || {})) };
      const { problem, parts } = readBackup(d, D.backup, known);
      if (problem) return fail(problem);
      // The question names exactly what is replaced: a backup without recordings leaves those here.
      const what = `${plural(parts.stories.length, "story", "stories")}` + (parts.reviews ? `, ${plural(Object.keys(parts.reviews.reviews).length, "question")} reviewed, the review schedule and the study plan` : "") +
        (!parts.code ? "" : Object.keys(parts.code.problems).length ? `, code for ${plural(Object.keys(parts.code.problems).length, "coding problem")}` : ", and no code (code stored here for the coding problems is removed)");
      const ask = !parts.reviews ? `Replace the STAR stories in this browser with those in the file (${what})?`
        : parts.recordings ? `Replace everything the practice tools keep in this browser with the backup (${what}, ${plural(parts.recordings.length, "recording")})?`
        : `Replace the stories, self-reviews, review schedule and study plan in this browser with the backup's (${what})? It holds no recordings: those in this browser stay as they are.`;
      const keepsCode = parts.reviews && !parts.code ? " It holds no code (an older backup): the code you wrote in this browser stays as it is." : "";
      if (!confirm(ask + keepsCode)) return say($("file-msgs"), "Import canceled; nothing changed.");
      const pairs = [[D.keys.stories, { version: D.storiesVersion, stories: parts.stories }]];
      if (parts.reviews) pairs.push([D.keys.reviews, parts.reviews], [D.keys.schedule, parts.schedule], [D.keys.plan, parts.plan]);
      // A backup's empty code store removes the key, as on a device that never stored any.
      if (parts.code) pairs.push([D.keys.code, Object.keys(parts.code.problems).length ? parts.code : null]);
      let blobs = null;
      if (parts.recordings) blobs = parts.recordings.map((x) => ({ q: x.q, type: x.type, seconds: x.seconds, date: x.date, blob: new Blob([Uint8Array.from(atob(x.audio), (c) => c.charCodeAt(0))], { type: x.type }) }));
      let before;
      try {
        before = pairs.map(([k]) => [k, localStorage.getItem(k)]);
        store.writeAll(pairs);
      } catch (err) {
        // When a value could not be put back, part of the file did land: "Nothing was imported" would be false.
        if (err && err.notRestored) return say($("file-msgs"), `The import stopped partway: ${storageProblem(err)}, and part of what was saved before could not be put back, so this browser now holds a mix of the file and your earlier data. Import the file again once there is room, or export a backup now to keep what is here.`, 1);
        return fail(`${cap(storageProblem(err))}. ${store.unchanged(err, "what was saved before")}`);
      }
      if (blobs) {
        try {
          await db.replaceAll(blobs); // one transaction: on failure the recordings are as they were
        } catch (err) {
          try {
            store.put(before); // and the text as it was
          } catch {
            say($("file-msgs"), `The recordings could not be written (${storageProblem(err)}), so the import stopped; your earlier recordings are unchanged, but part of your earlier text could not be put back. Export a backup now.`, 1);
            return render();
          }
          return fail(`The recordings could not be written: ${storageProblem(err)}. What was saved before is unchanged.`);
        }
      }
      say($("file-msgs"), parts.reviews ? `Backup imported: ${plural(parts.stories.length, "story", "stories")}, ${plural(Object.keys(parts.reviews.reviews).length, "question")} reviewed` + (parts.code ? `, code for ${plural(Object.keys(parts.code.problems).length, "coding problem")}` : "") + (blobs ? `, ${plural(blobs.length, "recording")}.` : "; the recordings in this browser are unchanged.") : `Imported ${plural(parts.stories.length, "story", "stories")} from a STAR planner file.`);
      render();
    });

    // One delete. Material keeps its settings under keys named after the site's root path (__md_scope).
    const scope = typeof __md_scope !== "undefined" ? __md_scope.pathname : new URL(".", location.href).pathname;
    $("delete-all").onclick = async () => {
      if (!confirm("Delete everything the practice tools keep on this device: stories, self-reviews, the review schedule, the study plan, the code you wrote for the coding problems and every recording? This cannot be undone: export a backup first to keep a copy."))
        return say($("delete-msgs"), "Nothing was deleted.");
      try {
        for (const k of Object.values(D.keys)) localStorage.removeItem(k);
        // Every other key of this site too, Material's own (the palette) among them: Material names
        // them after the site's root path; ours start with "interview-guide:".
        const mine = (k) => k.startsWith("interview-guide:") || k.startsWith(scope + ".");
        for (const s of [localStorage, sessionStorage]) for (const k of Object.keys(s)) if (mine(k)) s.removeItem(k);
      } catch (e) {
        return say($("delete-msgs"), `Not deleted: ${storageProblem(e)}.`, 1);
      }
      try {
        await new Promise((ok, fail) => {
          const req = indexedDB.deleteDatabase(D.db.name);
          req.onsuccess = ok;
          req.onerror = () => fail(req.error);
          req.onblocked = ok; // finishes once other tabs close it
        });
      } catch (e) {
        return say($("delete-msgs"), "The text data is deleted, but the recordings could not be: " + storageProblem(e) + ".", 1);
      }
      say($("delete-msgs"), "Everything is deleted. Nothing of the practice tools is left in this browser.");
      render();
    };
    const refresh = (e) => (e.key === null || Object.values(D.keys).includes(e.key)) && render();
    addEventListener("storage", refresh);
    render();
    root.querySelector(".guide-tool__ui").disabled = false;
    return {
      stop() {
        stopped = true;
        removeEventListener("storage", refresh);
      },
    };
  }
  const utf8 = (buf) => new TextDecoder("utf-8", { fatal: true }).decode(buf);
  const base64 = (blob) =>
    blob.arrayBuffer().then((buf) => {
      let s = "";
      const bytes = new Uint8Array(buf);
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    });

  // --------------------------------------------------------------- study plan
  function startPlan(root, cfg) {
    const D = data();
    const $ = (id) => document.getElementById("guide-plan-" + id);
    const input = $("date");
    let days = [];
    function show(date, remember) {
      const t = today();
      const n = date ? daysBetween(t, date) : 0;
      if (!date || n < 1 || n > cfg.maxDays) {
        $("list").replaceChildren(el("li", "", "Choose your interview date to see the plan."));
        $("ics").disabled = true;
        days = [];
        return date ? say($("msgs"), `Pick a date from tomorrow to ${cfg.maxDays} days ahead.`, 1) : say($("msgs"), "");
      }
      days = plan({ today: t, interview: date, principles: D.order.map((id) => D.principles[id].name), ...cfg });
      $("list").replaceChildren(...days.map((d) => {
        const li = el("li");
        li.append(el("h3", "", `${longDay(d.day)}: ${d.title}`));
        const ul = el("ul");
        ul.append(...d.tasks.map((x) => el("li", "", x)));
        li.append(ul);
        return li;
      }));
      $("ics").disabled = false;
      let note = `${plural(n, "day")} to go: ${plural(days.length, "calendar entry", "calendar entries")}.`;
      if (remember) {
        try {
          store.writeAll([[D.keys.plan, { version: D.planVersion, interview: date }]]);
        } catch (e) {
          note += ` Not saved: ${storageProblem(e)}; the plan lasts until you leave the page.`;
          return say($("msgs"), note, 1);
        }
      }
      say($("msgs"), note);
    }
    input.min = addDays(today(), 1);
    input.onchange = () => show(ISO_DAY.test(input.value) ? input.value : null, true);
    $("ics").onclick = () => {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([ics(days, { stamp: new Date() })], { type: "text/calendar" }));
      a.download = "amazon-interview-study-plan.ics";
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    };
    try {
      const saved = store.read(D.keys.plan, null);
      if (saved && !checkPlan(saved, { version: D.planVersion })) {
        input.value = saved.interview;
        show(saved.interview, false);
      }
    } catch (e) {
      say($("msgs"), `Your saved date cannot be read: ${storageProblem(e)}.`, 1);
    }
    root.querySelector(".guide-tool__ui").disabled = false;
  }

  // Material's instant navigation runs a page's scripts as they arrive, so this file can run before
  // the coach's data (generated/coach-data.js) has: a tool then waits for it, a frame at a time.
  const whenData = (start) => (root, opts) => {
    if (data()) return start(root, opts);
    let inner = null;
    let stopped = false;
    let frames = 0;
    const wait = () => {
      if (stopped) return;
      if (data()) inner = start(root, opts) || null;
      else if (++frames < 600) requestAnimationFrame(wait);
    };
    requestAnimationFrame(wait);
    return {
      stop() {
        stopped = true;
        if (inner && inner.stop) inner.stop();
      },
      url(u) {
        if (inner && inner.url) inner.url(u);
      },
    };
  };
  const tools = window.guideTools = window.guideTools || [];
  tools.push({ name: "coach", start: whenData(startCoach) });
  tools.push({ name: "readiness", start: whenData(startReadiness) });
  tools.push({ name: "readiness-summary", start: whenData(startSummary) });
  tools.push({ name: "study-plan", start: whenData(startPlan) });
})();
