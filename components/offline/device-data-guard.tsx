"use client";

import { useEffect } from "react";
import { dropDrafts } from "@/lib/offline/drafts";
import { claimDevice, registerServiceWorker } from "./service-worker";

/**
 * Mounted once per signed-in page: a phone passed from one person to another keeps nobody
 * else's drafts or attendance pages, nobody keeps a draft past its age limit, and the service
 * worker that reopens the attendance sheet offline is registered.
 */
export function DeviceDataGuard({ userId }: { userId: string }) {
  useEffect(() => {
    dropDrafts({ keepUser: userId });
    void claimDevice(userId).then(registerServiceWorker);
  }, [userId]);
  return null;
}
