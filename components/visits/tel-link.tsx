/** A phone number that dials on tap; the label says whom it calls. */
export function TelLink({ phone, label, className = "" }: { phone: string; label: string; className?: string }) {
  const dial = phone.replace(/[^\d+]/g, "");
  return (
    <a
      href={`tel:${dial}`}
      aria-label={label}
      className={`inline-flex min-h-11 items-center font-medium text-teal-800 underline underline-offset-2 ${className}`}
    >
      {phone}
    </a>
  );
}
