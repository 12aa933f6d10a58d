import { ClientMessages } from "@/components/i18n/client-messages";

// The catalogue parts this route's client components read (components/i18n/client-messages.tsx).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["admin.referralDeadlines"]}>{children}</ClientMessages>;
}
