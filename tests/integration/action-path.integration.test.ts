import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAction } from "../../lib/actions/result";
import { loadSessionUser } from "../../lib/auth/session";
import type { SessionUser } from "../../lib/auth/types";
import { addCaseNote, changeCaseState } from "../../lib/cases/update-case";
import { toLocale } from "../../messages/locales";
import { buildScenario, type Scenario } from "../fixtures/scenario";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The reply of every server action (lib/actions/action.ts delegates to runAction once it has
// the session user, the request origin and the language the user chose). These run the real
// domain functions against the database, as an action does, minus Next's request objects.

let t: TestDatabase;
let s: Scenario;
let english: SessionUser;
const origin = { via: "web" as const };

beforeAll(async () => {
  t = await createTestDatabase();
  s = await buildScenario(t);
  // The language is the user's own setting; the session re-reads it like every other field.
  await t.db.user.update({ where: { id: s.users.socialWorker.id }, data: { locale: "en" } });
  english = (await loadSessionUser(s.users.socialWorker.id))!;
});
afterAll(async () => {
  await t.drop();
});

const version = async () => (await t.db.case.findUniqueOrThrow({ where: { id: s.cases.a.id } })).version;
const asAction = <T>(user: SessionUser, call: (user: SessionUser) => Promise<T>) =>
  runAction("test.action", toLocale(user.locale), () => call(user));

describe("[ACTIONS] one reply shape, in the caller's language", () => {
  it("an English-speaking user's conflict comes back in English; a Spanish speaker's in Spanish", async () => {
    expect(english.locale).toBe("en");
    // Both had the page open; the director saved first.
    const loaded = await version();
    await addCaseNote(s.users.directorA, { caseId: s.cases.a.id, version: loaded, body: "La madre vendrá" }, origin);
    const note = { caseId: s.cases.a.id, version: loaded, body: "Written on an old page" };
    expect(await asAction(english, (u) => addCaseNote(u, note, origin))).toEqual({
      ok: false,
      code: "CONFLICT",
      message:
        "Someone else changed this case while you were editing it. Reload to see the changes; your changes were not saved.",
      fieldErrors: {},
    });
    expect(await asAction(s.users.directorA, (u) => addCaseNote(u, note, origin))).toMatchObject({
      code: "CONFLICT",
      message:
        "Otra persona modificó este caso mientras usted lo editaba. Recargue para ver los cambios; sus cambios no se guardaron.",
    });
  });

  it("field errors, from the schema and from the domain, are in the caller's language", async () => {
    const empty = await asAction(english, async (u) =>
      addCaseNote(u, { caseId: s.cases.a.id, version: await version(), body: "  " }, origin),
    );
    expect(empty).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "Write the note.",
      fieldErrors: { body: "Write the note." },
    });
    const jump = await asAction(english, async (u) =>
      changeCaseState(u, { caseId: s.cases.a.id, version: await version(), to: "OPEN" }, origin),
    );
    expect(jump).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(jump.ok ? null : jump.fieldErrors.to).toMatch(/^A case cannot go from “\w+” to “Open”\. Allowed steps: /);
  });

  it("a success carries the domain's result", async () => {
    const before = await version();
    const saved = await asAction(english, (u) =>
      addCaseNote(u, { caseId: s.cases.a.id, version: before, body: "Called the mother" }, origin),
    );
    expect(saved).toMatchObject({ ok: true, data: { caseId: s.cases.a.id, version: before + 1 } });
  });

  it("anything but an AppError is logged and answered with the generic message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await runAction("case.note.add", "en", async () => {
      throw new Error("connection reset");
    });
    expect(result).toEqual({
      ok: false,
      code: "UNKNOWN",
      message:
        "The action could not be completed. Please try again; if the problem persists, tell the system administrator.",
      fieldErrors: {},
    });
    expect(log).toHaveBeenCalledWith("case.note.add failed", expect.any(Error));
    log.mockRestore();
  });

  it("lets the framework's own errors (a redirect) through", async () => {
    const redirect = new Error("NEXT_REDIRECT");
    const rethrow = (e: unknown) => {
      if (e === redirect) throw e;
    };
    await expect(runAction("x", "es", async () => Promise.reject(redirect), rethrow)).rejects.toBe(redirect);
  });
});
