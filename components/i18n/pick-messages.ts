type Messages = { [key: string]: string | Messages };

/** The parts of a catalogue named by dotted paths ("cases", "risk.tasks"), in their places. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: string | Messages | undefined = messages;
    for (const k of keys) from = typeof from === "object" ? from[k] : undefined;
    if (from === undefined) continue;
    let to = out;
    keys.slice(0, -1).forEach((k) => {
      const next = to[k];
      to = (to[k] = typeof next === "object" ? next : {}) as Messages;
    });
    const last = keys[keys.length - 1];
    const existing = to[last];
    // A path inside one already picked ("risk" then "risk.tasks") adds nothing new.
    if (typeof existing === "object" && typeof from === "object") to[last] = { ...from, ...existing };
    else to[last] = from;
  }
  return out;
}
