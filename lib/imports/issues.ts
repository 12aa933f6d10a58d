import { AppError } from "../errors/app-error";
import type { ImportIssue } from "./types";

/** Errors kept per file; past this the file is refused anyway and more detail helps nobody. */
export const MAX_REPORTED_ISSUES = 1000;

/** Collects row errors up to a cap, counting the rest, so a hopeless 3M-row file stays cheap. */
export class IssueList {
  readonly items: ImportIssue[] = [];
  private extra = 0;

  add(row: number, column: string, message: string) {
    if (this.items.length < MAX_REPORTED_ISSUES) this.items.push({ row, column, message });
    else this.extra += 1;
  }

  get count(): number {
    return this.items.length + this.extra;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** The reported list, with one closing line when some were left out. */
  toArray(): ImportIssue[] {
    if (this.extra === 0) return [...this.items].sort(byRow);
    return [...this.items]
      .sort(byRow)
      .concat({ row: 0, column: "", message: `Hay ${this.extra} errores más que no se muestran.` });
  }
}

function byRow(a: ImportIssue, b: ImportIssue) {
  return a.row - b.row;
}

/** Refuses the whole file: AppError INVALID_INPUT carrying every row error. */
export function refuseIfIssues(issues: IssueList) {
  if (issues.isEmpty) return;
  throw new AppError("INVALID_INPUT", "import.refused", { count: issues.count }, issues.toArray());
}
