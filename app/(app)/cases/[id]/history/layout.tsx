import { ClientMessages } from "@/components/i18n/client-messages";

// The catalogue parts the history tab's client components read (the note form).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["cases.conflict", "cases.note"]}>{children}</ClientMessages>;
}
