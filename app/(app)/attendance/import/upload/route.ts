import { createImportRoute } from "@/lib/imports/upload-route";
import { fieldText } from "@/lib/imports/wire";
import { importAttendance, previewAttendanceImport } from "@/lib/attendance/import-attendance";

// Upload endpoint of the attendance import page (see lib/imports/upload-route.ts).
export const POST = createImportRoute({
  permission: "attendance.import",
  async preview(user, file, fields, onProgress) {
    const input = { schoolCode: fieldText(fields, "schoolCode") ?? "", month: fieldText(fields, "month"), ...file };
    const p = await previewAttendanceImport(user, input, onProgress);
    return {
      counts: [
        { key: "rows", value: p.rows },
        { key: "days", value: p.days },
        // Attendance records, not students: their own labels (students.importWizard.counts).
        { key: "recordsToInsert", value: p.toInsert },
        { key: "recordsToUpdate", value: p.toUpdate },
        { key: "recordsUnchanged", value: p.unchanged },
      ],
      errors: p.errors,
      errorCount: p.errorCount,
    };
  },
  async commit(user, file, fields, origin, onProgress) {
    const input = { schoolCode: fieldText(fields, "schoolCode") ?? "", month: fieldText(fields, "month"), ...file };
    const r = await importAttendance(user, input, origin, onProgress);
    return [
      { key: "days", value: r.days },
      { key: "recordsInserted", value: r.inserted },
      { key: "recordsUpdated", value: r.updated },
      { key: "recordsUnchanged", value: r.unchanged },
    ];
  },
});
