import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * A page's generateMetadata from a catalogue entry: the tab reads "Alertas · Permanencia"
 * (the template is in app/layout.tsx). Titles never carry a student's name: tab titles end up
 * in the browser history and on shared screens.
 */
export function titleFrom(namespace: string, key: string) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = (await getTranslations(namespace as never)) as unknown as (key: string) => string;
    return { title: t(key) };
  };
}
