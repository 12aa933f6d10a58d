import "server-only";
// Writes nobody asked for at that moment — default rules a school gets at its first recompute,
// alerts the engine raises — are audited like any other change, with no actor (actorId and
// actorRole NULL) and an origin that names what did the work: the job or the operator command.
// Entries written on behalf of a signed-in user keep that user as the actor instead.

/** The actor of a system write: nobody. */
export const SYSTEM_ACTOR = null;

/** What performed a system write: a queued job (by queue name) or an operator command. */
export type SystemSource = { job: string } | { command: string };

/** The audit `origin` text of a system write, e.g. "system | job:alerts.recompute-students". */
export function systemOrigin(source?: SystemSource): string {
  if (!source) return "system";
  return "job" in source ? `system | job:${source.job}` : `system | cli:${source.command}`;
}
