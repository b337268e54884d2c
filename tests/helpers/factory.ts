// Test data that goes through the same tables the product uses. createApp mirrors
// what the create-app server action stores (lib/apps), without a browser.
import { randomUUID } from "node:crypto";
import { newWriteToken } from "@/lib/apps/write-token";
import { prisma } from "@/lib/db";

export async function createUser(email = `u-${randomUUID().slice(0, 8)}@example.com`) {
  return prisma().user.create({ data: { email, passwordHash: "x" } });
}

export async function createApp(opts: { ownerId?: string; name?: string; envs?: string[]; framework?: string } = {}) {
  const ownerId = opts.ownerId ?? (await createUser()).id;
  const envs = opts.envs ?? ["prod", "dev"];
  return prisma().app.create({
    data: {
      ownerId,
      name: opts.name ?? "Test app",
      framework: opts.framework ?? "fastapi",
      clientId: randomUUID(),
      writeToken: newWriteToken(),
      nextEnvId: envs.length + 1,
      environments: { create: envs.map((name, i) => ({ id: i + 1, name })) },
    },
    include: { environments: true },
  });
}
