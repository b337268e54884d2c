import bcrypt from "bcryptjs";

// ≈0.35 s per hash on our 2-core machines: slow for guessing, fine for a sign-in.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared against when the email is unknown, so a miss costs as long as a wrong password
// and response times don't reveal which emails have accounts. Made on first use, not at import.
let unknownUserHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(
    password,
    hash ?? (await (unknownUserHash ??= hashPassword("tallyhub-unknown-user"))),
  );
  return ok && hash !== null;
}
