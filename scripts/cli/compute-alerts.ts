import { computeAlerts } from "../../lib/alerts/compute";
import { createPrismaClient } from "../../lib/db";
import { resolveDatabase } from "../lib/database";

// `npm run cli -- compute-alerts [--school <códigoModular>]`
// Full recompute of the early-warning alerts; prints a JSON summary. Safe to run at any time
// and as often as wanted: an alert already open is never duplicated.
export async function run(args: string[]): Promise<number> {
  let code: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--school" && args[i + 1]) code = args[++i];
    else {
      console.error("Uso: npm run cli -- compute-alerts [--school <código modular>]");
      return 2;
    }
  }
  if (code !== undefined && !/^\d{7}$/.test(code)) {
    console.error(`Código modular inválido: "${code}" (7 dígitos).`);
    return 2;
  }
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  const db = createPrismaClient(database.url);
  try {
    let schoolId: string | undefined;
    if (code) {
      const school = await db.school.findUnique({ where: { codigoModular: code }, select: { id: true } });
      if (!school) {
        console.error(`No existe un colegio con código modular ${code}.`);
        return 1;
      }
      schoolId = school.id;
    }
    const started = performance.now();
    const summary = await computeAlerts(db, { schoolId }, { command: "compute-alerts" });
    const ms = Math.round(performance.now() - started);
    console.log(
      JSON.stringify({
        schools: summary.schoolsProcessed,
        studentsEvaluated: summary.studentsEvaluated,
        opened: summary.opened,
        stillOpen: summary.stillOpen,
        ms,
      }),
    );
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}
