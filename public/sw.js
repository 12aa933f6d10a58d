// Permanencia's service worker (docs/decisions/019-field-ready.md): the attendance sheet opens
// again without a connection, with the marks kept on the phone. It keeps exactly two things:
// - the app's own files under /_next/static (content-hashed, the same for every user);
// - the last copy of each /attendance page this phone showed, for at most PAGE_MAX_AGE_MS,
//   served only when the network fails. The signed-in page empties it at sign-out, at the
//   sign-in page and when another user signs in on the same phone.
// Nothing else is cached: every other page, every save and every API call goes to the network.

const STATIC_CACHE = "permanencia-static-v1";
const PAGE_CACHE = "permanencia-attendance-pages";
const PAGE_PATH = "/attendance";
const PAGE_TIMEOUT_MS = 8000;
const PAGE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_PAGES = 40;
const MAX_STATIC = 200;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("permanencia-static-") && key !== STATIC_CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) event.respondWith(staticFile(request));
  else if (request.mode === "navigate" && url.pathname === PAGE_PATH) event.respondWith(attendancePage(request));
});

// The page asks for what it loaded before this worker took control (the first visit) and for the
// sheets it reached by client-side navigation, which never pass here as page loads.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep-assets" && Array.isArray(data.urls)) event.waitUntil(keepAssets(data.urls));
  if (data.type === "keep-page" && typeof data.url === "string") event.waitUntil(keepPage(data.url));
});

async function staticFile(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await put(cache, request, response.clone(), MAX_STATIC);
  return response;
}

async function attendancePage(request) {
  const cache = await caches.open(PAGE_CACHE);
  const network = fetch(request).then(async (response) => {
    if (isSignedInPage(response)) await put(cache, request.url, response.clone(), MAX_PAGES);
    return response;
  });
  network.catch(() => {});
  try {
    return await withTimeout(network, PAGE_TIMEOUT_MS);
  } catch (error) {
    // No answer (or none yet, on one bar of signal): the kept copy, else keep waiting.
    const copy = await freshCopy(cache, request.url);
    if (copy) return copy;
    if (error instanceof Error && error.message === "timeout") return network;
    throw error;
  }
}

async function keepAssets(urls) {
  const cache = await caches.open(STATIC_CACHE);
  for (const href of urls) {
    const url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith("/_next/static/")) continue;
    if (await cache.match(url.href)) continue;
    try {
      const response = await fetch(url.href);
      if (response.ok) await put(cache, url.href, response, MAX_STATIC);
    } catch {
      // Offline already: it will be kept the next time it loads.
    }
  }
}

async function keepPage(href) {
  const url = new URL(href, self.location.origin);
  if (url.origin !== self.location.origin || url.pathname !== PAGE_PATH) return;
  const cache = await caches.open(PAGE_CACHE);
  const copy = await freshCopy(cache, url.href, 60 * 1000);
  if (copy) return;
  try {
    const response = await fetch(url.href, { credentials: "same-origin", redirect: "manual" });
    if (isSignedInPage(response)) await put(cache, url.href, response, MAX_PAGES);
  } catch {
    // No connection: nothing to keep.
  }
}

/** A page shown to a signed-in user: not a redirect to the sign-in page, not an error. */
function isSignedInPage(response) {
  return response.ok && response.type === "basic" && !response.redirected;
}

/** The kept copy of a page if it is younger than maxAge (its Date header says when it was made). */
async function freshCopy(cache, url, maxAge = PAGE_MAX_AGE_MS) {
  const copy = await cache.match(url, { ignoreVary: true });
  if (!copy) return null;
  const made = Date.parse(copy.headers.get("date") || "");
  if (Number.isNaN(made) || Date.now() - made > maxAge) {
    await cache.delete(url, { ignoreVary: true });
    return null;
  }
  return copy;
}

async function put(cache, key, response, max) {
  await cache.put(key, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(old);
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
