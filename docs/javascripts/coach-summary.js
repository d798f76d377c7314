// The readiness summary (tool "readiness-summary"): the short progress block a page includes (the
// home page). site.js loads the coach's files for it only when something is stored (its LAZY table).
(() => {
  "use strict";
  function startSummary(root) {
    const { plural } = window.guideCoachCore;
    const { data, summary, codingSummary, storageProblem } = window.guideCoachStore;
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

  const needs = ["guideCoachData", "guideKit", "guideCoachCore", "guideCoachStore"];
  (window.guideTools = window.guideTools || []).push({ name: "readiness-summary", needs, start: startSummary });
})();
