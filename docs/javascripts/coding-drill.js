// Coding drill (docs/practice/drill.md, "Coding problems"): a worked problem against the clock of
// the technical question. Started by site.js for each copy of the page (CONTRIBUTING.md, "Browser
// scripts"); the functions above start() are its pure logic, tested in tests/js/coding-drill.test.js.
(() => {
  "use strict";
  const clock = (s) => Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  // The toggle's words in each state: distinct from the answer drill's Start, Pause and Resume on the same page.
  const LABELS = { idle: "Time this problem", run: "Hold the clock", paused: "Continue the clock", up: "Time it again" };

  // A problem of `pattern` ("" for any), at random, never `current` again when there is another.
  function pick(problems, pattern, current, random = Math.random) {
    const pool = problems.filter((p) => !pattern || p.pattern === pattern);
    const fresh = pool.length > 1 ? pool.filter((p) => p !== current) : pool;
    return fresh.length ? fresh[Math.floor(random() * fresh.length)] : null;
  }

  // What to announce with `left` seconds on the clock: every five minutes, and at zero. null otherwise.
  function cue(left) {
    if (left === 0) return "Time's up: say the complexity, then press Next problem.";
    if (left % 300 === 0) return `${left / 60} minutes left.`;
    return null;
  }

  function start(root, data) {
    const $ = (id) => document.getElementById("guide-codedrill-" + id);
    const [select, toggle, status, display] = ["choose", "toggle", "status", "clock"].map($);
    let problem = data.problems.find((p) => p.id === $("title").dataset.problem) || data.problems[0];
    let left, end, timer, state;
    const say = (text) => (status.textContent = text);

    function show(p) {
      problem = p;
      $("pattern").textContent = p.patternName;
      $("title").textContent = p.title;
      $("title").href = p.href;
      $("title").dataset.problem = p.id;
      $("statement").textContent = p.statement;
      $("clarifying").replaceChildren(...p.clarifying.map((t) => Object.assign(document.createElement("li"), { textContent: t })));
    }
    function paint() {
      display.textContent = clock(left);
    }
    function reset() {
      clearInterval(timer);
      left = data.minutes * 60;
      state = "idle";
      toggle.textContent = LABELS.idle;
      paint();
    }
    function tick() {
      const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      if (s === left) return;
      left = s;
      paint();
      const text = cue(s);
      if (text) say(text);
      if (s === 0) {
        clearInterval(timer);
        state = "up";
        toggle.textContent = LABELS.up;
      }
    }
    toggle.onclick = () => {
      if (state === "run") {
        clearInterval(timer);
        state = "paused";
        toggle.textContent = LABELS.paused;
        return say(`Paused with ${clock(left)} left.`);
      }
      if (state === "up") reset();
      say(state === "paused" ? "Resumed." : `Clock started: ${data.minutes} minutes. Clarify first.`);
      end = Date.now() + left * 1000;
      state = "run";
      toggle.textContent = LABELS.run;
      timer = setInterval(tick, 200);
    };
    $("next").onclick = () => {
      const p = pick(data.problems, select.value, problem);
      if (!p) return say("No problem of that pattern.");
      show(p);
      reset();
      say(`New problem: ${p.title}. Press ${LABELS.idle} when you are ready.`);
    };
    select.onchange = () => {
      if (select.value && problem.pattern !== select.value) $("next").onclick();
    };
    root.querySelector(".guide-tool__ui").disabled = false;
    reset();
    return { stop: () => clearInterval(timer) };
  }

  if (typeof module === "object" && module.exports) module.exports = { clock, pick, cue };
  else (window.guideTools = window.guideTools || []).push({ name: "coding-drill", start });
})();
