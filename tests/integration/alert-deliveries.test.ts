// Notification channels and the outbox sender against real receivers, on both databases: an HTTP server in this
// process records the Slack, Teams and webhook calls (checking the webhook's HMAC), a real SMTP server
// (smtp-server) receives the email. Failing, hanging and deleted channels, retries with backoff, two senders at
// once, the "send test" button and the channel actions through the guard.
//
// The sender takes every due row of the database, so each test works at its own time, years apart and earlier
// than the one before: rows another test left pending are never due in the next.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyWebhook } from "@/lib/alerts/channels/webhook";
import type { AlertNotice } from "@/lib/alerts/notice";
import { enqueueNotice } from "@/lib/alerts/outbox";
import { sql } from "@/lib/db";
import { addMember, createApp, createUser } from "../helpers/factory";
import { startSmtp, type ReceivedMail } from "../helpers/smtp";

const overrides: Record<string, unknown> = {};
vi.mock("@/lib/settings", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/settings")>();
  return { ...real, settings: () => ({ ...real.settings(), ...overrides }) };
});
vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));

const { runDeliveries, BACKOFF_S, MAX_ATTEMPTS } = await import("@/lib/alerts/deliver");
const { createChannel, deleteChannel, rotateWebhookSecret, setChannelEnabled } =
  await import("@/lib/alerts/manage-channels");
const { testChannel } = await import("@/lib/alerts/test-channel");
const { listChannels, listChannelOptions } = await import("@/lib/queries/alert-channels");
const { listDeliveries } = await import("@/lib/queries/alert-deliveries");

// ---- the receivers ----

interface Hit {
  path: string;
  body: string;
  headers: IncomingMessage["headers"];
}
const hits: Hit[] = [];
/** Webhook secrets by receiver path, to check signatures with. */
const secrets = new Map<string, string>();
/** Per path: how many of the first calls answer 500. */
const failFirst = new Map<string, number>();
const hanging = new Set<ServerResponse>();
let http: Server;
let httpBase: string;

let mails: ReceivedMail[];
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let smtpPort: number;

beforeAll(async () => {
  http = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const path = req.url ?? "";
      hits.push({ path, body, headers: req.headers });
      if (path.startsWith("/hang")) return void hanging.add(res);
      const fails = failFirst.get(path) ?? 0;
      if (fails > 0) {
        failFirst.set(path, fails - 1);
        res.writeHead(500).end("receiver broke");
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  httpBase = `http://127.0.0.1:${(http.address() as { port: number }).port}`;

  smtp = await startSmtp();
  smtpPort = smtp.port;
  mails = smtp.received;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await smtp.close();
});

beforeEach(() => {
  overrides.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  overrides.SMTP_FROM = "Tallyhub <alerts@example.com>";
});

// ---- helpers ----

/** Epoch ms of test k: years apart, each earlier than the last. */
const timeOf = (k: number) => (1_600_000_000 - k * 50_000_000) * 1000;

async function adminWithApp() {
  const owner = await createUser();
  const app = await createApp({ ownerId: owner.id, name: "Shop API" });
  return { owner, app };
}

async function channel(userId: string, appId: number, input: Record<string, string>) {
  const r = await createChannel(userId, appId, input);
  if (!r.ok) throw new Error(JSON.stringify(r));
  if (r.value.secret) secrets.set(new URL(input.url).pathname, r.value.secret);
  return r.value.id;
}

function notice(appId: number, kind: AlertNotice["kind"], atMs: number): AlertNotice {
  return {
    kind,
    app: { id: appId, name: "Shop API" },
    env: "prod",
    rule: {
      id: "rule-1",
      name: "Checkout errors",
      metric: "Error rate",
      condition: "> 20 %",
      windowMinutes: 5,
      filter: "endpoint POST /checkout",
    },
    value: "37.5 %",
    at: Math.floor(atMs / 1000),
    url: `https://tallyhub.example.com/apps/${appId}/errors?env=prod&endpoint=3`,
  };
}

/** How many deliveries were queued. */
async function enqueue(appId: number, channelIds: string[], n: AlertNotice, atMs: number) {
  return (await sql().tx((q) => enqueueNotice(q, appId, channelIds, n, Math.floor(atMs / 1000)))).length;
}

interface DeliveryRow {
  id: string;
  channelId: string;
  status: string;
  attempts: number;
  nextAttemptAt: number;
  lastStatusCode: number | null;
  lastError: string | null;
  sentAt: number | null;
}

async function deliveries(appId: number, channelId?: string) {
  return sql().all<DeliveryRow>(
    `SELECT "id", "channelId", "status", "attempts", "nextAttemptAt", "lastStatusCode", "lastError", "sentAt"
     FROM "AlertDelivery" WHERE "appId" = ? ${channelId ? `AND "channelId" = ?` : ""} ORDER BY "id"`,
    channelId ? [appId, channelId] : [appId],
  );
}

/** The Subject header, unfolded and decoded from its RFC 2047 words (nodemailer encodes the "—"). */
function subjectOf(data: string): string {
  const folded = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(data)?.[1] ?? "";
  const words = [...folded.matchAll(/=\?UTF-8\?Q\?(.*?)\?=/gi)].map((m) => m[1]).join("");
  if (!words) return folded;
  return decodeURIComponent(
    words
      .replace(/_/g, " ")
      .replace(/%/g, "%25")
      .replace(/=([0-9A-F]{2})/gi, "%$1"),
  );
}

const hitsTo = (path: string) => hits.filter((h) => h.path === path);

// ---- the tests ----

describe("delivering to each kind of channel", () => {
  it("sends Slack, Teams, a signed webhook and an email, each once, and records them as sent", async () => {
    const t = timeOf(1);
    const { owner, app } = await adminWithApp();
    const ids = [
      await channel(owner.id, app.id, { kind: "slack", name: "ops", url: `${httpBase}/slack/1` }),
      await channel(owner.id, app.id, { kind: "teams", name: "ops teams", url: `${httpBase}/teams/1` }),
      await channel(owner.id, app.id, { kind: "webhook", name: "pager", url: `${httpBase}/hook/1` }),
      await channel(owner.id, app.id, { kind: "email", name: "on call", recipients: "a@example.com, b@example.com" }),
    ];
    expect(await enqueue(app.id, ids, notice(app.id, "firing", t), t)).toBe(4);

    expect(await runDeliveries(t)).toEqual({ sent: 4, failed: 0, retrying: 0 });

    const [slack] = hitsTo("/slack/1");
    expect(JSON.parse(slack.body)).toMatchObject({
      text: expect.stringContaining("Firing: Checkout errors"),
      blocks: [{ type: "header" }, { type: "section" }, { type: "actions" }],
    });
    const [teams] = hitsTo("/teams/1");
    expect(JSON.parse(teams.body)).toMatchObject({
      type: "message",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard" } }],
    });
    const [hook] = hitsTo("/hook/1");
    const ts = String(hook.headers["x-tallyhub-timestamp"]);
    const sig = String(hook.headers["x-tallyhub-signature"]);
    expect(ts).toBe(String(t / 1000));
    expect(verifyWebhook(secrets.get("/hook/1")!, ts, hook.body, sig)).toBe(true);
    expect(verifyWebhook("whsec_someone_else", ts, hook.body, sig)).toBe(false);
    expect(JSON.parse(hook.body)).toMatchObject({ event: "firing", value: "37.5 %", sentAt: t / 1000 });
    const mail = mails.find((m) => m.to.includes("a@example.com"));
    expect(mail?.to).toEqual(["a@example.com", "b@example.com"]);
    expect(subjectOf(mail!.data)).toBe(
      "Firing: Checkout errors — Error rate 37.5 % over 5 min (threshold > 20 %) — Shop API / prod",
    );
    expect(mail?.data).toContain("Value: 37.5 %");

    const rows = await deliveries(app.id);
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt, r.lastError])).toEqual(
      rows.map(() => ["sent", 1, t / 1000, null]),
    );
    expect(rows.filter((r) => r.lastStatusCode === 200)).toHaveLength(3); // email has no HTTP status

    // Nothing is sent twice.
    expect(await runDeliveries(t + 3600_000)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(hitsTo("/slack/1")).toHaveLength(1);
  });
});

describe("failures", () => {
  it("a receiver answering 500 is retried after 30 s, then 2 min, and the row is sent once it answers", async () => {
    const t = timeOf(2);
    const { owner, app } = await adminWithApp();
    const id = await channel(owner.id, app.id, { kind: "slack", name: "flaky", url: `${httpBase}/flaky/2` });
    failFirst.set("/flaky/2", 2);
    await enqueue(app.id, [id], notice(app.id, "resolved", t), t);
    const s = t / 1000;

    expect(await runDeliveries(t)).toEqual({ sent: 0, failed: 0, retrying: 1 });
    let [row] = await deliveries(app.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, nextAttemptAt: s + 30 });
    expect(row.lastError).toBe("HTTP 500: receiver broke");

    expect(await runDeliveries((s + 29) * 1000)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await runDeliveries((s + 30) * 1000)).toEqual({ sent: 0, failed: 0, retrying: 1 });
    [row] = await deliveries(app.id);
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: s + 30 + 120 });

    expect(await runDeliveries((s + 150) * 1000)).toEqual({ sent: 1, failed: 0, retrying: 0 });
    [row] = await deliveries(app.id);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastStatusCode: 200, lastError: null, sentAt: s + 150 });
    expect(hitsTo("/flaky/2")).toHaveLength(3);
  });

  it("a receiver that keeps failing is given up after the last backoff step", async () => {
    const t = timeOf(3);
    const { owner, app } = await adminWithApp();
    const id = await channel(owner.id, app.id, { kind: "teams", name: "broken", url: `${httpBase}/broken/3` });
    failFirst.set("/broken/3", 100);
    await enqueue(app.id, [id], notice(app.id, "firing", t), t);
    let at = t / 1000;
    for (const wait of BACKOFF_S) {
      expect(await runDeliveries(at * 1000)).toMatchObject({ retrying: 1 });
      at += wait;
    }
    expect(await runDeliveries(at * 1000)).toEqual({ sent: 0, failed: 1, retrying: 0 });
    const [row] = await deliveries(app.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    expect(await runDeliveries((at + 86_400) * 1000)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(hitsTo("/broken/3")).toHaveLength(MAX_ATTEMPTS);
  });

  it("a receiver that hangs is timed out and retried, while the other channels of the same pass are sent", async () => {
    const t = timeOf(4);
    const { owner, app } = await adminWithApp();
    const hang = await channel(owner.id, app.id, { kind: "webhook", name: "hangs", url: `${httpBase}/hang/4` });
    const ok = await channel(owner.id, app.id, { kind: "slack", name: "works", url: `${httpBase}/ok/4` });
    const mail = await channel(owner.id, app.id, { kind: "email", name: "mail", recipients: "hang4@example.com" });
    await enqueue(app.id, [hang, ok, mail], notice(app.id, "firing", t), t);

    expect(await runDeliveries(t, { timeoutMs: 3000 })).toEqual({ sent: 2, failed: 0, retrying: 1 });
    const [hung] = await deliveries(app.id, hang);
    expect(hung).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, nextAttemptAt: t / 1000 + 30 });
    expect(hung.lastError).toBe("timed out after 3 s");
    expect(hitsTo("/hang/4")).toHaveLength(1);
    expect(hitsTo("/ok/4")).toHaveLength(1);
    expect(mails.some((m) => m.to.includes("hang4@example.com"))).toBe(true);
  });

  it("deliveries of a channel deleted or switched off since fail at once, saying so", async () => {
    const t = timeOf(5);
    const { owner, app } = await adminWithApp();
    const gone = await channel(owner.id, app.id, { kind: "slack", name: "gone", url: `${httpBase}/gone/5` });
    const off = await channel(owner.id, app.id, { kind: "slack", name: "off", url: `${httpBase}/off/5` });
    await enqueue(app.id, [gone, off], notice(app.id, "firing", t), t);
    expect((await deleteChannel(owner.id, app.id, { channelId: gone })).ok).toBe(true);
    expect((await setChannelEnabled(owner.id, app.id, { channelId: off, enabled: "false" })).ok).toBe(true);

    expect(await runDeliveries(t)).toEqual({ sent: 0, failed: 2, retrying: 0 });
    expect((await deliveries(app.id, gone))[0]).toMatchObject({
      status: "failed",
      lastError: "The channel was deleted.",
    });
    expect((await deliveries(app.id, off))[0]).toMatchObject({
      status: "failed",
      lastError: "The channel is disabled.",
    });
    expect(hitsTo("/gone/5")).toHaveLength(0);
    // A switched-off channel gets no new deliveries at all.
    expect(await enqueue(app.id, [off], notice(app.id, "resolved", t), t)).toBe(0);
  });

  it("email without a mail server fails with that reason and is retried", async () => {
    const t = timeOf(6);
    overrides.SMTP_URL = undefined;
    const { owner, app } = await adminWithApp();
    const id = await channel(owner.id, app.id, { kind: "email", name: "mail", recipients: "nomail@example.com" });
    await enqueue(app.id, [id], notice(app.id, "firing", t), t);
    expect(await runDeliveries(t)).toEqual({ sent: 0, failed: 0, retrying: 1 });
    expect((await deliveries(app.id))[0].lastError).toBe("no mail server is configured (SMTP_URL)");
  });
});

describe("several senders at once", () => {
  it("two passes running side by side send each row exactly once", async () => {
    const t = timeOf(7);
    const { owner, app } = await adminWithApp();
    const id = await channel(owner.id, app.id, { kind: "webhook", name: "count", url: `${httpBase}/count/7` });
    for (let i = 0; i < 12; i++) await enqueue(app.id, [id], notice(app.id, "firing", t), t);

    const [a, b] = await Promise.all([runDeliveries(t), runDeliveries(t)]);
    expect(a.sent + b.sent).toBe(12);
    expect(a.failed + b.failed + a.retrying + b.retrying).toBe(0);
    expect(hitsTo("/count/7")).toHaveLength(12);
    expect((await deliveries(app.id)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});

describe("channels through the guard", () => {
  async function team() {
    const { owner, app } = await adminWithApp();
    const people = { owner, admin: await createUser(), member: await createUser(), viewer: await createUser() };
    for (const role of ["admin", "member", "viewer"] as const) await addMember(owner.id, people[role].id, role);
    return { app, people };
  }

  it("only admins and owners add channels; others get the role message, strangers a 404", async () => {
    const { app, people } = await team();
    const input = { kind: "slack", name: "ops", url: `${httpBase}/guard` };
    expect(await createChannel(people.viewer.id, app.id, input)).toMatchObject({
      ok: false,
      message: expect.stringContaining("does not allow"),
    });
    expect(await createChannel(people.member.id, app.id, input)).toMatchObject({ ok: false });
    expect(await createChannel(people.admin.id, app.id, input)).toMatchObject({ ok: true });
    const stranger = await createUser();
    await expect(createChannel(stranger.id, app.id, input)).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
    expect(await listChannels(app.id)).toHaveLength(1);
    const id = (await listChannels(app.id))[0].id;
    for (const who of [people.member, people.viewer]) {
      expect((await deleteChannel(who.id, app.id, { channelId: id })).ok).toBe(false);
      expect((await testChannel(who.id, app.id, { channelId: id }, "https://t.example")).ok).toBe(false);
    }
  });

  it("a bad URL, a bad address or a missing name is a field error and stores nothing", async () => {
    const { app, people } = await team();
    expect(await createChannel(people.admin.id, app.id, { kind: "webhook", name: "x", url: "not a url" })).toEqual({
      ok: false,
      fieldErrors: { url: ["Enter a full URL starting with https:// (or http://)."] },
    });
    expect(await createChannel(people.admin.id, app.id, { kind: "email", name: "", recipients: "me@" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Give the channel a name."], recipients: ['"me@" is not an email address.'] },
    });
    expect(await listChannels(app.id)).toEqual([]);
  });

  it("the list masks targets and never shows a secret; rotating the secret signs with the new one", async () => {
    const t = timeOf(8);
    const { app, people } = await team();
    const url = `${httpBase}/rotate/8?token=SECRETTOKEN1234`;
    const created = await createChannel(people.admin.id, app.id, { kind: "webhook", name: "pager", url });
    if (!created.ok) throw new Error("create");
    const first = created.value.secret!;
    expect(first).toMatch(/^whsec_[\w-]{43}$/);
    const rotated = await rotateWebhookSecret(people.admin.id, app.id, { channelId: created.value.id });
    if (!rotated.ok) throw new Error("rotate");
    expect(rotated.value.secret).not.toBe(first);
    expect(await rotateWebhookSecret(people.member.id, app.id, { channelId: created.value.id })).toMatchObject({
      ok: false,
    });

    const list = await listChannels(app.id);
    expect(list).toEqual([
      { id: created.value.id, name: "pager", kind: "webhook", target: expect.stringMatching(/…1234$/), enabled: true },
    ]);
    expect(JSON.stringify(list)).not.toContain("SECRETTOKEN");
    expect(JSON.stringify(list)).not.toContain(rotated.value.secret);
    expect(await listChannelOptions(app.id)).toEqual([{ id: created.value.id, name: "pager", kind: "webhook" }]);

    const r = await testChannel(people.admin.id, app.id, { channelId: created.value.id }, "https://th.example", {
      nowMs: t,
    });
    expect(r).toEqual({ ok: true, value: { status: "sent", statusCode: 200, error: null } });
    const [hook] = hits.filter((h) => h.path.startsWith("/rotate/8"));
    const ts = String(hook.headers["x-tallyhub-timestamp"]);
    const sig = String(hook.headers["x-tallyhub-signature"]);
    expect(verifyWebhook(rotated.value.secret, ts, hook.body, sig)).toBe(true);
    expect(verifyWebhook(first, ts, hook.body, sig)).toBe(false);
    expect(JSON.parse(hook.body)).toMatchObject({
      event: "test",
      rule: null,
      url: `https://th.example/apps/${app.id}/traffic?env=prod`,
    });
  });

  it("a test to a failing channel reports the error at once and stays in the log to be retried", async () => {
    const t = timeOf(9);
    const { app, people } = await team();
    const created = await createChannel(people.admin.id, app.id, {
      kind: "slack",
      name: "ops",
      url: `${httpBase}/testfail/9`,
    });
    if (!created.ok) throw new Error("create");
    failFirst.set("/testfail/9", 1);
    const r = await testChannel(people.admin.id, app.id, { channelId: created.value.id }, "https://th.example", {
      nowMs: t,
    });
    expect(r).toEqual({ ok: true, value: { status: "pending", statusCode: 500, error: "HTTP 500: receiver broke" } });
    await setChannelEnabled(people.admin.id, app.id, { channelId: created.value.id, enabled: "false" });
    expect(
      await testChannel(people.admin.id, app.id, { channelId: created.value.id }, "https://th.example"),
    ).toMatchObject({ ok: false, message: expect.stringContaining("switched off") });

    const log = await listDeliveries(app.id);
    expect(log.rows).toMatchObject([
      { kind: "test", status: "pending", attempts: 1, statusCode: 500, channelName: "ops", ruleName: null },
    ]);
  });
});

describe("the delivery log", () => {
  it("pages newest first, 50 at a time, and names deleted channels as such", async () => {
    const t = timeOf(10);
    const { owner, app } = await adminWithApp();
    const id = await channel(owner.id, app.id, { kind: "slack", name: "ops", url: `${httpBase}/log/10` });
    for (let i = 0; i < 53; i++) await enqueue(app.id, [id], notice(app.id, "firing", t + i * 1000), t + i * 1000);
    const first = await listDeliveries(app.id);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].createdAt).toBe(t / 1000 + 52);
    expect(first.older).not.toBeNull();
    const [createdAt, ...rest] = first.older!.split("_");
    const second = await listDeliveries(app.id, { createdAt: Number(createdAt), id: rest.join("_") });
    expect(second.rows.map((r) => r.createdAt)).toEqual([t / 1000 + 2, t / 1000 + 1, t / 1000]);
    expect(second.older).toBeNull();
    await deleteChannel(owner.id, app.id, { channelId: id });
    expect((await listDeliveries(app.id)).rows[0]).toMatchObject({ channelName: null, channelKind: null });
  });
});
