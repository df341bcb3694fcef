/* Pinched Nerve Guide service worker, written by hooks/guide/programme.py at build time.
 *
 * Keeps the home-programme pages, their script, the stylesheets and every exercise
 * picture so a patient's programme opens without a connection once it has been seen.
 * Pages (HTML) are fetched from the network first: whenever the patient is online
 * they get the current warning signs, and the cached copy is only a fallback.
 * Other files from this site are answered from the cache and refreshed behind it.
 * Requests never carry the programme: it lives in the link's fragment.
 */
const CACHE = {{ cache_name }};
const PRECACHE = {{ precache }};
const scopeUrl = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scopeUrl))).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("pn-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    refresh.catch(() => {});
    return cached;
  }
  return refresh;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const html = request.mode === "navigate" || (request.headers.get("accept") || "").includes("text/html");
  event.respondWith(html ? networkFirst(request) : cacheFirst(request));
});
