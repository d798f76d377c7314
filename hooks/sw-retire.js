// The service worker that retires the site's service worker (README, "Retiring the service
// worker"): built instead of the precaching one with SERVICE_WORKER=retire. A browser that has
// the old worker fetches this one when it next checks for an update (on every visit to a
// page of the site, past the HTTP cache); it takes over at once, deletes the guide's caches,
// unregisters itself and reloads the open pages from the network. Pages built this way link
// no manifest, so site.js registers nothing again. Stories and recordings are not touched:
// they live in localStorage and IndexedDB, not in these caches.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith("interview-guide")) await caches.delete(key);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
    })()
  );
});
