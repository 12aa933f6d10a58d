import { z } from "zod";

// Shared by the login form (client) and the credentials provider (server): one schema, and
// the Spanish messages the provider throws so the form can tell them apart.

/** Field messages are keys under `auth.errors` in messages/<locale>/auth.json. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(254, "emailInvalid").pipe(z.email("emailInvalid")),
  password: z.string().min(1, "passwordRequired").max(200, "passwordRequired"),
});

export type SignInInput = z.infer<typeof signInSchema>;

/**
 * The only messages sign-in ever answers with. Unknown email, wrong password and inactive
 * account share one message, so the answer never tells whether an account exists.
 */
export const SIGN_IN_ERRORS = {
  invalidCredentials: "Correo o contraseña incorrectos.",
  rateLimited: "Demasiados intentos de inicio de sesión. Espere 15 minutos e inténtelo de nuevo.",
} as const;

export type SignInErrorKey = keyof typeof SIGN_IN_ERRORS;

export function signInErrorKey(message: string | null | undefined): SignInErrorKey {
  return message === SIGN_IN_ERRORS.rateLimited ? "rateLimited" : "invalidCredentials";
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
