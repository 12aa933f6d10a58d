import type { ReactNode } from "react";

// Success notes are polite (role="status"); errors interrupt (role="alert").
const TONES = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-slate-300 bg-slate-50 text-slate-800",
} as const;

export function Notice({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border-l-4 px-3 py-2 text-sm ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}
