// API keys of a team for the data API (/api/v1). The key is shown once, at creation; only its SHA-256 is kept,
// with a short prefix to tell keys apart in lists. A key reads every app of its team, or only the apps it names.
import { z } from "zod";
import { teamAction } from "@/lib/actions/app-action";
import { hashSecret, newSecret } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db";
import { invalid, ok } from "@/lib/validations/result";

export const API_KEY_PREFIX = "thk_";

export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Give the key a name." })
    .trim()
    .min(1, { error: "Give the key a name." })
    .max(64, { error: "Use at most 64 characters." }),
  /** App ids, comma-separated (a form sends them so); empty: every app of the team. */
  appIds: z
    .string()
    .trim()
    .max(2000)
    .regex(/^(\d{1,10}(\s*,\s*\d{1,10})*)?$/, { error: "List app ids separated by commas, or leave it empty." })
    .transform((s) => (s ? [...new Set(s.split(",").map((x) => Number(x.trim())))] : null)),
});

export const createApiKey = teamAction("configure", createApiKeySchema, async ({ userId, team, input }) => {
  if (input.appIds) {
    const found = await prisma().app.count({ where: { teamId: team.id, id: { in: input.appIds } } });
    if (found !== input.appIds.length) return invalid({ appIds: ["Every app must be one of this team's."] });
  }
  const key = newSecret(API_KEY_PREFIX);
  const row = await prisma().apiKey.create({
    data: {
      teamId: team.id,
      name: input.name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      hash: hashSecret(key),
      appIds: input.appIds ? JSON.stringify(input.appIds) : null,
      createdById: userId,
    },
  });
  return ok({ id: row.id, name: row.name, key });
});

export const revokeApiKey = teamAction(
  "configure",
  z.object({ keyId: z.string().min(1).max(64) }),
  async ({ team, input }) => {
    const { count } = await prisma().apiKey.updateMany({
      where: { id: input.keyId, teamId: team.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count === 0 ? invalid({}, "That key was already revoked.") : ok({ id: input.keyId });
  },
);

export async function listApiKeys(teamId: string) {
  const rows = await prisma().apiKey.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, appIds: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((k) => ({ ...k, appIds: parseAppIds(k.appIds) }));
}

function parseAppIds(text: string | null): number[] | null {
  if (!text) return null;
  const parsed = z.array(z.number().int()).safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}

export interface ApiKeyScope {
  keyId: string;
  teamId: string;
  /** The apps it may read; null: all of the team's. */
  appIds: number[] | null;
}

/** The key's scope if it is a live key, else null. Marks it used (at most once a minute, to spare writes). */
export async function authenticateApiKey(key: string, now = new Date()): Promise<ApiKeyScope | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const row = await prisma().apiKey.findUnique({ where: { hash: hashSecret(key) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await prisma().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { keyId: row.id, teamId: row.teamId, appIds: parseAppIds(row.appIds) };
}
