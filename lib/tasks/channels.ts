// How an urgent referral was made; without zod, so the case page's form renders the choices
// without loading its schema (schema.ts) up front.
export const URGENT_REFERRAL_CHANNELS = ["PHONE", "IN_PERSON", "ACCOMPANIED", "WRITTEN", "OTHER"] as const;
