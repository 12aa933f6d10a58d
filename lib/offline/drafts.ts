// Drafts kept on the device while a save has not reached the server: the attendance marks of a
// section and day, the outcome of a visit. localStorage, one entry per draft, keyed by user so
// a shared phone never offers one person's draft to another; emptied at sign-in and sign-out
// and dropped after DRAFT_MAX_AGE_MS. Every function is a no-op where storage is unavailable
// (server rendering, private browsing, a full quota): the page then works as before, online.
// No zod here: the pages that keep drafts run on phones, which load zod only to check a form.

export const DRAFT_PREFIX = "permanencia.borrador.";
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

type Envelope = { v: 1; savedAt: number; data: unknown };

/** What a draft's data must look like to be used: the data itself, or null when it is not. */
export type DraftCheck<T> = (data: unknown) => T | null;

export function draftKey(kind: "asistencia" | "visita", userId: string, id: string): string {
  return `${DRAFT_PREFIX}${kind}.${userId}.${id}`;
}

/** The browser's localStorage, or null where it cannot be used. */
export function deviceStore(): Store | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** A stored draft's data if it passes `check` and is not expired (no side effects). */
export function parseDraft<T>(raw: string | null, check: DraftCheck<T>, now = Date.now()): T | null {
  if (raw === null) return null;
  const envelope = safeEnvelope(raw);
  if (!envelope || now - envelope.savedAt >= DRAFT_MAX_AGE_MS) return null;
  return check(envelope.data);
}

/** The draft under `key` if it passes `check` and is not expired; anything else is removed. */
export function loadDraft<T>(key: string, check: DraftCheck<T>, store = deviceStore(), now = Date.now()): T | null {
  if (!store) return null;
  try {
    const raw = store.getItem(key);
    const data = parseDraft(raw, check, now);
    if (raw !== null && data === null) store.removeItem(key);
    return data;
  } catch {
    return null;
  }
}

export function storeDraft(key: string, data: unknown, store = deviceStore(), now = Date.now()): boolean {
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify({ v: 1, savedAt: now, data }));
    return true;
  } catch {
    return false;
  }
}

export function dropDraft(key: string, store = deviceStore()): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to do: the draft stays until it expires.
  }
}

/** The user a draft key belongs to (see draftKey). */
function ownerOf(key: string): string | undefined {
  return key.slice(DRAFT_PREFIX.length).split(".")[1];
}

/** Keys of the drafts on this device, optionally only one user's. */
export function draftKeys(store = deviceStore(), userId?: string): string[] {
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(DRAFT_PREFIX) && (userId === undefined || ownerOf(key) === userId)) keys.push(key);
  }
  return keys;
}

/**
 * Removes drafts: every one (sign-out), or those of anyone but `keepUser` and the expired ones
 * (the first page after a sign-in: a shared phone keeps nobody else's draft).
 */
export function dropDrafts(opts: { keepUser?: string } = {}, store = deviceStore(), now = Date.now()): number {
  let dropped = 0;
  for (const key of draftKeys(store)) {
    if (opts.keepUser !== undefined && ownerOf(key) === opts.keepUser) {
      const envelope = safeEnvelope(store!.getItem(key));
      if (envelope && now - envelope.savedAt < DRAFT_MAX_AGE_MS) continue;
    }
    store!.removeItem(key);
    dropped++;
  }
  return dropped;
}

function safeEnvelope(raw: string | null): Envelope | null {
  try {
    const parsed: unknown = JSON.parse(raw ?? "");
    if (!parsed || typeof parsed !== "object") return null;
    const { v, savedAt, data } = parsed as Record<string, unknown>;
    return v === 1 && typeof savedAt === "number" ? { v, savedAt, data } : null;
  } catch {
    return null;
  }
}

/** A plain object (not null, not an array), for draft checks. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
