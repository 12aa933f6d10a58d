import { describe, expect, it } from "vitest";
import { CASE_STATES, checkTransition } from "../cases/transitions";
import { nextWorkday } from "../attendance/calendar";
import { offerStateMove } from "./next-step";

describe("[VISITS] the next case state offered after a contact", () => {
  it("a first successful contact offers OPEN → CONTACTING and CONTACTING → EVALUATION", () => {
    expect(offerStateMove({ state: "OPEN", contactMade: true, firstContact: true })).toEqual({
      from: "OPEN",
      to: "CONTACTING",
    });
    expect(offerStateMove({ state: "CONTACTING", contactMade: true, firstContact: true })).toEqual({
      from: "CONTACTING",
      to: "EVALUATION",
    });
  });

  it("a failed attempt offers to start contacting an OPEN case, and nothing once contacting", () => {
    expect(offerStateMove({ state: "OPEN", contactMade: false, firstContact: false })).toEqual({
      from: "OPEN",
      to: "CONTACTING",
    });
    expect(offerStateMove({ state: "CONTACTING", contactMade: false, firstContact: false })).toBeNull();
  });

  it("a contact that is not the first offers nothing beyond starting to contact", () => {
    expect(offerStateMove({ state: "CONTACTING", contactMade: true, firstContact: false })).toBeNull();
    expect(offerStateMove({ state: "OPEN", contactMade: true, firstContact: false })).toEqual({
      from: "OPEN",
      to: "CONTACTING",
    });
  });

  it("offers nothing from evaluation onwards or on a closed case", () => {
    for (const state of ["EVALUATION", "INTERVENTION", "MONITORING", "CLOSED"] as const) {
      for (const contactMade of [true, false])
        expect(offerStateMove({ state, contactMade, firstContact: contactMade })).toBeNull();
    }
  });

  it("every offer is a step the state machine accepts without reason or outcome", () => {
    for (const state of CASE_STATES) {
      for (const [contactMade, firstContact] of [
        [true, true],
        [true, false],
        [false, false],
      ] as const) {
        const offer = offerStateMove({ state, contactMade, firstContact });
        if (offer) expect(checkTransition({ from: offer.from, to: offer.to })).toEqual({ ok: true, kind: "FORWARD" });
      }
    }
  });
});

describe("[VISITS] the day offered for a next attempt", () => {
  it("is the next Monday to Friday, across a weekend and a month end", () => {
    expect(nextWorkday("2026-11-25")).toBe("2026-11-26"); // Wednesday → Thursday
    expect(nextWorkday("2026-11-27")).toBe("2026-11-30"); // Friday → Monday
    expect(nextWorkday("2026-11-28")).toBe("2026-11-30"); // Saturday → Monday
    expect(nextWorkday("2026-12-31")).toBe("2027-01-01"); // Thursday → Friday
  });
});
