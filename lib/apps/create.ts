import { randomUUID } from "node:crypto";
import { teamAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { createAppSchema } from "@/lib/validations/app";
import { ok, type Result } from "@/lib/validations/result";
import type { AppWithEnvironments } from "./access";
import { newWriteToken } from "./write-token";

/**
 * Creates an app in the team with its environments (ids 1..n), a fresh client ID and an OTLP write token. The client ID is a
 * lower-case canonical UUID v4, the only form the JS client accepts.
 */
export const createApp = teamAction(
  "configure",
  createAppSchema,
  async ({ team, input }): Promise<Result<AppWithEnvironments>> => {
    const { name, framework, environments } = input;
    // A nested create is one transaction: the app never exists without its environments.
    const app = await prisma().app.create({
      data: {
        teamId: team.id,
        name,
        framework,
        clientId: randomUUID(),
        writeToken: newWriteToken(),
        nextEnvId: environments.length + 1,
        envCount: environments.length,
        environments: { create: environments.map((envName, i) => ({ id: i + 1, name: envName })) },
      },
      include: { environments: { orderBy: { id: "asc" } } },
    });
    return ok(app);
  },
);
