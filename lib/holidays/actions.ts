"use server";

import { defineAction } from "../actions/action";
import { addHoliday, removeHoliday } from "./holidays";

export const addHolidayAction = defineAction("holiday.add", addHoliday, { revalidate: ["/admin/holidays"] });
export const removeHolidayAction = defineAction("holiday.remove", removeHoliday, { revalidate: ["/admin/holidays"] });
