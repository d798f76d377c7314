// The service worker of the hosted site. hooks/app.py copies this file into the build as
// sw.js, and Workbox's injectManifest (workbox-build, pinned in package-lock.json) puts the
// precache list of that build in place of the manifest placeholder: every page, stylesheet,
// script, image and the search index, each with a hash of its content.
//
// * Precached files are served from the cache, so after the first visit every page, the
//   search and every practice tool work with the network off.
// * Same-origin files that no page lists and that are not precached (for example a large
//   runtime a tool loads on first use, or Material's search languages) are cached when first
//   fetched, and served from that cache only when the network does not answer.
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
workbox.routing.registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(SITE),
  new workbox.strategies.NetworkFirst({ cacheName: "interview-guide-first-use-" + SITE, networkTimeoutSeconds: 6 })
);

// Offline, an address the build has no page for gets the site's own 404 page, not the browser's.
workbox.routing.setCatchHandler(async ({ request }) =>
  request.destination === "document" ? (await workbox.precaching.matchPrecache("404.html")) || Response.error() : Response.error()
);

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
// The first worker takes the open page at once, so it works offline without a reload.
workbox.core.clientsClaim();
