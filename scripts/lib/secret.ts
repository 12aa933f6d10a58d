import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The secret that signs session cookies. A value written in the repository would let anyone who
// reaches a demo server mint a session for any demo user (their ids are the same everywhere),
// so there is none: development generates one per installation, production must bring its own.

const MIN_LENGTH = 32;

/** Values that once shipped in this repository; a server must never accept them. */
const KNOWN_PUBLIC_SECRETS = new Set([
  "permanencia-dev-secret-not-for-production",
  "permanencia-e2e-secret-not-for-production",
]);

export const newSecret = (): string => randomBytes(48).toString("base64url");

/**
 * This installation's development secret: read from `<dataDir>/nextauth-secret`, generated
 * (0600, git-ignored with the rest of `.data/`) on the first run.
 */
export function installationSecret(dataDir = path.join(process.cwd(), ".data")): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (secretProblem(stored) === null) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = newSecret();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Why a secret must be refused, in Spanish for the operator, or null when it is acceptable. */
export function secretProblem(secret: string | undefined): string | null {
  if (!secret) return "NEXTAUTH_SECRET no está definido.";
  if (KNOWN_PUBLIC_SECRETS.has(secret))
    return "NEXTAUTH_SECRET es un valor de desarrollo publicado; genere uno propio.";
  if (secret.length < MIN_LENGTH) return `NEXTAUTH_SECRET debe tener al menos ${MIN_LENGTH} caracteres.`;
  return null;
}
