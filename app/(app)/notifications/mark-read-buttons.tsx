"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { ZMarkAllNotificationsReadSchema, ZMarkNotificationReadSchema } from "@/lib/notifications/schema";

/** "Marcar como leída" on one notification. */
export function MarkReadButton({ notificationId }: { notificationId: string }) {
  const t = useTranslations("notifications");
  const f = useActionForm({
    schema: ZMarkNotificationReadSchema,
    action: markNotificationReadAction,
    defaultValues: {},
    bound: { notificationId },
  });
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
  const f = useActionForm({
    schema: ZMarkAllNotificationsReadSchema,
    action: markAllNotificationsReadAction,
    defaultValues: {},
  });
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
