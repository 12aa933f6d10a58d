import { describe, expect, it } from "vitest";
import {
  DRAFT_MAX_AGE_MS,
  draftKey,
  draftKeys,
  dropDraft,
  dropDrafts,
  isRecord,
  loadDraft,
  storeDraft,
} from "./drafts";

/** localStorage as the browser gives it, in memory. */
function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const ZMarks = (data: unknown) =>
  isRecord(data) && Object.values(data).every((v) => v === "PRESENT" || v === "LATE")
    ? (data as Record<string, "PRESENT" | "LATE">)
    : null;
const now = Date.parse("2026-11-27T13:00:00Z");

describe("[OFFLINE] drafts kept on the device", () => {
  it("round-trips a draft under a key that names the user", () => {
    const store = memoryStore();
    const key = draftKey("asistencia", "user-1", "school:2:A:2026-11-27");
    expect(key).toBe("permanencia.borrador.asistencia.user-1.school:2:A:2026-11-27");
    storeDraft(key, { s1: "LATE" }, store, now);
    expect(loadDraft(key, ZMarks, store, now + 1000)).toEqual({ s1: "LATE" });
    expect(loadDraft(draftKey("asistencia", "user-2", "school:2:A:2026-11-27"), ZMarks, store, now)).toBeNull();
    dropDraft(key, store);
    expect(store.map.size).toBe(0);
  });

  it("drops an expired or unreadable draft when it is read", () => {
    const store = memoryStore();
    storeDraft("permanencia.borrador.a", { s1: "LATE" }, store, now);
    store.setItem("permanencia.borrador.b", "{not json");
    storeDraft("permanencia.borrador.c", { s1: "AUSENTE" }, store, now);
    expect(loadDraft("permanencia.borrador.a", ZMarks, store, now + DRAFT_MAX_AGE_MS)).toBeNull();
    expect(loadDraft("permanencia.borrador.c", ZMarks, store, now)).toBeNull();
    expect(store.map.has("permanencia.borrador.a")).toBe(false);
    expect(store.map.has("permanencia.borrador.c")).toBe(false);
  });

  it("after a sign-in only the user's own fresh drafts stay; sign-out empties every draft", () => {
    const store = memoryStore();
    storeDraft(draftKey("visita", "ana", "v1"), {}, store, now);
    storeDraft(draftKey("asistencia", "ana", "old"), {}, store, now - DRAFT_MAX_AGE_MS - 1);
    storeDraft(draftKey("asistencia", "beto", "s1"), {}, store, now);
    store.setItem("other", "x");
    expect(draftKeys(store, "ana")).toHaveLength(2);
    expect(dropDrafts({ keepUser: "ana" }, store, now)).toBe(2);
    expect([...store.map.keys()].sort()).toEqual(["other", "permanencia.borrador.visita.ana.v1"]);
    expect(dropDrafts({}, store, now)).toBe(1);
    expect([...store.map.keys()]).toEqual(["other"]);
  });

  it("does nothing without storage (server rendering, private browsing)", () => {
    expect(storeDraft("k", {}, null)).toBe(false);
    expect(loadDraft("k", ZMarks, null)).toBeNull();
    expect(dropDrafts({}, null)).toBe(0);
  });
});
