import { describe, expect, it } from "vitest";
import { CASE_STATES, checkTransition } from "../cases/transitions";
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
