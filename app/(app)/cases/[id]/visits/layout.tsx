import { ClientMessages } from "@/components/i18n/client-messages";

// The catalogue parts the visits tab's client components read (the contact attempt form, which may offer a change of state).
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["cases.conflict", "cases.states", "visits.attempt", "visits.done", "visits.labels"]}>
      {children}
    </ClientMessages>
  );
}
