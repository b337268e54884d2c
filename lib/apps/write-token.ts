// The OTLP write token: apt_ + 24 alphanumerics (Apitally's format), a write-only credential
// like the client ID. Apps created before OTLP get one the first time their Setup page shows.
import { randomInt } from "node:crypto";
import { prisma } from "@/lib/db";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function newWriteToken(): string {
  let token = "apt_";
  for (let i = 0; i < 24; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

export async function ensureWriteToken(app: { id: number; writeToken: string | null }): Promise<string> {
  if (app.writeToken) return app.writeToken;
  // Only where none is set, so two first views at once agree on one token.
  await prisma().app.updateMany({ where: { id: app.id, writeToken: null }, data: { writeToken: newWriteToken() } });
  const { writeToken } = await prisma().app.findUniqueOrThrow({ where: { id: app.id }, select: { writeToken: true } });
  return writeToken!;
}
