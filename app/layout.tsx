import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import "./globals.css";

export const metadata: Metadata = {
  // Each page names itself ("Alertas · Permanencia"): tabs and history say where the user was.
  title: { default: "Permanencia", template: "%s · Permanencia" },
  description: "Expediente compartido para prevenir la deserción escolar",
  icons: { icon: "/icon.svg" },
};
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#115e59" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === "en" ? "en" : "es-PE"}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
