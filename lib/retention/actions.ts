"use server";

import { defineAction } from "../actions/action";
import { anonymiseExpiredCases } from "./anonymise";
import { updateRetentionYears } from "./settings";

// Server actions of /admin/retention; the rules live in settings.ts and anonymise.ts. Both go
// back to the page with the outcome in the URL, so they work before the page hydrates too.

export const updateRetentionYearsAction = defineAction("retention.settings.update", updateRetentionYears, {
  revalidate: ["/admin/retention"],
  redirect: () => "/admin/retention?saved=1",
});

export const anonymiseExpiredCasesAction = defineAction("retention.anonymise", anonymiseExpiredCases, {
  revalidate: ["/admin/retention", "/cases", "/students", "/reports"],
  redirect: ({ cases, students }) => `/admin/retention?done=${cases}&students=${students}`,
});
