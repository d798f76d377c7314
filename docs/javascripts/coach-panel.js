// The practice coach for one question (tool "coach"): in the drill, under its card, following the
// question it shows; on the question bank and principle pages, where site.js loads the coach's
// files on the first press of a question's Record button; on a worked coding problem's page, for
// the problem's talk-through, kept under "code:<problem id>" (coach data: coding.prefix). This file
// builds the panel and follows its question; coach-recorder.js records, coach-review.js reviews.
(() => {
  "use strict";
  function startCoach(root, opts) {
    const { clock } = window.guideCoachCore;
    const { el } = window.guideKit;
    const { button, data, storageProblem, db, say, msgs, enrolCards } = window.guideCoachStore;
    const D = data();
    const follow = opts && opts.follow ? document.getElementById(opts.follow) : null;
    const opener = root.querySelector(":scope > button"); // the button that loaded the coach, if any
    // On a worked coding problem's page (opts.problem) the coach takes the problem's talk-through,
    // kept under its coding key; everywhere else a question.
    const coding = !follow && !!opts.problem;
    const words = coding ? { rec: "Record talk-through", review: "Review my talk-through", audio: "Your recorded talk-through", what: "talk-through", item: "problem" }
      : { rec: "Record answer", review: "Review my answer", audio: "Your recorded answer", what: "answer", item: "question" };
    const c = {
      D, follow, coding, words, opened: Date.now(),
      qid: follow ? follow.dataset.question : opts.problem ? D.coding.prefix + opts.problem : opts.q,
      limit: coding ? D.coding.answerSeconds : D.answerSeconds,
      panel: el("div", "guide-coach__panel"),
      status: el("p", "guide-coach__clock"),
      talk: msgs(),
      rec: button(words.rec, "md-button md-button--primary"),
      stop: button("Stop"),
      audio: el("audio", "guide-coach__audio"),
      keep: button("Keep recording"),
      drop: button("Delete recording"),
      reviewBtn: button(words.review),
      form: el("form", "guide-coach__review"),
      reviewMsgs: msgs(),
    };
    const { panel, status, talk, rec, audio, form, reviewMsgs } = c;

    // The panel's title is a heading one level below the last heading before the coach.
    const above = [...(root.closest("article") || document).querySelectorAll("h1, h2, h3, h4, h5")].filter((h) => h.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING || root.contains(h)).pop();
    const heading = el(`h${Math.min(6, above ? +above.tagName[1] + 1 : 2)}`, "guide-coach__title");
    status.setAttribute("role", "timer");
    audio.controls = true;
    audio.setAttribute("aria-label", words.audio);
    audio.hidden = true;
    const row1 = el("div", "guide-tool__buttons");
    row1.append(rec, c.stop, c.reviewBtn);
    const row2 = el("div", "guide-tool__buttons");
    row2.append(c.keep, c.drop);
    form.hidden = true;
    panel.append(heading, status, row1, talk, audio, row2, form, reviewMsgs);
    if (opener) opener.hidden = true;
    // Inside a question of the question bank the button sits in a paragraph: the panel goes after it.
    if (root.tagName === "SPAN") root.closest("p").after(panel);
    else root.append(panel);

    // When the control that had the focus is hidden, the focus goes to `next`, not back to the page.
    c.keepFocus = (next) => {
      const a = document.activeElement;
      if (!a || a === document.body || (panel.contains(a) && !a.checkVisibility())) next.focus();
    };
    window.guideCoachRecorder(c);
    window.guideCoachReview(c);

    async function load() {
      const q = D.questions[c.qid];
      heading.textContent = coding ? `Talk it through: ${D.coding.titles[opts.problem] || opts.problem}` : q ? `${D.principles[q.p].name}: ${q.text}` : "";
      form.hidden = true;
      c.pending = null;
      c.taken = null;
      c.opened = Date.now();
      say(reviewMsgs, "");
      say(talk, "");
      status.textContent = `Up to ${clock(c.limit)} for your ${words.what}.`;
      c.showAudio(null);
      c.buttons("none");
      try {
        const saved = await db.get(c.qid);
        if (saved && saved.q === c.qid) {
          c.showAudio(saved.blob);
          c.buttons("kept");
          say(talk, `Your recording from ${saved.date}, ${clock(saved.seconds)} long, is kept on this device.`);
        }
      } catch {
        say(talk, "Recordings cannot be kept in this browser (its storage is blocked); you can still record and listen.", 1);
      }
    }

    let watch = null;
    if (follow) {
      watch = new MutationObserver(() => {
        if (follow.dataset.question === c.qid) return;
        // The answer being recorded was for the question that left: stop it and drop it (its stop
        // handler sees the question changed). The new question starts with a clean panel.
        clearInterval(c.timer);
        const dropped = c.recorder && c.recorder.state === "recording";
        const unkept = !dropped && c.pending !== null; // recorded and stopped, but Keep not pressed
        const said = talk.textContent; // a second Next or Skip must not erase what the first one said
        if (dropped) c.recorder.stop();
        c.recorder = null;
        c.qid = follow.dataset.question;
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
        c.close();
        document.removeEventListener("guide:code-solved", enrol);
        if (watch) watch.disconnect();
        panel.remove();
        if (opener) opener.hidden = false;
      },
    };
  }

  // FSRS: ts-fsrs, which rates every review (coach-review.js).
  const needs = ["guideCoachData", "FSRS", "guideKit", "guideCoachCore", "guideCoachStore", "guideCoachRecorder", "guideCoachReview"];
  (window.guideTools = window.guideTools || []).push({ name: "coach", needs, start: startCoach });
})();
