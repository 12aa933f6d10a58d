import { getTranslations } from "next-intl/server";
import { dialable, whatsappHref } from "@/lib/format/phone";

/**
 * A phone number that dials on tap and, for a mobile, opens WhatsApp: on a home visit or from
 * the case page the call is one tap away. Each link says what it does and to which number.
 */
export async function PhoneLinks({ phone, whom }: { phone: string; whom?: string }) {
  const t = await getTranslations("common.phone");
  const whatsapp = whatsappHref(phone);
  const link = "inline-flex min-h-11 items-center font-medium text-teal-800 underline underline-offset-2";
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3" data-testid="phone-links">
      <a
        href={`tel:${dialable(phone)}`}
        className={link}
        aria-label={whom ? t("callWhom", { phone, whom }) : t("call", { phone })}
      >
        {phone}
      </a>
      {whatsapp ? (
        <a
          href={whatsapp}
          target="_blank"
          rel="noopener noreferrer"
          className={`${link} text-sm`}
          aria-label={whom ? t("whatsappWhom", { phone, whom }) : t("whatsapp", { phone })}
        >
          WhatsApp
        </a>
      ) : null}
    </span>
  );
}
