/* Home page: the candidate's progress, from the STAR planner's stories in this browser.
 *
 * Reads the planner's localStorage entry (key and format version in the panel's
 * data-guide-data, from macros/home.py) and never writes it. The panel and every count
 * are in the page's HTML from the first paint; this only fills them, so nothing moves.
 * Start-up: the home page lists this file in its front matter, and site.js starts it as
 * the tool "home-progress" (CONTRIBUTING.md, "A tool's script").
 * storyCoverage and statusText are pure, and tests/js/home.test.js runs them in Node.
 */
(() => {
  "use strict";

  /** Stories per principle from the planner's stored text (null: nothing stored). */
  function storyCoverage(raw, version, ids) {
    const counts = Object.fromEntries(ids.map((id) => [id, 0]));
    const result = { ok: true, stories: 0, counts, covered: 0, missing: ids.slice() };
    if (raw === null) return result;
    let data = null;
    try { data = JSON.parse(raw); } catch { /* reported below */ }
    if (!data || typeof data !== "object" || data.version !== version || !Array.isArray(data.stories)) {
      result.ok = false;
      return result;
    }
    for (const story of data.stories) {
      const principles = story && Array.isArray(story.principles) ? story.principles : [];
      for (const p of new Set(principles)) if (Object.hasOwn(counts, p)) counts[p] += 1;
    }
    result.stories = data.stories.length;
    result.missing = ids.filter((id) => counts[id] === 0);
    result.covered = ids.length - result.missing.length;
    return result;
  }

  /** The status line for a coverage; null keeps the page's own invitation. */
  function statusText(cov, names) {
    if (!cov.ok) return "The stories saved in this browser could not be read. Open the planner to check them.";
    if (!cov.stories) return null;
    const total = cov.covered + cov.missing.length;
    const text = (cov.stories === 1 ? "1 story covers " : `${cov.stories} stories cover `) +
      (cov.missing.length ? `${cov.covered} of ${total} principles.` : `all ${total} principles.`);
    return cov.missing.length ? `${text} Next: a story for ${names[cov.missing[0]]}.` : text;
  }

  function fill(root, data) {
    const items = [...root.querySelectorAll("[data-principle]")];
    const ids = items.map((li) => li.dataset.principle);
    const names = Object.fromEntries(items.map((li) => [li.dataset.principle, li.querySelector("a").textContent]));
    const status = root.querySelector("[data-status]");
    let raw;
    try {
      raw = localStorage.getItem(data.key);
    } catch {
      status.textContent = "This browser does not let the guide read its storage, so your progress cannot be shown here.";
      return;
    }
    const cov = storyCoverage(raw, data.version, ids);
    const text = statusText(cov, names);
    if (text !== null) status.textContent = text;
    for (const li of items) {
      li.querySelector("[data-count]").textContent = String(cov.counts[li.dataset.principle]);
      li.classList.toggle("is-covered", cov.counts[li.dataset.principle] > 0);
    }
  }

  function start(root, data) {
    fill(root, data);
    // Stories saved in the planner in another tab show here at once.
    const onStorage = (e) => {
      if (e.key === null || e.key === data.key) fill(root, data);
    };
    addEventListener("storage", onStorage);
    return { stop: () => removeEventListener("storage", onStorage) };
  }

  if (typeof module === "object" && module.exports) module.exports = { storyCoverage, statusText };
  else (window.guideTools = window.guideTools || []).push({ name: "home-progress", start });
})();
