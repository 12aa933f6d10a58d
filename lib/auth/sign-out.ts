import "server-only";
import type { JWT } from "next-auth/jwt";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { sessionClaims } from "./session-policy";
import { revokeSession } from "./sessions";
import type { RequestOrigin } from "./types";

/**
 * Sign-out: ends the token's session in the database (every copy of the cookie, wherever it
 * was copied to), audited. next-auth's signOut event calls it before clearing the cookie.
 */
export async function endSession(token: JWT | null | undefined, origin: RequestOrigin): Promise<boolean> {
  const claims = sessionClaims(token);
  if (!claims || !token?.role) return false;
  const role = token.role;
  return db.$transaction(async (tx) => {
    const ended = await revokeSession(tx, claims.id, claims.sid);
    if (ended) {
      await writeAudit(
        tx,
        { id: claims.id, role },
        { action: "auth.signout", entity: "User", entityId: claims.id },
        origin,
      );
    }
    return ended;
  });
}
