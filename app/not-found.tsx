import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main id="contenido" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-4 py-12">
      <p className="text-sm font-semibold text-teal-800">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("body")}</p>
      <Link prefetch={false} href="/" className={buttonClasses("secondary")}>
        {t("back")}
      </Link>
    </main>
  );
}
