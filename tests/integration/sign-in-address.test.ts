// Which client address the per-IP sign-in limit counts, over real HTTP through scripts/server.mjs: the project's
// server trusts no proxy (the default), a second one on the same database trusts two hops of X-Forwarded-For: a CDN
// and a reverse proxy in front of it, so the header ends with the CDN's address (what the code before
// TALLYHUB_TRUSTED_PROXY_HOPS counted, sharing one key among everyone behind that CDN).
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { limitedAddress } from "@/lib/auth/client-address";
import { recordFailure, THROTTLE } from "@/lib/auth/throttle";
import { prisma } from "@/lib/db";
import { PASSWORD, sessionCookie, signInAttempt, userWithPassword } from "../helpers/http-session";
import { freePort, startServer, stopServer } from "../helpers/stack";

const LOCAL = "ip:127.0.0.1";
/** The CDN's edge, as the reverse proxy appends it. */
const CDN = "203.0.113.7";
const failures = async (key: string) => (await prisma().authThrottle.findUnique({ where: { key } }))?.failures ?? 0;
const keysOf = async (prefix: string) =>
  (await prisma().authThrottle.findMany({ where: { key: { startsWith: prefix } } })).map((r) => r.key);

let behindProxy: { baseUrl: string; proc: ChildProcess };
let localBefore: number;

beforeAll(async () => {
  localBefore = await failures(LOCAL);
  behindProxy = await startServer(
    {
      DATABASE_URL: inject("databaseUrl"),
      TALLYHUB_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "tallyhub-proxy-")),
      AUTH_SECRET: "behind-a-proxy-behind-a-proxy",
      TALLYHUB_TRUSTED_PROXY_HOPS: "2",
    },
    await freePort(),
  );
});

afterAll(async () => {
  await stopServer(behindProxy.proc);
  // Every test file signs in from 127.0.0.1: leave its count as it was.
  await prisma().authThrottle.updateMany({ where: { key: LOCAL }, data: { failures: localBefore } });
  await prisma().authThrottle.deleteMany({ where: { key: { startsWith: "ip:198.51.100." } } });
  await prisma().authThrottle.deleteMany({ where: { key: { startsWith: "ip:2001:db8:" } } });
  await prisma().authThrottle.deleteMany({ where: { key: `ip:${CDN}` } });
});

describe("per-IP sign-in limit, no trusted proxy", () => {
  it("counts the connection's address: a made-up X-Forwarded-For or peer header changes nothing", async () => {
    const user = await userWithPassword("addr");
    const before = await failures(LOCAL);
    const r = await signInAttempt(user.email, "wrong password", {
      headers: { "x-forwarded-for": "198.51.100.23", "x-tallyhub-peer": "198.51.100.24", "x-real-ip": "198.51.100.25" },
    });
    expect(sessionCookie(r)).toBeNull();
    expect(await failures(LOCAL)).toBe(before + 1);
    expect(await keysOf("ip:198.51.100.")).toEqual([]);
  });
});

describe("per-IP sign-in limit, two trusted proxies (a CDN, then a reverse proxy)", () => {
  it("counts the hop the CDN appended, not what the client wrote to the left of it nor the CDN itself", async () => {
    const user = await userWithPassword("addr");
    const before = await failures(LOCAL);
    await signInAttempt(user.email, "wrong password", {
      base: behindProxy.baseUrl,
      headers: { "x-forwarded-for": `6.6.6.6, 198.51.100.31, ${CDN}` },
    });
    expect(await failures("ip:198.51.100.31")).toBe(1);
    expect(await failures("ip:6.6.6.6")).toBe(0);
    expect(await failures(`ip:${CDN}`)).toBe(0);
    expect(await failures(LOCAL)).toBe(before);
  });

  it("locks out the client that failed, not everyone behind the same CDN", async () => {
    const user = await userWithPassword("addr");
    for (let i = 0; i < THROTTLE.maxFailures.ip; i++) await recordFailure([{ kind: "ip", value: "198.51.100.41" }]);
    const locked = await signInAttempt(user.email, PASSWORD, {
      base: behindProxy.baseUrl,
      headers: { "x-forwarded-for": `198.51.100.41, ${CDN}` },
    });
    expect(sessionCookie(locked)).toBeNull();
    expect(locked.headers.get("location")).toContain("code=locked");
    const other = await signInAttempt(user.email, PASSWORD, {
      base: behindProxy.baseUrl,
      headers: { "x-forwarded-for": `198.51.100.42, ${CDN}` },
    });
    expect(sessionCookie(other)).not.toBeNull();
  });
});

describe("per-IP sign-in limit, IPv6", () => {
  // One client usually holds a whole /64: rotating within it must not buy fresh attempts.
  // The limit's worth of failures, the last one over HTTP: it locks only if the server keys the address the same way.
  const lockOut = async (address: string) => {
    const user = await userWithPassword("v6");
    for (let i = 1; i < THROTTLE.maxFailures.ip; i++)
      await recordFailure([{ kind: "ip", value: limitedAddress(address) }]);
    await signInAttempt(`other.${user.email}`, "wrong password", {
      base: behindProxy.baseUrl,
      headers: { "x-forwarded-for": `${address}, ${CDN}` },
    });
    return user;
  };
  const signInFrom = (email: string, address: string) =>
    signInAttempt(email, PASSWORD, { base: behindProxy.baseUrl, headers: { "x-forwarded-for": `${address}, ${CDN}` } });

  it("shares one lockout between two addresses in the same /64, however they are written", async () => {
    const user = await lockOut("2001:db8:aa:1::1");
    const sibling = await signInFrom(user.email, "[2001:0DB8:00AA:0001:ffff:1:2:3]:51000");
    expect(sibling.headers.get("location")).toContain("code=locked");
    expect(sessionCookie(sibling)).toBeNull();
  });

  it("does not lock out an address in another /64", async () => {
    const user = await lockOut("2001:db8:bb:1::1");
    expect((await signInFrom(user.email, "2001:db8:bb:1::1")).headers.get("location")).toContain("code=locked");
    const neighbour = await signInFrom(user.email, "2001:db8:bb:2::1");
    expect(sessionCookie(neighbour)).not.toBeNull();
  });
});
