import bcrypt from "bcryptjs";

// bcryptjs: a vetted, dependency-free implementation (no native build on any platform).
// Cost 10 ≈ 60–80 ms per hash here: slow enough against guessing, fast enough for sign-in.
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
