"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { endUserSessionsAction, setUserActiveAction } from "@/lib/users/actions";
import { ZSetUserActiveSchema, ZUserRefSchema } from "@/lib/users/schema";

/** «Cerrar sesiones» and deactivate/reactivate for one account; each works before hydration too. */
export function UserActions({ userId, active, isSelf }: { userId: string; active: boolean; isSelf: boolean }) {
  const t = useTranslations("users.admin");
  const end = useActionForm({
    schema: ZUserRefSchema,
    action: endUserSessionsAction,
    defaultValues: {},
    bound: { userId },
  });
  const toggle = useActionForm({
    schema: ZSetUserActiveSchema,
    action: setUserActiveAction,
    defaultValues: {},
    bound: { userId, active: !active },
  });
  const ended = end.result?.ok ? end.result.data.sessionsEnded : null;
  return (
    <div className="flex flex-col gap-2 md:items-end">
      <div className="flex flex-wrap gap-2">
        <ActionForm form={end}>
          <Button type="submit" variant="secondary" disabled={end.pending}>
            {t("endSessions")}
          </Button>
        </ActionForm>
        {isSelf ? null : (
          <ActionForm form={toggle}>
            <Button type="submit" variant={active ? "danger" : "secondary"} disabled={toggle.pending}>
              {active ? t("deactivate") : t("reactivate")}
            </Button>
          </ActionForm>
        )}
      </div>
      <div role="status" className="text-sm">
        <FormStatus result={end.result} saved={ended === null ? undefined : t("sessionsEnded", { count: ended })} />
        <FormStatus
          result={toggle.result}
          saved={toggle.result?.ok ? (toggle.result.data.active ? t("reactivated") : t("deactivated")) : undefined}
        />
      </div>
    </div>
  );
}
