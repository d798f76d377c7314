// Timed drill (docs/practice/drill.md): random questions against a countdown.
// Only the drill's page loads this file (its front matter), and Material's instant navigation
// runs it again on every visit to that page: it subscribes once, and sets up each copy of the page once.
(() => {
  if (window.guideDrill) return;
  window.guideDrill = true;
  let timer;
  let current = null;
  function init() {
    const root = document.getElementById("guide-drill");
    if (root === current) return;
    clearInterval(timer); // leaving the page stops its clock
    current = root;
    if (!root) return;
    const $ = (id) => document.getElementById("guide-drill-" + id);
    // The first script in the tool holds its data (Material drops the script's id on instant navigation).
    const [data] = JSON.parse(root.querySelector("script").textContent);
    const names = Object.fromEntries(data.principles.map((p) => [p.id, p.name]));
    const boxes = [...root.querySelectorAll("input[type=checkbox]")];
    const [minutes, clock, status, card, toggle] = ["minutes", "clock", "status", "card", "toggle"].map($);
    let q, left, end, said, state, started, answered = 0, skipped = 0;
    const seen = new Set();
    const fmt = (s) => Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const say = (text) => (status.textContent = text);
    const ticked = () => boxes.filter((b) => b.checked).map((b) => b.value);
    const pool = () => {
      const on = ticked();
      return data.questions.filter((x) => !on.length || on.includes(x.p));
    };

    function draw() {
      const all = pool();
      let fresh = all.filter((x) => !seen.has(x) && x !== q);
      if (!fresh.length) {
        seen.clear();
        fresh = all.length > 1 ? all.filter((x) => x !== q) : all;
      }
      q = fresh[Math.floor(Math.random() * fresh.length)];
      seen.add(q);
      card.dataset.principle = q.p;
      $("principle").textContent = names[q.p];
      $("question").textContent = q.text;
      $("probes").replaceChildren(...q.probes.map((t) => Object.assign(document.createElement("li"), { textContent: t })));
    }
    function show() {
      clock.textContent = fmt(left);
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
      // Announce each whole minute, 30 seconds and zero; never every second.
      const mark = s === 0 ? 0 : s <= 30 ? 30 : Math.ceil(s / 60) * 60;
      if (mark >= said) return;
      said = mark;
      if (s === 0) {
        clearInterval(timer);
        state = "up";
        toggle.textContent = "Start again";
        say("Time's up! Finish your sentence, then press Next question.");
      } else say(mark === 30 ? "30 seconds left: move on to your result." : plural(mark / 60, "minute") + " left.");
    }
    function run() {
      end = Date.now() + left * 1000;
      state = "run";
      started = true;
      toggle.textContent = "Pause";
      timer = setInterval(tick, 200);
    }
    function fresh(counted) {
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
        return say(`Paused with ${fmt(left)} left.`);
      }
      if (state === "up") reset();
      say(state === "paused" ? "Resumed." : `Clock started: ${plural(left / 60, "minute")}.`);
      run();
    };
    $("next").onclick = () => fresh(started);
    $("skip").onclick = () => fresh(false);
    minutes.onchange = () => {
      if (state === "idle" || state === "up") reset();
      else say("The new time applies from the next question.");
    };
    root.onchange = (e) => {
      if (e.target.type !== "checkbox") return;
      const on = ticked().length;
      $("pool").textContent = on ? `(${on} of ${boxes.length} ticked)` : `(all ${boxes.length})`;
      if (state === "idle" && !pool().includes(q)) draw();
    };
    root.querySelector(".guide-tool__ui").disabled = false;
    $("pool").textContent = `(all ${boxes.length})`;
    draw();
    reset();
  }

  // From file:// (the offline edition) Material completes document$ without emitting: start anyway.
  let seen = false;
  if (typeof document$ === "undefined") init();
  else document$.subscribe({ next: () => { seen = true; init(); }, complete: () => seen || init() });
})();
