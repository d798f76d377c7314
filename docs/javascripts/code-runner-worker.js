// The code runner's worker: real CPython (Pyodide, served from this site, never a CDN) running a
// candidate's code against a worked problem's cases, off the page's thread. Started by
// code-runner.js on the first press of Run; when a run goes over its time limit, or the candidate
// presses Stop, the page terminates this worker and starts a fresh one for the next run.
//
// Messages in:  { code, context }  (context: prelude, postlude, entry, shown_entry, cases)
// Messages out: { kind: "loading" }, { kind: "ready" }, { kind: "prepared", result },
//               { kind: "case", result } for each case in order, { kind: "done" },
//               { kind: "failed", message } when the runtime itself cannot start,
//               { kind: "crashed", message } when it stops in the middle of a run.
import { loadPyodide } from "./vendor/pyodide/pyodide.mjs";

let harness = null;

async function start() {
  postMessage({ kind: "loading" });
  const [pyodide, source] = await Promise.all([
    loadPyodide({ indexURL: new URL("./vendor/pyodide/", import.meta.url).href, stdout: () => {}, stderr: () => {} }),
    fetch(new URL("./code-runner-harness.py", import.meta.url)).then((r) => {
      if (!r.ok) throw new Error(`the runner's harness answered ${r.status}`);
      return r.text();
    }),
  ]);
  const scope = pyodide.globals.get("dict")();
  pyodide.runPython(source, { globals: scope });
  harness = { prepare: scope.get("prepare"), runCase: scope.get("run_case") };
  // Python is loaded: from here on the candidate's code runs, and it has no network (the worker
  // has no Content Security Policy of its own to stop it). Nothing is uploaded, as the page says.
  const refuse = () => {
    throw new Error("the code runner has no network access");
  };
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts"]) self[name] = refuse;
  postMessage({ kind: "ready" });
}

let starting = null;
onmessage = async (event) => {
  try {
    starting = starting || start();
    await starting;
  } catch (error) {
    postMessage({ kind: "failed", message: String((error && error.message) || error) });
    return;
  }
  const { code, context } = event.data;
  try {
    const prepared = JSON.parse(harness.prepare(code, JSON.stringify(context)));
    postMessage({ kind: "prepared", result: prepared });
    if (prepared.ok) {
      for (let i = 0; i < context.cases.length; i++) postMessage({ kind: "case", result: JSON.parse(harness.runCase(i)) });
    }
    postMessage({ kind: "done" });
  } catch (error) {
    // Python itself stopped (os._exit, a broken interpreter): say so now, not at the time limit.
    postMessage({ kind: "crashed", message: String((error && error.message) || error).split("\n")[0].slice(0, 300) });
  }
};
