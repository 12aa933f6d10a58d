"use client";

import { useEffect } from "react";
import { forgetOfflinePages } from "./service-worker";

/** On the sign-in page: whoever signs in next finds no attendance page kept from before. */
export function ForgetOfflinePages() {
  useEffect(() => {
    void forgetOfflinePages();
  }, []);
  return null;
}
