// What every coach tool uses in the page (coach-core.js lists the coach's files): the coach's data,
// localStorage read and written whole, the recordings in IndexedDB, the messages, what the readiness
// views read, and the scheduler loaded on demand. Everything stays on this device; nothing is sent
// anywhere. Sets window.guideCoachStore; its functions read the other files' globals when called.
(() => {
  "use strict";
  const C = () => window.guideCoachCore;
  const el = (tag, cls, text) => window.guideKit.el(tag, cls, text);
  const button = (label, cls = "md-button") => Object.assign(el("button", cls, label), { type: "button" });
  const data = () => window.guideCoachData;
  const today = () => C().dayOf(new Date());

  // localStorage, read and written whole; every failure said, nothing half-written.
  const store = {
    read(key, fallback) {
      const raw = localStorage.getItem(key); // throws when storage is blocked
      return raw === null ? fallback : JSON.parse(raw);
    },
    // Writes every [key, value] or none: a value that cannot be written puts back what was there.
    writeAll(pairs) {
      store.put(pairs.map(([k, v]) => [k, v === null ? null : JSON.stringify(v)]));
    },
    // The same with the stored text itself (null: no value). The removals come last, so a write that
    // fails finds every old value still in place. Undoing never removes a key that held something:
    // each key written is set back to its old text, those that shrink back first to make room for
    // those that grow. When one cannot be put back (the storage refused it), the error says which,
    // in e.notRestored, so that the message does not claim nothing changed.
    put(pairs) {
      const order = pairs.filter(([, v]) => v !== null).concat(pairs.filter(([, v]) => v === null));
      const before = new Map(order.map(([k]) => [k, localStorage.getItem(k)]));
      const written = [];
      try {
        for (const [k, v] of order) {
          if (v === null) localStorage.removeItem(k);
          else localStorage.setItem(k, v);
          written.push(k);
        }
      } catch (e) {
        const size = (v) => (v === null ? 0 : v.length);
        const undo = written.map((k) => [k, before.get(k), size(before.get(k)) - size(localStorage.getItem(k))]).sort((a, b) => a[2] - b[2]);
        const left = [];
        for (const [k, v] of undo) {
          try {
            if (v === null) localStorage.removeItem(k);
            else localStorage.setItem(k, v);
          } catch {
            left.push(k);
          }
        }
        if (left.length) e.notRestored = left;
        throw e;
      }
      if (window.guideStorage) window.guideStorage.saved(); // site.js asks the browser to keep it
    },
    // What a message may say, after a failed write, about `what` was stored before (a sentence).
    unchanged: (e, what) => (e && e.notRestored ? `Part of ${what} could not be put back: export a backup now.` : `${cap(what)} ${/s$/.test(what) ? "are" : "is"} unchanged.`),
  };
  const cap = (t) => t[0].toUpperCase() + t.slice(1);
  const storageProblem = (e) =>
    e && (e.name === "QuotaExceededError" || e.code === 22) ? "this browser's storage is full" : "this browser does not let the guide use its storage";

  // Recordings in IndexedDB: one per question, { q, blob, type, seconds, date }.
  const db = {
    open() {
      return new Promise((ok, fail) => {
        if (!window.indexedDB) return fail(new Error("IndexedDB is unavailable"));
        const req = indexedDB.open(data().db.name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(data().db.store, { keyPath: "q" });
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
        req.onblocked = () => fail(new Error("blocked"));
      });
    },
    async run(mode, act) {
      const conn = await db.open();
      try {
        return await new Promise((ok, fail) => {
          const tx = conn.transaction(data().db.store, mode);
          tx.oncomplete = () => ok(req && req.result);
          tx.onerror = tx.onabort = () => fail(tx.error || new Error("The recordings could not be written."));
          let req;
          try {
            req = act(tx.objectStore(data().db.store));
          } catch (e) {
            tx.onabort = () => fail(e); // a request refused at once: undo the transaction's other requests
            tx.abort();
          }
        });
      } finally {
        conn.close();
      }
    },
    get: (q) => db.run("readonly", (s) => s.get(q)),
    all: () => db.run("readonly", (s) => s.getAll()),
    put: (rec) => db.run("readwrite", (s) => s.put(rec)).then((r) => (window.guideStorage && window.guideStorage.saved(), r)),
    remove: (q) => db.run("readwrite", (s) => s.delete(q)),
    // Every recording replaced by `recs`, in one transaction: all of them or, on any failure, none.
    replaceAll: (recs) => db.run("readwrite", (s) => {
      s.clear();
      for (const r of recs) s.put(r);
    }),
  };

  const say = (box, text, bad) => {
    box.children[0].textContent = bad ? "" : text;
    box.children[1].textContent = bad ? text : "";
  };
  const msgs = () => {
    const box = el("div", "guide-tool__msgs");
    box.append(Object.assign(el("p"), { role: "status" }), Object.assign(el("p"), { role: "alert" }));
    box.children[0].setAttribute("role", "status");
    box.children[1].setAttribute("role", "alert");
    return box;
  };

  // The spaced review's scheduler (ts-fsrs, served from vendor/ beside this file), for a page that
  // does not list it: the readiness page rates nothing and needs it only to make the cards of newly
  // solved problems, so it does not load it otherwise. One load at a time; a failed one is tried
  // again on the next call.
  const scriptBase = document.currentScript ? document.currentScript.src : location.href;
  let loadingScheduler = null;
  const withScheduler = () =>
    loadingScheduler ||
    (loadingScheduler = window.FSRS ? Promise.resolve(window.FSRS) : new Promise((ok, fail) => {
      const tag = el("script");
      tag.src = new URL("vendor/ts-fsrs/index.umd.js", scriptBase).href;
      const failed = (why) => {
        tag.remove();
        loadingScheduler = null;
        fail(new Error(why));
      };
      // A reply that is not the script (a captive portal's page) runs without defining FSRS.
      tag.onload = () => (window.FSRS ? ok(window.FSRS) : failed("ts-fsrs loaded without FSRS"));
      tag.onerror = () => failed("ts-fsrs could not be loaded");
      document.head.append(tag);
    }));

  // Cards for the problems solved in the code runner that have none yet, written to the schedule.
  // The runner keeps when each problem was solved (its store, in the backup too), and the card is
  // made as of that moment: whichever coach runs first with ts-fsrs makes the same card.
  function enrolCards(D, lib) {
    const sched = store.read(D.keys.schedule, { version: D.scheduleVersion, cards: {} });
    const code = store.read(D.keys.code, { version: D.codeVersion, problems: {} });
    const { cards, added } = C().enrolSolved(lib, sched.cards, code, D.problems, D.coding.prefix);
    if (added.length) store.writeAll([[D.keys.schedule, { version: sched.version, cards }]]);
    return added;
  }

  // What the readiness views read.
  // The code runner's store; text that is not JSON holds no code to back up.
  function readCode(D) {
    const raw = localStorage.getItem(D.keys.code); // throws when storage is blocked
    try {
      return raw === null ? null : JSON.parse(raw);
    } catch {
      return null;
    }
  }
  function readAll(D) {
    return {
      stories: store.read(D.keys.stories, { version: D.storiesVersion, stories: [] }).stories,
      reviews: store.read(D.keys.reviews, { version: D.reviewsVersion, reviews: {} }).reviews,
      cards: store.read(D.keys.schedule, { version: D.scheduleVersion, cards: {} }).cards,
      plan: store.read(D.keys.plan, null),
      code: readCode(D),
    };
  }
  function summary(D, s = readAll(D)) {
    const questions = Object.entries(D.questions).map(([id, q]) => ({ id, p: q.p }));
    const principles = D.order.map((id) => ({ id, name: D.principles[id].name }));
    return C().readiness({ principles, questions, target: D.storiesTarget, stories: s.stories, reviews: s.reviews, cards: s.cards, today: today() });
  }
  function codingSummary(D, s = readAll(D)) {
    return C().codingReadiness({ patterns: D.coding.patterns, problems: D.problems, prefix: D.coding.prefix, reviews: s.reviews, cards: s.cards, code: C().isObject(s.code) ? s.code : { problems: {} }, today: today() });
  }


  window.guideCoachStore = { el, button, data, today, store, cap, storageProblem, db, say, msgs, withScheduler, enrolCards, readAll, summary, codingSummary };
})();
