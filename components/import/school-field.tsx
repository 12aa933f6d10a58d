import { controlClasses } from "@/components/ui/field";

/** The school an import goes to, posted as its código modular; a select only when there is a choice. */
export function SchoolField({ schools, label }: { schools: { codigoModular: string; name: string }[]; label: string }) {
  if (schools.length === 1) return <input type="hidden" name="schoolCode" value={schools[0].codigoModular} />;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="import-school" className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id="import-school" name="schoolCode" required className={controlClasses}>
        {schools.map((s) => (
          <option key={s.codigoModular} value={s.codigoModular}>
            {s.name} ({s.codigoModular})
          </option>
        ))}
      </select>
    </div>
  );
}
