import { isAppError } from "../errors/app-error";
import {
  cliOrigin,
  parseImportArgs,
  readImportFile,
  stderrProgress,
  UsageError,
  type ImportArgs,
} from "./command-line";
import { findSchoolByCodeAsSystem, type ImportSchool } from "./school";
import type { ImportFile, ImportIssue, OnImportProgress } from "./types";
import type { RequestOrigin } from "../auth/types";

// The body of `npm run cli -- import-roster | import-attendance`: exit 0 with the JSON summary
// on stdout, 1 when the file (or the school) is refused — the summary then lists the errors —
// and 2 on usage errors. The database is the one `npm run dev` uses, opened by the command.

type Core<R> = (
  school: ImportSchool,
  file: ImportFile & { month?: string | null },
  origin: RequestOrigin,
  onProgress: OnImportProgress,
) => Promise<R>;

export async function runImportCommand<R>(
  command: string,
  args: string[],
  opts: {
    allowMonth: boolean;
    usage: string;
    empty: Omit<R, "errors">;
    /** scripts/lib/database's resolveDatabase: the dev database, migrated. */
    openDatabase: () => Promise<{ url: string; stop: () => Promise<void> }>;
    core: Core<R>;
  },
): Promise<number> {
  let parsed: ImportArgs;
  let file: ImportFile;
  try {
    parsed = parseImportArgs(args, opts);
    file = await readImportFile(parsed.file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\nUso: ${opts.usage}\n`);
    return 2;
  }
  const refused = (errors: ImportIssue[]) => {
    process.stdout.write(`${JSON.stringify({ ...opts.empty, errors }, null, 2)}\n`);
    return 1;
  };

  // lib/db and the import's pg connection both read DATABASE_URL: set it before first use.
  const database = await opts.openDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../db");
  try {
    const school = await findSchoolByCodeAsSystem(parsed.school);
    const result = await opts.core(school, { ...file, month: parsed.month }, cliOrigin(command), stderrProgress());
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      if (error.code !== "INVALID_INPUT") return refused([{ row: 0, column: "", message: error.message }]);
      process.stderr.write(`${error.message}\n`);
      return refused(error.issues.map((i) => ({ row: i.row ?? 0, column: i.column ?? "", message: i.message })));
    }
    process.stderr.write(`Error inesperado: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await db.$disconnect().catch(() => {});
    await database.stop();
  }
}
