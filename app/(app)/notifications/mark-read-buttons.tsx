"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useBoundAction } from "@/components/forms/use-bound-action";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";

/** "Marcar como leída" on one notification. */
export function MarkReadButton({ notificationId }: { notificationId: string }) {
  const t = useTranslations("notifications");
  const f = useBoundAction(markNotificationReadAction, { notificationId });
  return (
    <ActionForm form={f}>
      <FormStatus result={f.result?.ok ? null : f.result} />
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {t("markRead")}
      </Button>
    </ActionForm>
  );
}

/**
 * "Marcar todas como leídas" above the list. Stays mounted once everything is read, so its
 * confirmation outlives the refresh that removes the button.
 */
export function MarkAllReadButton({ hasUnread }: { hasUnread: boolean }) {
  const t = useTranslations("notifications");
  const f = useBoundAction(markAllNotificationsReadAction, {});
  return (
    <ActionForm form={f} className="flex flex-col gap-2">
      <FormStatus result={f.result} saved={t("markedAll")} />
      {hasUnread ? (
        <Button type="submit" variant="secondary" disabled={f.pending}>
          {t("markAllRead")}
        </Button>
      ) : null}
    </ActionForm>
  );
}
