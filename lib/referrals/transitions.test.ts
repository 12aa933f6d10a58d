import { describe, expect, it } from "vitest";
import { renderError } from "../errors/render";
import { allowedMoves, checkReferralMove, type ReferralMove } from "./transitions";

const render = (check: ReturnType<typeof checkReferralMove>) =>
  check.ok ? "ok" : renderError("es", check.key, check.values);

describe("[REFERRALS] states of a referral", () => {
  it("lets the agency accept or reject a sent referral, start or close an accepted one, close one in progress", () => {
    expect(allowedMoves("SENT")).toEqual(["ACCEPT", "REJECT"]);
    expect(allowedMoves("ACCEPTED")).toEqual(["START", "CLOSE"]);
    expect(allowedMoves("IN_PROGRESS")).toEqual(["CLOSE"]);
    expect(allowedMoves("REJECTED")).toEqual([]);
    expect(allowedMoves("CLOSED")).toEqual([]);
  });

  it("refuses every other move with the allowed steps named", () => {
    expect(render(checkReferralMove("SENT", "CLOSE"))).toBe(
      "No se puede pasar una derivación de «Enviada» a «Cerrada». Pasos permitidos: «Aceptada», «Rechazada».",
    );
    expect(render(checkReferralMove("ACCEPTED", "REJECT"))).toBe(
      "No se puede pasar una derivación de «Aceptada» a «Rechazada». Pasos permitidos: «En atención», «Cerrada».",
    );
    expect(render(checkReferralMove("IN_PROGRESS", "ACCEPT"))).toContain("Pasos permitidos: «Cerrada».");
  });

  it("treats REJECTED and CLOSED as final", () => {
    for (const move of ["ACCEPT", "REJECT", "START", "CLOSE"] as ReferralMove[]) {
      expect(render(checkReferralMove("REJECTED", move))).toBe("La derivación está «Rechazada»: ya no admite cambios.");
      expect(render(checkReferralMove("CLOSED", move))).toBe("La derivación está «Cerrada»: ya no admite cambios.");
    }
  });
});
