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
  new workbox.strategies.NetworkFirst({ cacheName: FIRST_USE, networkTimeoutSeconds: 6 })
);

// A new build brings what earlier builds cached on first use up to date, so a tool that worked
// offline keeps working offline and runs the new build's files, not a mix: each file is fetched
// again (a cheap revalidation when it has not changed), one the new build no longer has is
// dropped, and one the network does not answer for is kept as it was. This runs after activation
// (not inside it), so the page that pressed Reload is not kept waiting for a large runtime; if
// the browser stops the worker part way, a file not yet refreshed is refreshed when next used online.
async function refreshFirstUse() {
  const cache = await caches.open(FIRST_USE);
  for (const request of await cache.keys()) {
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
self.addEventListener("activate", () => {
  refreshFirstUse().catch(() => {}); // a failure leaves the cache as NetworkFirst keeps it
});

// Offline, an address the build has no page for gets the site's own 404 page, not the browser's.
workbox.routing.setCatchHandler(async ({ request }) =>
  request.destination === "document" ? (await workbox.precaching.matchPrecache("404.html")) || Response.error() : Response.error()
);

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
// The first worker takes the open page at once, so it works offline without a reload.
workbox.core.clientsClaim();
