"use server";

import { defineAction } from "../actions/action";
import { markAllNotificationsRead, markNotificationRead } from "./mark-read";

// The header's unread count is in the app layout, so every change revalidates the layout.

export const markNotificationReadAction = defineAction("notification.read", markNotificationRead, {
  revalidate: [{ path: "/", type: "layout" }],
});

export const markAllNotificationsReadAction = defineAction("notification.readAll", markAllNotificationsRead, {
  revalidate: [{ path: "/", type: "layout" }],
});
