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

  // 4-6 interviewers: at least one coding, system design and behavioral round, exactly one Bar Raiser.
  // Each gets 2-3 principles, preferring those usually probed in that round; none is used twice.
  function build(data, seed) {
    const r = rng(seed);
    const kinds = Object.fromEntries(data.kinds.map((k) => [k.id, k]));
    const n = 4 + Math.floor(r() * 3);
    const ks = ["coding", "system-design", "behavioral", "bar-raiser"];
    if (n > 4) ks.push(n > 5 || r() < 0.5 ? "coding" : "behavioral");
    if (n > 5) ks.push("behavioral");
    shuffle(ks, r);
    let pool = shuffle(data.principles.slice(), r);
    return ks.map((k, i) => {
      let count = r() < 0.5 ? 3 : 2;
      if (pool.length - count < 2 * (ks.length - i - 1)) count = 2;
      const fits = (p) => p.rounds.includes(k);
      const take = pool.filter(fits).concat(pool.filter((p) => !fits(p))).slice(0, count);
      pool = pool.filter((p) => !take.includes(p));
      return {
        kind: kinds[k],
        items: take.map((p) => {
          const qs = data.questions.filter((x) => x.p === p.id);
          return { p, q: qs[Math.floor(r() * qs.length)] };
        }),
      };
    });
  }

  function start(root, data) {
    const $ = (id) => document.getElementById("guide-loop-" + id);
    const el = (tag, props) => Object.assign(document.createElement(tag), props);
    const say = (text) => ($("status").textContent = text);
    const fresh = () => crypto.getRandomValues(new Uint32Array(1))[0].toString(36);
    let shown = null;

    function render(seed) {
      const list = $("list");
      const checks = $("checks");
      const loop = build(data, seed);
      let used = 0;
      list.replaceChildren();
      checks.replaceChildren();
      loop.forEach((iv, i) => {
        const card = el("li", { className: "guide-loop__card" });
        const items = el("ul");
        card.dataset.kind = iv.kind.id;
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
        card.append(
          el("h3", { textContent: `Interviewer ${i + 1}: ${iv.kind.name}` }),
          el("p", { className: "guide-loop__meta", textContent: `${iv.kind.duration}. ${iv.kind.format}.` }),
          el("p", { textContent: "Principles to probe:" }),
          items,
        );
        list.append(card);
      });
      $("summary").textContent = `${loop.length} interviews covering ${used} of the ${data.principles.length} principles, from seed ${seed}.`;
      $("link").value = location.href;
      shown = seed;
    }
    // Shows the loop of the seed in the address, giving the address a fresh seed when it has none.
    function follow() {
      const seed = seedOf(location.search);
      if (seed) return seed === shown || render(seed);
      use(fresh());
    }
    function use(seed) {
      const url = new URL(location.href);
      url.searchParams.set("seed", seed);
      history.replaceState(history.state, "", url);
      render(seed);
    }

    $("new").onclick = () => {
      use(fresh());
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

  if (typeof module === "object" && module.exports) module.exports = { rng, shuffle, seedOf, build };
  else (window.guideTools = window.guideTools || []).push({ name: "mock-loop", start });
})();
