import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";

// Which records a retention run covers, as SQL shared by the confirmation (counts) and the run.
//
// A case is due when it is CLOSED, not yet anonymised, and was closed before the cut-off.
// Its student is anonymised too when no longer enrolled (WITHDRAWN or TRANSFERRED) and every
// other case of theirs is already anonymised: an enrolled student stays on the school's roster
// by name, and a student with an open or recent case still has a file someone works.

type Reader = Pick<Tx, "$queryRaw">;

function dueCases(cutoff: Date): Prisma.Sql {
  return Prisma.sql`SELECT c.id, c."studentId" FROM case_file c
     WHERE c.state = 'CLOSED' AND c."anonymisedAt" IS NULL AND c."closedAt" < ${cutoff}`;
}

/** Students of `caseIds` (the due cases) whose record goes too. */
export function dueStudentsSql(caseIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT st.id FROM student st
     WHERE st.id IN (SELECT c."studentId" FROM case_file c WHERE c.id IN (${caseIds}))
       AND st."anonymisedAt" IS NULL
       AND st.status <> 'ACTIVE'
       AND NOT EXISTS (
         SELECT 1 FROM case_file o
          WHERE o."studentId" = st.id AND o."anonymisedAt" IS NULL AND o.id NOT IN (${caseIds}))`;
}

/** How many cases and students a run with this cut-off would anonymise now. */
export async function countDue(tx: Reader, cutoff: Date): Promise<{ cases: number; students: number }> {
  const due = Prisma.sql`SELECT d.id FROM (${dueCases(cutoff)}) d`;
  const [row] = await tx.$queryRaw<{ cases: number; students: number }[]>`
    SELECT (SELECT count(*) FROM (${dueCases(cutoff)}) d)::int AS cases,
           (SELECT count(*) FROM (${dueStudentsSql(due)}) s)::int AS students`;
  return row;
}

/** The due cases, locked until the transaction ends (a concurrent reopen waits or fails). */
export async function lockDueCases(tx: Reader, cutoff: Date): Promise<{ id: string; studentId: string }[]> {
  return tx.$queryRaw<{ id: string; studentId: string }[]>`
    SELECT c.id::text AS id, c."studentId"::text AS "studentId" FROM case_file c
     WHERE c.id IN (SELECT d.id FROM (${dueCases(cutoff)}) d)
     ORDER BY c.id
       FOR UPDATE`;
}
