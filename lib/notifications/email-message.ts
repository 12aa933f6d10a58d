import { createTranslator } from "use-intl/core";
import notificationsEn from "../../messages/en/notifications.json";
import notificationsEs from "../../messages/es/notifications.json";
import type { AppLocale } from "../../messages/locales";

// The email that tells a user there is something to look at. It never names the child, the
// case, the school, the agency or what happened: an inbox is not a safe place for any of it
// (docs/decisions/014). Only the reader's own name and a link to their notifications.

export type NotificationEmail = { subject: string; text: string };

const CATALOGUES = { es: notificationsEs, en: notificationsEn } as const;

export function notificationEmail(locale: AppLocale, recipientName: string, appUrl: string): NotificationEmail {
  const t = createTranslator({ locale, messages: { n: CATALOGUES[locale] }, namespace: "n.email" });
  const url = `${appUrl}/notifications`;
  return {
    subject: t("subject"),
    text: [t("greeting", { name: recipientName }), "", t("body"), "", t("link", { url }), "", t("footer")].join("\n"),
  };
}
