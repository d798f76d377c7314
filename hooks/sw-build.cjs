// Run by hooks/app.py after each hosted build: Workbox's injectManifest writes the service
// worker (hooks/sw.js with the precache list of the build). Options arrive as JSON on stdin;
// the result (files counted, bytes, warnings) goes to stdout as JSON.
//
// The module is required by its file, not through the package's index, which also loads
// generateSW's bundler (rollup, Babel, Terser): half a second of every build for nothing.
"use strict";
const { injectManifest } = require("workbox-build/build/inject-manifest");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const options = JSON.parse(input);
  // In URL order, whatever order the file system lists them in: two builds of the same sources are byte-identical.
  options.manifestTransforms = [(entries) => ({ manifest: entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)), warnings: [] })];
  injectManifest(options).then(
    ({ count, size, warnings }) => process.stdout.write(JSON.stringify({ count, size, warnings })),
    (error) => {
      process.stderr.write(String(error && error.stack ? error.stack : error));
      process.exit(1);
    }
  );
});
