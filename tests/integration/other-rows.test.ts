// The "(other)" rows (data past a cap, lib/store/caps.ts) are not the client's keys: the dashboard's actions
// refuse to remove the environment "(other)" (the next sync would recreate it) and to rename, group or hide the
// consumer "(other)", and an app with only "(other)" besides one environment still keeps that one.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma, sql } from "@/lib/db";
import { OTHER_ID, OTHER_LABEL } from "@/lib/model/other-row";
import { createApp, createUser } from "../helpers/factory";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));

const { removeEnvironment } = await import("@/lib/apps/environments");
const { renameConsumer } = await import("@/lib/consumers/rename");
const { setConsumerGroup } = await import("@/lib/consumers/group");
const { setConsumerHidden } = await import("@/lib/consumers/hide");

let ownerId: string;
let appId: number;

beforeAll(async () => {
  ownerId = (await createUser()).id;
  appId = (await createApp({ ownerId, envs: ["prod"] })).id;
  await sql().run(`INSERT INTO "Environment" ("appId", "id", "name") VALUES (?, ?, ?)`, [appId, OTHER_ID, OTHER_LABEL]);
  await sql().run(
    `INSERT INTO "Consumer" ("appId", "id", "identifier", "name", "firstSeen", "lastSeen") VALUES (?, ?, ?, ?, ?, ?)`,
    [appId, OTHER_ID, `${OTHER_LABEL} `, OTHER_LABEL, 1, 1],
  );
});

const envNames = async () =>
  (await prisma().environment.findMany({ where: { appId }, orderBy: { id: "asc" } })).map((e) => e.name);

describe("the environment (other)", () => {
  it("cannot be removed: the refusal says what it holds", async () => {
    expect(await removeEnvironment(ownerId, appId, { envId: OTHER_ID })).toEqual({
      ok: false,
      fieldErrors: { environment: ["Data for environments past the cap of 20: it cannot be removed."] },
    });
    expect(await envNames()).toEqual(["prod", OTHER_LABEL]);
  });

  it("does not count as the environment an app keeps", async () => {
    expect(await removeEnvironment(ownerId, appId, { envId: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { environment: ["An app needs at least one environment."] },
    });
    expect(await envNames()).toEqual(["prod", OTHER_LABEL]);
  });
});

describe("the consumer (other)", () => {
  it("cannot be renamed, grouped or hidden: it is as unknown as a made-up id", async () => {
    const notFound = { digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) };
    await expect(renameConsumer(ownerId, appId, { consumerId: OTHER_ID, name: "Mine" })).rejects.toMatchObject(
      notFound,
    );
    await expect(setConsumerGroup(ownerId, appId, { consumerId: OTHER_ID, group: "g" })).rejects.toMatchObject(
      notFound,
    );
    await expect(setConsumerHidden(ownerId, appId, { consumerId: OTHER_ID, hidden: true })).rejects.toMatchObject(
      notFound,
    );
    const [row] = await sql().all<{ name: string; groupId: number | null; hidden: unknown }>(
      `SELECT "name", "groupId", "hidden" FROM "Consumer" WHERE "appId" = ? AND "id" = ?`,
      [appId, OTHER_ID],
    );
    expect([row.name, row.groupId, Boolean(row.hidden)]).toEqual([OTHER_LABEL, null, false]);
  });

  it("gives no group its name: a group called (other) would pass for the groups past the cap", async () => {
    const [c] = await sql().all<{ id: number }>(
      `INSERT INTO "Consumer" ("appId", "id", "identifier", "firstSeen", "lastSeen") VALUES (?, 1, 'c-1', 1, 1) RETURNING "id"`,
      [appId],
    );
    expect(
      await setConsumerGroup(ownerId, appId, { consumerId: Number(c.id), group: ` ${OTHER_LABEL} ` }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { group: [expect.stringContaining("kept for groups past the app's cap")] },
    });
    const groups = await sql().all(`SELECT "id" FROM "ConsumerGroup" WHERE "appId" = ?`, [appId]);
    expect(groups).toEqual([]);
  });
});
