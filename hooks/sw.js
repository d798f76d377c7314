// The service worker of the hosted site. hooks/app.py copies this file into the build as
// sw.js, and Workbox's injectManifest (workbox-build, pinned in package-lock.json) puts the
// precache list of that build in place of the manifest placeholder: every page, stylesheet,
// script, image and the search index, each with a hash of its content.
//
// * Precached files are served from the cache, so after the first visit every page, the
//   search and every practice tool work with the network off.
// * Same-origin files that no page lists and that are not precached (for example a large
//   runtime a tool loads on first use, or Material's search languages) are cached when first
//   fetched, and served from that cache only when the network does not answer. A new build
//   refreshes them (refreshFirstUse below).
// * Nothing else passes through here: requests to other origins are not handled (and the
//   pages' Content-Security-Policy forbids them), and recordings never leave IndexedDB and
//   blob: URLs, which a service worker does not see.
// * A new build installs beside this one and waits; site.js offers "A new version of the
//   guide is ready" with a Reload button, which sends SKIP_WAITING. Closing every tab of the
//   site has the same effect, so an ignored prompt leaves stale pages for one visit at most.
importScripts("app/workbox/workbox-sw.js");
workbox.setConfig({ modulePathPrefix: "app/workbox/", debug: false });

workbox.core.setCacheNameDetails({ prefix: "interview-guide" });
workbox.precaching.cleanupOutdatedCaches();
// A page is found in the precache whatever Material or a shared link adds to its address:
// ?h= (search.highlight, on every search result's link), ?q= (a shared search), or no
// trailing slash on a directory page.
workbox.precaching.precacheAndRoute(self.__WB_MANIFEST, {
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^h$/, /^q$/],
  directoryIndex: "index.html",
  urlManipulation: ({ url }) => (url.pathname.endsWith("/") ? [] : [new URL(url.pathname + "/index.html", url)]),
});

const SITE = new URL("./", self.location.href).pathname;
const FIRST_USE = "interview-guide-first-use-" + SITE;
workbox.routing.registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(SITE),
  new workbox.strategies.NetworkFirst({
    cacheName: FIRST_USE,
    networkTimeoutSeconds: 6,
    // The browser's HTTP cache may hold an earlier build's copy: ask the server each time (a 304
    // when nothing changed).
    fetchOptions: { cache: "no-cache" },
    plugins: [{ cacheDidUpdate: ({ request, newResponse }) => recordRevision(request, newResponse) }],
  })
);

// A new build brings what earlier builds cached on first use up to date, so a tool that worked
// offline keeps working offline, on one build's files, never a mix of two.
//
// * The build's own first-use files (the code runner's editor and Python runtime) carry a hash
//   of their content, filled in by hooks/app.py (REVISIONS: site path -> hash). HASHES keeps the
//   hash of each copy held, recorded only after checking the copy's content. Only a file whose
//   hash changed is fetched again: a deploy that leaves the runtime alone costs a reader nothing.
// * The changed files are fetched into a staging cache first and take their place together,
//   only when every one arrived; otherwise the old set stays, consistent, and the next start of
//   this worker tries again. A file the new build no longer has is dropped.
// * Anything else cached on first use (Material's search languages, say) is fetched again; a
//   404 or 410 drops it, and a failed fetch keeps it.
//
// It runs after activation, not inside it, so a page that pressed Reload never waits for it.
const REVISIONS = self.__FIRST_USE_REVISIONS;
// Kept in a cache of their own, which no route serves to a page.
const HASHES = FIRST_USE + "-hashes";
const REVISIONS_KEY = new URL("first-use-revisions.json", self.location.href).href;
const pathOf = (url) => new URL(url).pathname.slice(SITE.length);
// The same hash as hooks/app.py's: the first 16 hex digits of the content's SHA-256. A copy is
// taken as the build's file only when its content has that hash, whatever cache or CDN sent it.
async function hashOf(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}
async function readHashes() {
  const kept = await (await caches.open(HASHES)).match(REVISIONS_KEY);
  return kept ? await kept.json() : {};
}
async function writeHashes(hashes) {
  const body = JSON.stringify(hashes);
  await (await caches.open(HASHES)).put(REVISIONS_KEY, new Response(body, { headers: { "content-type": "application/json" } }));
}

async function refreshFirstUse(others) {
  const cache = await caches.open(FIRST_USE);
  const before = await readHashes();
  const requests = await cache.keys();
  const changed = [];
  for (const request of requests) {
    const path = pathOf(request.url);
    if (path in REVISIONS) {
      if (before[path] !== REVISIONS[path]) changed.push(request);
    } else if (path in before) {
      await cache.delete(request); // the build's own file, gone from the new build
    } else if (others) {
      let response;
      try {
        response = await fetch(request, { cache: "no-cache" });
      } catch {
        continue; // offline or the network failed: keep the copy we have
      }
      if (response.ok) await cache.put(request, response);
      else if (response.status === 404 || response.status === 410) await cache.delete(request);
    }
  }
  if (changed.length) {
    const staging = await caches.open(FIRST_USE + "-staging");
    try {
      for (const request of changed) {
        const response = await fetch(request, { cache: "no-cache" });
        // A failure, or a copy that is not this build's file yet (a CDN behind the deploy): the
        // old set stays whole, and the next start of this worker tries again.
        if (!response.ok || (await hashOf(response)) !== REVISIONS[pathOf(request.url)]) return;
        await staging.put(request, response);
      }
      for (const request of changed) await cache.put(request, await staging.match(request));
    } catch {
      return; // offline or cut off part way: the old set stays whole
    } finally {
      await caches.delete(FIRST_USE + "-staging");
    }
  }
  const moved = new Set(changed.map((request) => pathOf(request.url)));
  const now = {};
  for (const request of await cache.keys()) {
    const path = pathOf(request.url);
    if (path in REVISIONS && (before[path] === REVISIONS[path] || moved.has(path))) now[path] = REVISIONS[path];
  }
  await writeHashes(now);
}
// One refresh or record at a time: each reads and rewrites the hashes the cache keeps.
let queue = Promise.resolve();
const inTurn = (job) => (queue = queue.then(job).catch(() => {}));
// What NetworkFirst caches while this build is active: its hash is recorded when the content is
// this build's file; otherwise its hash is forgotten, so the next refresh fetches it again.
function recordRevision(request, response) {
  const path = pathOf(request.url);
  if (!(path in REVISIONS) || !response) return Promise.resolve();
  return inTurn(async () => {
    const now = await readHashes();
    if ((await hashOf(response)) === REVISIONS[path]) now[path] = REVISIONS[path];
    else delete now[path];
    await writeHashes(now);
  });
}
self.addEventListener("activate", () => {
  inTurn(() => refreshFirstUse(true)); // a failure leaves the old copies, which NetworkFirst refreshes on use
});
// A worker stopped part way through the refresh, or cut off from the network, finishes it the
// next time the browser starts it (every start runs this file), for the build's own files only:
// nothing is fetched when no hash changed. Only the active worker does this, never a new one
// still installing beside it, whose files the open pages do not use yet.
if (self.serviceWorker && self.serviceWorker.state === "activated") inTurn(() => refreshFirstUse(false));

// Offline, an address the build has no page for gets the site's own 404 page, not the browser's.
workbox.routing.setCatchHandler(async ({ request }) =>
  request.destination === "document" ? (await workbox.precaching.matchPrecache("404.html")) || Response.error() : Response.error()
);

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
// The first worker takes the open page at once, so it works offline without a reload.
workbox.core.clientsClaim();
