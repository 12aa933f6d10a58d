import { createImportRoute } from "@/lib/imports/upload-route";
import { fieldText } from "@/lib/imports/wire";
import { importRoster, previewRosterImport } from "@/lib/students/import-roster";

// Upload endpoint of the roster import page (see lib/imports/upload-route.ts).
export const POST = createImportRoute({
  permission: "students.import",
  async preview(user, file, fields, onProgress) {
    const p = await previewRosterImport(
      user,
      { schoolCode: fieldText(fields, "schoolCode") ?? "", ...file },
      onProgress,
    );
    return {
      counts: [
        { key: "rows", value: p.rows },
        { key: "toCreate", value: p.toCreate },
        { key: "toUpdate", value: p.toUpdate },
        { key: "unchanged", value: p.unchanged },
      ],
      errors: p.errors,
      errorCount: p.errorCount,
    };
  },
  async commit(user, file, fields, origin, onProgress) {
    const r = await importRoster(
      user,
      { schoolCode: fieldText(fields, "schoolCode") ?? "", ...file },
      origin,
      onProgress,
    );
    return [
      { key: "created", value: r.created },
      { key: "updated", value: r.updated },
      { key: "unchanged", value: r.unchanged },
    ];
  },
});
