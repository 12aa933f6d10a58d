import { ClientMessages } from "@/components/i18n/client-messages";

// The catalogue parts the case overview's client components read (components/i18n/client-messages.tsx),
// as narrow as they ask: every message listed here is sent with each case page, twice. The
// history, visits and evaluations tabs have their own (history/, visits/, evaluations/layout.tsx).
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "cases.conflict",
        "cases.stateForm",
        "cases.states",
        "cases.outcomes",
        "cases.team",
        "risk.tasks",
        "referrals.case",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
