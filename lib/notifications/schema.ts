import { z } from "zod";
import { errorKey } from "../errors/keys";
import { pageParam } from "../lists/params";

// Inputs of the notifications page: its URL filters and the two "mark as read" buttons.

export const ZNotificationListFilters = z.object({ page: pageParam });
export type TNotificationListFilters = z.infer<typeof ZNotificationListFilters>;

export const ZMarkNotificationReadSchema = z.object({
  notificationId: z.guid({ error: errorKey("notification.notFound") }),
});
export type TMarkNotificationReadSchema = z.infer<typeof ZMarkNotificationReadSchema>;

export const ZMarkAllNotificationsReadSchema = z.object({}).loose();
