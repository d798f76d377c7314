// ESLint's recommended rules (eslint and @eslint/js, pinned in package.json) for every script
// we write, each with the globals of where it runs. `make lint` runs it; no style rules: the
// scripts keep their own layout.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Built files, and the shared virtual environment's packages.
    ignores: [".venv/", "site/", "dist/", ".bench/", ".cache/"],
  },
  js.configs.recommended,
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  {
    // The site's scripts: classic scripts in the page. A script with pure logic also exports it
    // to `node --test` through `module` when there is one, and then loads the scripts it uses
    // with `require`.
    files: ["docs/javascripts/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: {
        ...globals.browser,
        module: "readonly",
        require: "readonly",
        // Material for MkDocs' bundle: its page and address observables, and its settings helpers.
        document$: "readonly",
        location$: "readonly",
        __md_scope: "readonly",
        __md_set: "readonly",
      },
    },
  },
  {
    // The code runner's module worker.
    files: ["docs/javascripts/code-runner-worker.js"],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    // The editor bundle's source, bundled by esbuild at build time.
    files: ["docs/javascripts/src/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    // The hosted site's service workers; sw.js loads Workbox with importScripts.
    files: ["hooks/sw.js", "hooks/sw-retire.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker, workbox: "readonly" } },
  },
  {
    // Node: the service worker's build step and the pure-logic tests.
    files: ["hooks/**/*.cjs", "tests/js/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    // Node: the benchmark's offline search engine (bench/search-alt/).
    files: ["bench/**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
