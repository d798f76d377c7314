// "Try it yourself" on a worked coding problem: an editor, Run and Stop, and the result of every
// test case, with the candidate's code kept on this device. Loaded on the first press of the
// problem's "Open the editor" button (site.js, LAZY), after the editor bundle (code-editor.js);
// Python itself loads on the first press of Run, in a worker (code-runner-worker.js).
// The functions above start() are its pure logic, tested in tests/js/code-runner.test.js.
(() => {
  "use strict";
  // The worker sits beside this file; read its address now, while this script is the current one.
  const script = typeof document === "object" && document.currentScript;
  const WORKER = script ? new URL("code-runner-worker.js", script.src).href : "code-runner-worker.js";
  const clock = (s) => Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  const plural = (n, one, many = one + "s") => `${n} ${n === 1 ? one : many}`;
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

  // A value as Python writes it: None, True, False, 'text', [1, 2], {'a': 1}.
  function pyRepr(value) {
    if (value === null || value === undefined) return "None";
    if (value === true) return "True";
    if (value === false) return "False";
    if (typeof value === "number") return String(value);
    if (typeof value === "string") return "'" + value.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n") + "'";
    if (Array.isArray(value)) return "[" + value.map(pyRepr).join(", ") + "]";
    return "{" + Object.entries(value).map(([k, v]) => pyRepr(k) + ": " + pyRepr(v)).join(", ") + "}";
  }
  // A case's arguments as a call would pass them: nums=[1, 2], target=3.
  const callArgs = (args) => Object.entries(args).map(([k, v]) => `${k}=${pyRepr(v)}`).join(", ");

  // The stored code of every problem: { version, problems: { id: { code, saved, solved } } }.
  // `problems` holds the entries this page can read; `raw` is the stored object itself, so that a
  // save replaces one problem's entry and keeps every other one exactly as stored, readable or not;
  // `writable` is false when the value comes from another version of the guide, which this page
  // must not overwrite. Text that is not JSON holds nothing to keep.
  function readStore(text, version) {
    let d = null;
    try {
      d = JSON.parse(text);
    } catch {
      d = null;
    }
    if (!isObject(d)) return { problems: {}, raw: null, writable: true };
    if (d.version !== version) return { problems: {}, raw: d, writable: false };
    const problems = {};
    const stored = isObject(d.problems) ? d.problems : {};
    for (const [id, p] of Object.entries(stored)) {
      if (isObject(p) && typeof p.code === "string") problems[id] = { code: p.code, saved: String(p.saved || ""), solved: typeof p.solved === "string" ? p.solved : null };
    }
    return { problems, raw: d, writable: true };
  }
  // The stored object with one problem's entry replaced; every other entry stays as it was.
  function withEntry(store, version, id, entry) {
    const raw = store.raw && isObject(store.raw.problems) ? store.raw : { version, problems: {} };
    return { ...raw, version, problems: { ...raw.problems, [id]: entry } };
  }
  const entryFor = (store, id, code, now, solved) => ({ code, saved: now, solved: solved ? now : (store.problems[id] || { solved: null }).solved });

  // What a finished run says: passed and failed counts over the visible and hidden cases.
  function summarize(results, visible) {
    const done = results.filter(Boolean);
    const passed = done.filter((r) => r.pass).length;
    const hidden = done.filter((r) => r.index >= visible);
    return { passed, failed: done.length - passed, total: done.length, hiddenFailed: hidden.filter((r) => !r.pass).length, hiddenPassed: hidden.filter((r) => r.pass).length };
  }
  function verdict(s, total) {
    if (s.total < total) return `${s.passed} of ${total} cases passed before the run ended.`;
    if (s.passed === total) return `All ${plural(total, "case")} passed.`;
    return `${s.passed} of ${total} cases passed; ${plural(s.failed, "case")} failed.`;
  }
  // The message for an error in the candidate's code: its kind, message and line.
  const errorText = (e) => `${e.type}: ${e.message}` + (e.line ? ` (line ${e.line})` : "");

  function start(root, data) {
    const q = (name) => root.querySelector(`[data-runner="${name}"]`);
    const ui = q("ui");
    const status = q("status");
    const out = q("output");
    const body = q("results").tBodies[0];
    const more = q("more");
    const say = (text) => (status.textContent = text);
    const storageKey = data.storageKey;
    const cases = data.context.cases;
    let revealed = false;

    // ---- the code, kept on this device
    const read = () => readStore(localStorage.getItem(storageKey), data.storageVersion); // throws when storage is blocked
    const said = (text) => (q("saved").textContent = text);
    let store;
    let storeProblem = "";
    try {
      store = read();
      if (!store.writable) storeProblem = "Code from another version of the guide is stored in this browser; this page will not overwrite it, so your code here is not saved: copy it before you leave.";
    } catch {
      store = { problems: {}, raw: null, writable: false };
      storeProblem = "This browser does not let the guide keep your code (storage is blocked): copy it before you leave the page.";
    }
    const saved = store.problems[data.id];
    // `mine`: the code this tab last saved or loaded. Stored code that differs from it, and from the
    // editor, was saved by another tab: it is never overwritten without the candidate's choice.
    let mine = saved ? saved.code : null;
    const conflict = q("conflict");
    const editor = window.guideCodeEditor.create(q("editor"), {
      doc: saved ? saved.code : data.stub,
      label: `Your solution to ${data.title}, in Python`,
      onChange: () => queueSave(),
    });
    let saveTimer = null;
    function save(solved, force = false) {
      clearTimeout(saveTimer);
      saveTimer = null;
      const code = editor.value;
      if (code.length > data.maxChars) return said(`Not saved: your code is longer than ${data.maxChars} characters, far more than an interview answer needs. Shorten it to keep it on this device.`), false;
      try {
        const fresh = read();
        if (!fresh.writable) return said(storeProblem || "Code from another version of the guide is stored in this browser; this page will not overwrite it."), false;
        const theirs = fresh.problems[data.id];
        if (!force && theirs && theirs.code !== mine && theirs.code !== code) {
          conflict.hidden = false;
          return said("Not saved: another tab saved different code for this problem. Choose which to keep."), false;
        }
        localStorage.setItem(storageKey, JSON.stringify(withEntry(fresh, data.storageVersion, data.id, entryFor(fresh, data.id, code, new Date().toISOString(), solved))));
        store = read();
        mine = code;
        conflict.hidden = true;
        said(solved ? "Saved on this device, and marked solved." : "Saved on this device.");
        return true;
      } catch {
        said("Not saved: this browser refused to store your code (storage full or blocked). It is still in the editor: copy it before you leave.");
        return false;
      }
    }
    const queueSave = () => {
      clearTimeout(saveTimer);
      said("");
      saveTimer = setTimeout(() => save(false), 600);
    };
    const onStorage = (e) => {
      if (e.key !== storageKey && e.key !== null) return;
      let theirs;
      try {
        theirs = read().problems[data.id];
      } catch {
        return;
      }
      if (!theirs || theirs.code === mine || theirs.code === editor.value) return;
      if (editor.value === (mine === null ? data.stub : mine)) {
        // Nothing typed here since the last save: take the other tab's code.
        mine = theirs.code;
        editor.value = theirs.code;
        said("Updated with the code you saved in another tab.");
      } else {
        conflict.hidden = false;
        said("Another tab saved different code for this problem. Choose which to keep; nothing is saved over it until you do.");
      }
    };
    addEventListener("storage", onStorage);
    q("keep-mine").onclick = () => save(false, true);
    q("take-theirs").onclick = () => {
      try {
        const theirs = read().problems[data.id];
        if (theirs) {
          mine = theirs.code;
          editor.value = theirs.code;
        }
        conflict.hidden = true;
        said("Loaded the code from your other tab.");
      } catch {
        said("The other tab's code cannot be read: this browser refused access to its storage.");
      }
      editor.focus();
    };
    q("reset").onclick = () => {
      if (editor.value !== data.stub && !confirm("Replace your code with the empty signature? Your current code will be gone.")) return;
      editor.value = data.stub;
      save(false);
      editor.focus();
    };

    // ---- the clock of the technical part
    let left = data.seconds;
    const show = () => (q("clock").textContent = left > 0 ? `${clock(left)} left` : "Time is up: finish, test and state the complexity.");
    const tick = setInterval(() => {
      if (left > 0) left -= 1;
      show();
    }, 1000);
    q("restart").onclick = () => {
      left = data.seconds;
      show();
    };
    show();

    // ---- results
    function row(c, r) {
      const tr = document.createElement("tr");
      const cells = [`${c.example ? "Example" : "Case"} ${r.index + 1}`, callArgs(c.args), pyRepr(c.expected), r.error ? errorText(r.error) : pyRepr(r.got), r.pass ? "Passed" : r.stopped ? r.stopped : "Failed"];
      const labels = ["Case", "Input", "Expected", "Got", "Result"];
      cells.forEach((text, i) => {
        const td = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) td.scope = "row";
        td.dataset.label = labels[i];
        if (i === 1 || i === 2 || i === 3) {
          const code = document.createElement("code");
          code.textContent = text;
          td.append(code);
        } else td.textContent = text;
        if (i === 4) td.className = r.pass ? "guide-runner__pass" : "guide-runner__fail";
        if (r.stdout && i === 3) {
          const printed = document.createElement("pre");
          printed.className = "guide-runner__printed";
          printed.textContent = r.stdout;
          td.append(printed);
        }
        tr.append(td);
      });
      return tr;
    }
    let results = [];
    function render() {
      const rows = [];
      results.forEach((r, i) => {
        if (r && (i < data.visible || revealed)) rows.push(row(cases[i], r));
      });
      body.replaceChildren(...rows);
      q("results").hidden = !rows.length;
      const s = summarize(results, data.visible);
      const hiddenDone = s.hiddenFailed + s.hiddenPassed;
      more.hidden = revealed || hiddenDone === 0;
      more.textContent = `Show the ${plural(hiddenDone, "further case")} (${s.hiddenPassed} passed, ${s.hiddenFailed} failed)`;
    }
    more.onclick = () => {
      revealed = true;
      render();
      q("results").focus();
    };

    // ---- running: one worker, replaced when a run is stopped
    let worker = null;
    let ready = false;
    let limit = null;
    let running = false;
    const runButton = q("run");
    const stopButton = q("stop");
    function finish(message) {
      clearTimeout(limit);
      limit = null;
      running = false;
      runButton.disabled = false;
      stopButton.disabled = true;
      say(message);
      render();
    }
    function kill(reason) {
      if (worker) worker.terminate();
      worker = null;
      ready = false;
      const at = results.length;
      if (at < cases.length && reason.stopped) results[at] = { index: at, pass: false, got: null, error: null, stopped: reason.stopped };
      if (at >= data.visible) revealed = revealed || reason.reveal;
      const s = summarize(results, data.visible);
      finish(`${reason.text} ${verdict(s, cases.length)}`);
    }
    function armLimit() {
      clearTimeout(limit);
      limit = setTimeout(
        () => kill({ text: `Stopped after ${data.limitSeconds} seconds: the code ran too long (an endless loop, or far too slow for these inputs). Python restarts for the next run.`, stopped: "Stopped: over the time limit", reveal: true }),
        data.limitSeconds * 1000
      );
    }
    function spawn() {
      const w = new Worker(WORKER, { type: "module" });
      w.onmessage = (e) => {
        if (w !== worker) return;
        const m = e.data;
        if (m.kind === "loading") say("Starting Python on this device (the first run downloads it once)…");
        else if (m.kind === "ready") {
          ready = true;
          say("Running your code…");
          armLimit();
        } else if (m.kind === "crashed") {
          kill({ text: `Python stopped in the middle of the run (${m.message}). It restarts for the next run.`, stopped: "Stopped: Python stopped", reveal: false });
        } else if (m.kind === "failed") {
          worker = null;
          w.terminate();
          finish(startFailure(m.message));
        } else if (m.kind === "prepared") {
          out.hidden = !m.result.stdout;
          out.textContent = m.result.stdout ? "Printed while loading your code:\n" + m.result.stdout : "";
          if (!m.result.ok) finish(`Your code did not run. ${errorText(m.result.error)}`);
        } else if (m.kind === "case") {
          results[m.result.index] = m.result;
          render();
        } else if (m.kind === "done" && running) {
          const s = summarize(results, data.visible);
          if (s.passed === cases.length) {
            revealed = true;
            save(true);
            document.dispatchEvent(new CustomEvent("guide:code-solved", { detail: { id: data.id } }));
          }
          finish(verdict(s, cases.length));
        }
      };
      w.onerror = (e) => {
        if (w !== worker) return;
        e.preventDefault();
        worker = null;
        finish(startFailure(e.message || "the runner did not load"));
      };
      return w;
    }
    // Offline, a runtime file missing from the cache cannot be fetched: reloading will not help,
    // a connection will (the same advice as a tool that has never been opened online).
    function startFailure(message) {
      return navigator.onLine === false
        ? "Python could not start: a file it needs is not saved on this device yet. Connect once and press Run again; after that it works offline."
        : `Python could not start here: ${message}. Reload the page to try again.`;
    }
    runButton.onclick = () => {
      if (running) return;
      if (location.protocol === "file:") {
        say("Running code needs the hosted guide or `make serve`: a page opened from a file cannot start Python. Your code is still saved here, and the solution is below.");
        return;
      }
      save(false);
      results = [];
      out.hidden = true;
      render();
      running = true;
      runButton.disabled = true;
      stopButton.disabled = false;
      if (!worker) worker = spawn();
      if (ready) {
        say("Running your code…");
        armLimit();
      }
      worker.postMessage({ code: editor.value, context: data.context });
    };
    stopButton.onclick = () => {
      if (running) kill({ text: "Stopped. Python restarts for the next run.", stopped: "Stopped", reveal: false });
    };

    ui.hidden = false;
    q("open").hidden = true;
    if (storeProblem) q("saved").textContent = storeProblem;
    editor.focus();
    return {
      stop() {
        clearInterval(tick);
        if (saveTimer) save(false);
        removeEventListener("storage", onStorage);
        if (worker) worker.terminate();
        editor.destroy();
      },
    };
  }

  if (typeof module === "object" && module.exports) module.exports = { pyRepr, callArgs, readStore, withEntry, entryFor, summarize, verdict, errorText, clock };
  else (window.guideTools = window.guideTools || []).push({ name: "code-runner", start });
})();
