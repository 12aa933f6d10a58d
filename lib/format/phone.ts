// Phone numbers as families give them: "987 654 321", "+51 987-654-321", "(044) 23-4567".

/** What a tel: link dials: the digits, and a leading + if there was one. */
export function dialable(phone: string): string {
  const trimmed = phone.trim();
  return `${trimmed.startsWith("+") ? "+" : ""}${trimmed.replace(/\D/g, "")}`;
}

/**
 * A WhatsApp link (https://wa.me/51…) for a Peruvian mobile — nine digits starting with 9,
 * with or without the country code — or null: a landline has no WhatsApp.
 */
export function whatsappHref(phone: string): string | null {
  let digits = phone.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("51")) digits = digits.slice(2);
  return /^9\d{8}$/.test(digits) ? `https://wa.me/51${digits}` : null;
}
