import type { Count } from "@/lib/reports/table-model";

/** A chart bar's length (0 for a hidden figure, whose label then says why) and its label. */
export function bar(value: Count, format: (n: number) => string): { value: number; label: string } {
  if (value === "suppressed") return { value: 0, label: "< 5" };
  if (value === "withheld") return { value: 0, label: "*" };
  return { value, label: format(value) };
}
