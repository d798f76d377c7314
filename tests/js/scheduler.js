// The coach's scheduler as the site serves it (hooks/vendor.py copies it from node_modules), loaded
// as the browser loads it: a classic script that sets a global. Shared by the coach's node tests.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const sandbox = {};
sandbox.globalThis = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(__dirname, "../../node_modules/ts-fsrs/dist/index.umd.js"), "utf8"), sandbox);
module.exports = sandbox.FSRS;
