import es_common from "./es/common.json";
import es_auth from "./es/auth.json";
import es_home from "./es/home.json";
import es_admin from "./es/admin.json";
import es_students from "./es/students.json";
import es_attendance from "./es/attendance.json";
import es_alerts from "./es/alerts.json";
import es_cases from "./es/cases.json";
import es_visits from "./es/visits.json";
import es_risk from "./es/risk.json";
import es_referrals from "./es/referrals.json";
import es_reports from "./es/reports.json";
import es_notifications from "./es/notifications.json";
import es_errors from "./es/errors.json";
import es_users from "./es/users.json";
import en_common from "./en/common.json";
import en_auth from "./en/auth.json";
import en_home from "./en/home.json";
import en_admin from "./en/admin.json";
import en_students from "./en/students.json";
import en_attendance from "./en/attendance.json";
import en_alerts from "./en/alerts.json";
import en_cases from "./en/cases.json";
import en_visits from "./en/visits.json";
import en_risk from "./en/risk.json";
import en_referrals from "./en/referrals.json";
import en_reports from "./en/reports.json";
import en_notifications from "./en/notifications.json";
import en_errors from "./en/errors.json";
import en_users from "./en/users.json";
import type { AppLocale } from "./locales";

// Interface strings, one JSON file per domain namespace (messages/<locale>/<namespace>.json),
// so each feature owns its own file. Spanish (es-PE) is the default; English is a user setting.
export { DEFAULT_LOCALE, LOCALES, toLocale, type AppLocale } from "./locales";

const MESSAGES = {
  es: {
    common: es_common,
    auth: es_auth,
    home: es_home,
    admin: es_admin,
    students: es_students,
    attendance: es_attendance,
    alerts: es_alerts,
    cases: es_cases,
    visits: es_visits,
    risk: es_risk,
    referrals: es_referrals,
    reports: es_reports,
    notifications: es_notifications,
    errors: es_errors,
    users: es_users,
  },
  en: {
    common: en_common,
    auth: en_auth,
    home: en_home,
    admin: en_admin,
    students: en_students,
    attendance: en_attendance,
    alerts: en_alerts,
    cases: en_cases,
    visits: en_visits,
    risk: en_risk,
    referrals: en_referrals,
    reports: en_reports,
    notifications: en_notifications,
    errors: en_errors,
    users: en_users,
  },
} as const;

export function getMessages(locale: AppLocale) {
  return MESSAGES[locale];
}
