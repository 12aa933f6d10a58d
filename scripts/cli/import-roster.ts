import { resolveDatabase } from "../lib/database";
import { runImportCommand } from "../../lib/imports/run-import-command";
import { importRosterForSchool, type RosterImportResult } from "../../lib/system/import-roster-core";

// `npm run cli -- import-roster --school <códigoModular> <archivo.csv|xlsx>`
// Runs as the system operator: no signed-in user, audit actor null, origin "cli" (see
// docs/decisions/005-import-pipeline.md).
export function run(args: string[]): Promise<number> {
  return runImportCommand<RosterImportResult>("import-roster", args, {
    allowMonth: false,
    usage: "npm run cli -- import-roster --school <código modular> <archivo.csv|xlsx>",
    empty: { created: 0, updated: 0, unchanged: 0 },
    openDatabase: resolveDatabase,
    core: (school, file, origin, onProgress) => importRosterForSchool(school, null, file, origin, onProgress),
  });
}
