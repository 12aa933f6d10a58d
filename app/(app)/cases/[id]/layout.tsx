import { ClientMessages } from "@/components/i18n/client-messages";

// The catalogue parts this route's client components read (components/i18n/client-messages.tsx),
// as narrow as they ask: every message listed here is sent with each case page, twice.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "cases.conflict",
        "cases.note",
        "cases.stateForm",
        "cases.states",
        "cases.outcomes",
        "cases.team",
        "visits.attempt",
        "visits.done",
        "visits.labels",
        "risk.view",
        "risk.tasks",
        "referrals.case",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
