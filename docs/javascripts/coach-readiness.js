// The readiness page (docs/practice/readiness.md, tool "readiness"): per principle and per coding
// pattern, what this browser has stored, and what to practice next; with the one backup and the one
// delete (coach-transfer.js). A problem solved in the code runner enters the spaced review here too:
// the scheduler (ts-fsrs) loads only for that.
(() => {
  "use strict";
  function startReadiness(root) {
    const { isObject, toEnrol, score, shortDay } = window.guideCoachCore;
    const { el } = window.guideKit;
    const { data, storageProblem, say, withScheduler, enrolCards, readAll, summary, codingSummary } = window.guideCoachStore;
    const transfer = window.guideCoachTransfer;
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

    transfer($, D, render);
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

  const needs = ["guideCoachData", "guideKit", "guideCoachCore", "guideCoachStore", "guideCoachBackup", "guideCoachTransfer"];
  (window.guideTools = window.guideTools || []).push({ name: "readiness", needs, start: startReadiness });
})();
