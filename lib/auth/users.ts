import { prisma } from "@/lib/db";
import { signUpSchema } from "@/lib/validations/auth";
import { invalid, parseInput, type Result } from "@/lib/validations/result";
import type { SessionUser } from "./credentials";
import { hashPassword } from "./password";

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists. Sign in instead.";

export async function registerUser(input: unknown): Promise<Result<SessionUser>> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.ok) return parsed;
  const { email, password, name } = parsed.value;
  if (await prisma().user.findUnique({ where: { email }, select: { id: true } })) {
    return invalid({ email: [DUPLICATE_EMAIL_MESSAGE] });
  }
  try {
    const user = await prisma().user.create({
      data: { email, name: name ?? null, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, name: true },
    });
    return { ok: true, value: user };
  } catch (e) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if ((e as { code?: string }).code === "P2002") return invalid({ email: [DUPLICATE_EMAIL_MESSAGE] });
    throw e;
  }
}
