// Mock loop generator (docs/practice/mock-loop.md): a seeded, shareable on-site loop.
// Started by site.js for each copy of the page (CONTRIBUTING.md, "Browser scripts");
// the functions above start() are its pure logic, tested in tests/js/mock-loop.test.js.
(() => {
  "use strict";
  // FNV-1a hash of the seed, then mulberry32: the same seed always gives the same sequence.
  function rng(seed) {
    let a = 2166136261;
    for (const ch of seed) a = Math.imul(a ^ ch.codePointAt(0), 16777619);
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, r) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }

  // The seed in an address's query, cleaned; "" when there is none.
  const seedOf = (search) => (new URLSearchParams(search).get("seed") || "").trim().slice(0, 64);

  // The level in an address's query, when it is one of data.levels; else the data's default level.
  const levelOf = (search, data) => {
    const id = new URLSearchParams(search).get("level");
    return (data.levels || []).some((l) => l.id === id) ? id : data.level;
  };
  // The technical focuses a loop at `level` draws from, in its level's order (data.levels), repeats
  // included; every focus once without levels.
  function focusesFor(data, level) {
    const lv = (data.levels || []).find((l) => l.id === level);
    return lv ? lv.focuses.map((id) => data.focuses.find((f) => f.id === id)).filter(Boolean) : data.focuses;
  }

  // A whole number in [range.min, range.max].
  const between = (range, r) => range.min + Math.floor(r() * (range.max - range.min + 1));

  // The loop for `seed`, from the data macros/mock_loop.py's mock_loop_data writes:
  // n interviews in data.interviews; each has one technical focus, every focus at least once when
  // n allows, the rest at random; each asks principles_per_interview principles, never one that
  // another interview asks, with a sample question for each; exactly one interviewer is the Bar Raiser.
  // At `level` (data.levels), the focuses come from that level's list instead: what it repeats comes
  // more often. The seed and the level together give the loop; the default level's loop is the one
  // the seed gave before levels, so links made then still show their loop.
  function build(data, seed, level = data.level) {
    const r = rng(seed);
    const n = between(data.interviews, r);
    const mix = focusesFor(data, level);
    const focuses = shuffle(mix.slice(), r).slice(0, n);
    while (focuses.length < n) focuses.push(mix[Math.floor(r() * mix.length)]);
    shuffle(focuses, r);
    const barRaiser = Math.floor(r() * n);
    let pool = shuffle(data.principles.slice(), r);
    const least = data.principles_per_interview.min;
    return focuses.map((focus, i) => {
      // Leave enough principles for the interviews still to come to get their least each.
      const count = Math.min(between(data.principles_per_interview, r), pool.length - least * (n - i - 1));
      const take = pool.slice(0, count);
      pool = pool.slice(count);
      return {
        focus,
        minutes: data.minutes,
        barRaiser: i === barRaiser,
        items: take.map((p) => {
          const qs = data.questions.filter((x) => x.p === p.id);
          return { p, q: qs[Math.floor(r() * qs.length)] };
        }),
      };
    });
  }

  // The technical question each interview of `loop` hands the candidate: an actual problem from
  // data.tasks for its focus (a worked coding problem, a design walkthrough), none twice in a loop
  // while the focus has more, or null when the focus has none. Its own stream of the seed, so the
  // loop itself is the same as without tasks.
  function tasksFor(data, seed, loop) {
    const r = rng(seed + ":tasks");
    const pools = {};
    return loop.map((iv) => {
      const all = (data.tasks || {})[iv.focus.id] || [];
      if (!all.length) return null;
      if (!pools[iv.focus.id] || !pools[iv.focus.id].length) pools[iv.focus.id] = shuffle(all.slice(), r);
      return pools[iv.focus.id].pop();
    });
  }

  function start(root, data) {
    const $ = (id) => document.getElementById("guide-loop-" + id);
    const el = (tag, props) => Object.assign(document.createElement(tag), props);
    const say = (text) => ($("status").textContent = text);
    const fresh = () => crypto.getRandomValues(new Uint32Array(1))[0].toString(36);
    let shown = null;

    function render(seed, level) {
      const list = $("list");
      const checks = $("checks");
      const loop = build(data, seed, level);
      $("level").value = level;
      const tasks = tasksFor(data, seed, loop);
      let used = 0;
      list.replaceChildren();
      checks.replaceChildren();
      loop.forEach((iv, i) => {
        const card = el("li", { className: "guide-loop__card" });
        const items = el("ul");
        card.dataset.focus = iv.focus.id;
        if (iv.barRaiser) card.dataset.barRaiser = "";
        for (const { p, q } of iv.items) {
          used++;
          const item = el("li");
          item.dataset.principle = p.id;
          item.append(el("strong", { textContent: p.name }), el("span", { className: "guide-loop__q", textContent: `Sample question: ${q.text}.` }));
          items.append(item);
          const label = el("label");
          label.append(el("input", { type: "checkbox" }), ` ${p.name}, interviewer ${i + 1}`);
          const check = el("li");
          check.append(label);
          checks.append(check);
        }
        card.append(el("h3", { textContent: `Interviewer ${i + 1}: ${iv.focus.name}` + (iv.barRaiser ? ", the Bar Raiser" : "") }));
        card.append(el("p", { className: "guide-loop__meta", textContent: `${iv.minutes} minutes. ${iv.focus.summary}` }));
        if (tasks[i]) {
          const task = el("p", { className: "guide-loop__task", textContent: `Technical question, about ${data.technicalMinutes}: ` });
          task.append(el("a", { href: tasks[i].href, textContent: tasks[i].title }), ".");
          card.append(task);
        }
        card.append(el("p", { textContent: "Leadership Principles to ask about:" }), items);
        list.append(card);
      });
      const lv = (data.levels || []).find((l) => l.id === level);
      $("summary").textContent = `${loop.length} interviews of ${data.minutes} minutes` + (lv ? ` for ${lv.name}` : "") + `, covering ${used} of the ${data.principles.length} principles, from seed ${seed}.`;
      $("link").value = location.href;
      shown = seed + " " + level;
    }
    // Shows the loop of the seed and level in the address, giving the address a fresh seed when it has none.
    function follow() {
      const seed = seedOf(location.search);
      const level = levelOf(location.search, data);
      if (seed) return seed + " " + level === shown || render(seed, level);
      use(fresh(), level);
    }
    function use(seed, level) {
      const url = new URL(location.href);
      url.searchParams.set("seed", seed);
      if (level === data.level) url.searchParams.delete("level");
      else url.searchParams.set("level", level);
      history.replaceState(history.state, "", url);
      render(seed, level);
    }

    $("level").onchange = () => {
      use(seedOf(location.search) || fresh(), $("level").value);
      say(`The loop now follows the advice for ${$("level").selectedOptions[0].textContent}, with its own link.`);
    };
    $("new").onclick = () => {
      use(fresh(), levelOf(location.search, data));
      say("A new loop is ready, with its own link.");
    };
    $("copy").onclick = () => {
      const fallback = () => {
        $("link").select();
        say(document.execCommand("copy") ? "Link copied." : "Copy the selected link with Ctrl+C, or Cmd+C on a Mac.");
      };
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(() => say("Link copied."), fallback);
      else fallback();
    };
    root.querySelector(".guide-tool__ui").disabled = false;
    follow();
    return { url: follow };
  }

  if (typeof module === "object" && module.exports) module.exports = { rng, shuffle, seedOf, levelOf, focusesFor, between, build, tasksFor };
  else (window.guideTools = window.guideTools || []).push({ name: "mock-loop", start });
})();
