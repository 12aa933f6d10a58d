import type { AttendanceStatus } from "../generated/prisma/enums";

export const STATUSES = ["PRESENT", "LATE", "UNJUSTIFIED", "JUSTIFIED"] as const satisfies readonly AttendanceStatus[];

/**
 * Attendance records in parallel typed arrays (≈9 bytes a row): 3 million rows stay ~30 MB
 * and the garbage collector never sees them. Also answers, per date, which row already gave
 * a student's status (duplicates) and which sections had class (AttendanceDay rows).
 */
export class AttendanceRows {
  count = 0;
  student: Int32Array;
  date: Int32Array;
  status: Uint8Array;
  readonly dates: string[] = [];
  private readonly dateIdx = new Map<string, number>();
  private readonly rowOf: Int32Array[] = [];
  private readonly sectionHadClass: Uint8Array[] = [];

  constructor(
    private readonly studentCount: number,
    private readonly groupCount: number,
    estimate: number,
    private readonly groupOf?: Int32Array,
  ) {
    const capacity = Math.max(1024, Math.min(estimate, 8_000_000));
    this.student = new Int32Array(capacity);
    this.date = new Int32Array(capacity);
    this.status = new Uint8Array(capacity);
  }

  dateIndex(iso: string): number {
    let i = this.dateIdx.get(iso);
    if (i === undefined) {
      i = this.dates.length;
      this.dates.push(iso);
      this.dateIdx.set(iso, i);
      this.rowOf.push(new Int32Array(this.studentCount));
      this.sectionHadClass.push(new Uint8Array(this.groupCount));
    }
    return i;
  }

  /** Adds a record; returns the row that already set this student's day, or 0. */
  add(student: number, dateIdx: number, status: number, row: number): number {
    const seen = this.rowOf[dateIdx];
    if (seen[student] !== 0) return seen[student];
    seen[student] = row;
    if (this.count === this.student.length) this.grow();
    const i = this.count++;
    this.student[i] = student;
    this.date[i] = dateIdx;
    this.status[i] = status;
    if (this.groupOf) this.sectionHadClass[dateIdx][this.groupOf[student]] = 1;
    return 0;
  }

  /** (section group, date) pairs present in the file. */
  sectionDays(): { group: number; date: string }[] {
    const out: { group: number; date: string }[] = [];
    this.sectionHadClass.forEach((groups, d) =>
      groups.forEach((had, group) => had && out.push({ group, date: this.dates[d] })),
    );
    return out;
  }

  /**
   * Record indexes grouped by student, students in the order `before(a, b)` gives (the
   * database's order of their ids), each student's records in file order: a stable counting
   * sort, O(records), one Int32Array. Only the students present are compared, so a small file
   * of a big school sorts a few dozen ids, not the whole directory.
   */
  studentOrder(before: (a: number, b: number) => boolean): Int32Array {
    const present = this.students().sort((a, b) => (before(a, b) ? -1 : 1));
    const rank = new Int32Array(this.studentCount);
    present.forEach((s, r) => (rank[s] = r));
    const start = new Int32Array(present.length + 1);
    for (let i = 0; i < this.count; i++) start[rank[this.student[i]] + 1]++;
    for (let r = 0; r < present.length; r++) start[r + 1] += start[r];
    const out = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) out[start[rank[this.student[i]]]++] = i;
    return out;
  }

  /** Indexes of the students with at least one record. */
  students(): number[] {
    const any = new Uint8Array(this.studentCount);
    for (let i = 0; i < this.count; i++) any[this.student[i]] = 1;
    const out: number[] = [];
    any.forEach((v, s) => v && out.push(s));
    return out;
  }

  private grow() {
    const size = this.student.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.student = grow(this.student, (n) => new Int32Array(n));
    this.date = grow(this.date, (n) => new Int32Array(n));
    this.status = grow(this.status, (n) => new Uint8Array(n));
  }
}
