import { ClientMessages } from "@/components/i18n/client-messages";

// The catalogue parts the evaluations tab and an evaluation's pages read on the client.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["cases.conflict", "risk.view", "risk.tasks"]}>{children}</ClientMessages>;
}
