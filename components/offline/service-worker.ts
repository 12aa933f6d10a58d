"use client";

// The page side of public/sw.js (docs/decisions/019-field-ready.md).

/** Must match PAGE_CACHE in public/sw.js. */
const PAGE_CACHE = "permanencia-attendance-pages";
/** Whose attendance pages the phone keeps: set on each signed-in page. */
const OWNER_KEY = "permanencia.dispositivo.usuario";

const supported = () =>
  process.env.NODE_ENV === "production" && typeof navigator !== "undefined" && "serviceWorker" in navigator;

/** Registers the worker and hands it the files this page loaded before it was in control. */
export async function registerServiceWorker(): Promise<void> {
  if (!supported()) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const registration = await navigator.serviceWorker.ready;
    const urls = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => name.includes("/_next/static/"));
    registration.active?.postMessage({ type: "keep-assets", urls });
  } catch {
    // No worker (private mode, an old browser): the app works online as before.
  }
}

/** Asks the worker to keep this attendance page for a reload without connection. */
export async function keepPageOffline(url: string): Promise<void> {
  if (!supported()) return;
  try {
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: "keep-page", url });
  } catch {
    // Nothing kept: the page still works online.
  }
}

/** Empties the kept attendance pages (sign-out, the sign-in page, another user on this phone). */
export async function forgetOfflinePages(): Promise<void> {
  try {
    if (typeof caches !== "undefined") await caches.delete(PAGE_CACHE);
  } catch {
    // No Cache API here: nothing was kept either.
  }
}

/** Forgets the kept pages when a different person signs in on this phone. */
export async function claimDevice(userId: string): Promise<void> {
  try {
    if (window.localStorage.getItem(OWNER_KEY) === userId) return;
    await forgetOfflinePages();
    window.localStorage.setItem(OWNER_KEY, userId);
  } catch {
    await forgetOfflinePages();
  }
}
