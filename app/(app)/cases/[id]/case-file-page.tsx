import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { tabClasses } from "@/components/ui/tabs";
import { getRequestOrigin } from "@/lib/auth/origin";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { getCaseFileOrThrow, type CaseFile } from "@/lib/cases/case-file";
import { CASE_PARTS, casePartPath, type CasePart } from "@/lib/cases/paths";
import { isAppError } from "@/lib/errors/app-error";
import { StateBadge, studentFullName } from "../state-badge";

// The case file is shown in parts, one page each (the overview, the history, visits,
// evaluations, referrals): each page reads and renders only its own part, so a phone opens
// a short page and the server does a part of the work (decision 017, seventh round).

/**
 * The signed-in user and their view of one part of the case. An id out of reach is a 404, and
 * so is a part whose section the viewer may not see (its tab is not shown either).
 */
export async function loadCasePart(id: string, part: CasePart): Promise<{ user: SessionUser; file: CaseFile }> {
  const user = await requireUser();
  let file: CaseFile;
  try {
    file = await getCaseFileOrThrow(user, id, await getRequestOrigin(), { part });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  if (!visibleParts(file).includes(part)) notFound();
  return { user, file };
}

/** The parts this viewer may open, in the tabs' order. */
function visibleParts(file: CaseFile): CasePart[] {
  return CASE_PARTS.filter((part) => {
    if (part === "visits") return file.sections.includes("HOME_VISITS");
    if (part === "evaluations") return file.sections.includes("RISK_SUMMARY");
    if (part === "referrals") return file.access !== "AGENCY" || file.referrals.length > 0;
    return true;
  });
}

/** Back and print links, the title with the case's state, and the tabs of the parts. */
export async function CaseFileHeader({ file }: { file: CaseFile }) {
  const [t, tc] = await Promise.all([getTranslations("cases.file"), getTranslations("cases.states")]);
  const c = file.case;
  const name = file.student ? studentFullName(file.student) : null;
  const current = file.part ?? "overview";
  return (
    <>
      <div className="flex flex-wrap gap-x-4 text-sm">
        <Link prefetch={false} href="/cases" className="text-teal-800 underline underline-offset-2">
          {t("back")}
        </Link>
        <Link prefetch={false} href={`/cases/${c.id}/print`} className="text-teal-800 underline underline-offset-2">
          {t("print")}
        </Link>
      </div>
      <PageHeader
        title={name ? t("title", { name }) : t("titleAnonymous")}
        description={
          <span className="flex flex-wrap items-center gap-2" data-testid="case-state">
            <StateBadge state={c.state} label={tc(c.state)} />
            <span>{c.school.name}</span>
          </span>
        }
      />
      <nav aria-label={t("tabs.label")} className="-mt-2 flex flex-wrap gap-2" data-testid="case-tabs">
        {visibleParts(file).map((part) => (
          <Link
            prefetch={false}
            key={part}
            href={casePartPath(c.id, part)}
            aria-current={part === current ? "page" : undefined}
            className={tabClasses(part === current)}
          >
            {part === "referrals" && file.referrals.length
              ? t("tabs.referralsCount", { count: file.referrals.length })
              : t(`tabs.${part}`)}
          </Link>
        ))}
      </nav>
    </>
  );
}
