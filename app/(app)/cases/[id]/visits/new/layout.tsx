import { ClientMessages } from "@/components/i18n/client-messages";

// The catalogue parts this route's client components read (components/i18n/client-messages.tsx):
// the scheduling form's own, which the case page above does not send.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["visits.schedule", "visits.labels"]}>{children}</ClientMessages>;
}
