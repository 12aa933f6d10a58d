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
        { key: "toInsert", value: p.toInsert },
        { key: "toUpdate", value: p.toUpdate },
        { key: "unchanged", value: p.unchanged },
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
      { key: "inserted", value: r.inserted },
      { key: "updated", value: r.updated },
      { key: "unchanged", value: r.unchanged },
    ];
  },
});
