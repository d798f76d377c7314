// Timed drill (docs/practice/drill.md): random questions against a countdown.
// Started by site.js for each copy of the page (CONTRIBUTING.md, "Browser scripts");
// the functions above start() are its pure logic, tested in tests/js/drill.test.js.
(() => {
  "use strict";
  const clock = (s) => Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  // The questions on the ticked principles; with none ticked, every question. With `due` (a list of
  // question ids, the spaced-review queue), only those of them that are due.
  const inPlay = (questions, ticked, due = null) =>
    questions.filter((q) => (!ticked.length || ticked.includes(q.p)) && (!due || due.includes(q.id)));

  // The ids of the questions whose next review (the coach's schedule, ts-fsrs cards keyed by question id)
  // falls on or before the calendar day of `now`.
  function dueBy(cards, now) {
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
    return Object.keys(cards).filter((id) => Date.parse(cards[id].due) < end);
  }

  // A deck that deals at random from whatever pool it is given: no question twice until the
  // pool has run out, and never the one on screen again when there is another.
  function deck(random = Math.random) {
    const dealt = new Set();
    return (pool, current) => {
      let fresh = pool.filter((q) => !dealt.has(q) && q !== current);
      if (!fresh.length) {
        dealt.clear();
        fresh = pool.length > 1 ? pool.filter((q) => q !== current) : pool;
      }
      const q = fresh[Math.floor(random() * fresh.length)];
      dealt.add(q);
      return q;
    };
  }

  // What to announce with `left` seconds on the clock, when `said` is the last mark announced:
  // each whole minute, 30 seconds and zero, never every second. null when nothing is due.
  function cue(left, said) {
    const mark = left === 0 ? 0 : left <= 30 ? 30 : Math.ceil(left / 60) * 60;
    if (mark >= said) return null;
    const text = mark === 0 ? "Time's up! Finish your sentence, then press Next question."
      : mark === 30 ? "30 seconds left: move on to your result."
      : plural(mark / 60, "minute") + " left.";
    return { mark, text };
  }

  function start(root, data) {
    const $ = (id) => document.getElementById("guide-drill-" + id);
    const names = Object.fromEntries(data.principles.map((p) => [p.id, p.name]));
    const boxes = [...root.querySelectorAll("input[name=guide-drill-principle]")];
    const [minutes, display, status, card, toggle] = ["minutes", "clock", "status", "card", "toggle"].map($);
    const deal = deck();
    let q, left, end, said, state, started, timer, answered = 0, skipped = 0;
    const say = (text) => (status.textContent = text);
    const ticked = () => boxes.filter((b) => b.checked).map((b) => b.value);
    // While the due queue is on, the ids of the questions due today; else null.
    let dueOnly = null;
    const pool = () => {
      const p = inPlay(data.questions, ticked(), dueOnly);
      return p.length ? p : inPlay(data.questions, ticked());
    };
    function readDue() {
      let cards = {};
      try {
        const d = JSON.parse(localStorage.getItem(data.scheduleKey));
        if (d && d.cards && typeof d.cards === "object") cards = d.cards;
      } catch {
        // The coach owns the schedule and says when it cannot be read; here nothing is due.
      }
      const ids = dueBy(cards, new Date()).filter((id) => data.questions.some((q) => q.id === id));
      const dueBox = $("due");
      dueBox.disabled = !ids.length && !dueBox.checked;
      $("due-count").textContent = `(${ids.length} due)`;
      if (dueBox.checked) dueOnly = ids;
      return ids;
    }

    function draw() {
      q = deal(pool(), q);
      card.dataset.principle = q.p;
      card.dataset.question = q.id;
      $("principle").textContent = names[q.p];
      $("question").textContent = q.text;
      $("probes").replaceChildren(...q.probes.map((t) => Object.assign(document.createElement("li"), { textContent: t })));
    }
    function show() {
      display.textContent = clock(left);
      card.classList.toggle("is-warning", left > 0 && left <= 30);
      card.classList.toggle("is-up", left === 0);
    }
    function reset() {
      clearInterval(timer);
      left = said = minutes.value * 60;
      state = "idle";
      started = false;
      toggle.textContent = "Start";
      show();
    }
    function tick() {
      const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      if (s === left) return;
      left = s;
      show();
      const due = cue(s, said);
      if (!due) return;
      said = due.mark;
      if (s === 0) {
        clearInterval(timer);
        state = "up";
        toggle.textContent = "Start again";
      }
      say(due.text);
    }
    function run() {
      end = Date.now() + left * 1000;
      state = "run";
      started = true;
      toggle.textContent = "Pause";
      timer = setInterval(tick, 200);
    }
    function next(counted) {
      if (counted) answered++;
      else skipped++;
      $("tally").textContent = `Answered ${answered}, skipped ${skipped}.`;
      draw();
      reset();
      run();
      say(`New question. ${plural(+minutes.value, "minute")} on the clock.`);
    }

    toggle.onclick = () => {
      if (state === "run") {
        clearInterval(timer);
        state = "paused";
        toggle.textContent = "Resume";
        return say(`Paused with ${clock(left)} left.`);
      }
      if (state === "up") reset();
      say(state === "paused" ? "Resumed." : `Clock started: ${plural(left / 60, "minute")}.`);
      run();
    };
    $("next").onclick = () => next(started);
    $("skip").onclick = () => next(false);
    minutes.onchange = () => {
      if (state === "idle" || state === "up") reset();
      else say("The new time applies from the next question.");
    };
    root.onchange = (e) => {
      if (e.target.type !== "checkbox") return;
      if (e.target === $("due")) {
        dueOnly = e.target.checked ? readDue() : null;
        if (state === "idle") draw();
        return say(e.target.checked ? `Drawing from the ${plural(dueOnly.length, "question")} due for review today.` : "Drawing from every question again.");
      }
      const on = ticked().length;
      $("pool").textContent = on ? `(${on} of ${boxes.length} ticked)` : `(all ${boxes.length})`;
      if (state === "idle" && !pool().includes(q)) draw();
    };
    const saved = () => readDue();
    document.addEventListener("guide:coach-saved", saved);
    root.querySelector(".guide-tool__ui").disabled = false;
    readDue();
    $("pool").textContent = `(all ${boxes.length})`;
    draw();
    reset();
    return {
      stop() {
        clearInterval(timer); // leaving the page stops its clock
        document.removeEventListener("guide:coach-saved", saved);
      },
    };
  }

  if (typeof module === "object" && module.exports) module.exports = { clock, plural, inPlay, dueBy, deck, cue };
  else (window.guideTools = window.guideTools || []).push({ name: "drill", start });
})();
