import { ClientMessages } from "@/components/i18n/client-messages";

// The edit form reads the whole roster catalogue (its fields, document types, levels); the
// record page above it hands its own client components only the status change's part.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["students"]}>{children}</ClientMessages>;
}
