import type { ButtonHTMLAttributes } from "react";

// Buttons are at least 44 px tall (touch target on phones) and keep a visible focus ring.
// Their styles are the classes .btn and .btn-<variant> of app/globals.css: a list page can
// hold a hundred buttons, and each class list was sent twice per button (in the HTML and in
// the page's React payload). Classes passed as `extra` are utilities, which win over these.
const VARIANTS = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  danger: "btn-danger",
  ghost: "btn-ghost",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClasses(variant: ButtonVariant = "primary", extra = ""): string {
  return `btn ${VARIANTS[variant]} ${extra}`.trim();
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
