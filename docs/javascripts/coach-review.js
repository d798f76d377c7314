// The coach's self-review, for one question or coding problem (coach-panel.js calls review(c) with
// its panel): the checklist of what the answer did and the rating, saved together with the
// question's next review date from the spaced review (ts-fsrs, window.FSRS, listed before the coach).
(() => {
  "use strict";
  function review(c) {
    const { clock, dayOf, longDay, MAX_SECONDS, checklist, score, addReview, rate } = window.guideCoachCore;
    const { el } = window.guideKit;
    const { today, store, storageProblem, say } = window.guideCoachStore;
    const { D, form, reviewMsgs, reviewBtn, words, coding } = c;

    function show() {
      const items = coding ? D.coding.checklist : checklist(D.principles[D.questions[c.qid].p]);
      const secs = Math.min(MAX_SECONDS, c.taken !== null ? c.taken : Math.round((Date.now() - c.opened) / 1000));
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
          const card = rate(window.FSRS, sched.cards[c.qid] || null, r.rating, new Date());
          store.writeAll([[D.keys.reviews, addReview(reviews, c.qid, r, D.maxReviews)], [D.keys.schedule, { version: sched.version, cards: { ...sched.cards, [c.qid]: card } }]]);
          form.hidden = true;
          c.keepFocus(reviewBtn);
          say(reviewMsgs, `Review saved: ${score(r)} points. Next review of this ${words.item}: ${longDay(dayOf(new Date(card.due)))}.`);
          document.dispatchEvent(new CustomEvent("guide:coach-saved"));
        } catch (err) {
          say(reviewMsgs, `Not saved: ${storageProblem(err)}. ${store.unchanged(err, "your earlier reviews")}`, 1);
        }
      };
      form.querySelector("input").focus();
    }
    reviewBtn.onclick = () => {
      if (c.recorder && c.recorder.state === "recording") c.recorder.stop();
      show();
    };
  }

  window.guideCoachReview = review;
})();
