// The conservation check's arithmetic on a fake database: each way of losing or doubling a sync shows in its figure.
import { describe, expect, it } from "vitest";
import type { Sql } from "@/lib/db";
import { conserve } from "../../helpers/conservation";
import type { SentSync } from "../../helpers/sync-traffic";

/** A database holding these sync receipts and these rollup sums (per-minute, daily). */
function fakeDb(receipts: string[], perMinute: number, daily = perMinute): Sql {
  return {
    kind: "sqlite",
    all: async <T>(text: string) =>
      (text.includes("IngestReceipt")
        ? receipts.map((uuid) => ({ uuid }))
        : [{ n: text.includes("RequestDayRollup") ? daily : perMinute }]) as T[],
  } as Sql;
}

const ledger: SentSync[] = [
  { uuid: "a", requests: 3, acked: true },
  { uuid: "b", requests: 5, acked: true },
  { uuid: "c", requests: 7, acked: false },
];

describe("conserve", () => {
  it("balances when every stored sync is in the rollups once", async () => {
    expect(await conserve(fakeDb(["a", "b", "c"], 15), 1, ledger)).toEqual({
      sent: 3,
      acknowledged: 2,
      stored: 3,
      lost: 0,
      lostAfterAck: 0,
      extra: 0,
      requestsExpected: 15,
      requestsStored: 15,
      requestsStoredDaily: 15,
      requestsDoubled: 0,
    });
  });

  it("counts an acknowledged sync without a receipt as lost after its 202, an unacknowledged one as lost", async () => {
    expect(await conserve(fakeDb(["a"], 3), 1, ledger)).toMatchObject({ stored: 1, lost: 2, lostAfterAck: 1 });
  });

  it("reports a sync counted twice as surplus requests, and data missing behind a receipt as a deficit", async () => {
    expect((await conserve(fakeDb(["a", "b", "c"], 20), 1, ledger)).requestsDoubled).toBe(5);
    expect((await conserve(fakeDb(["a", "b", "c"], 12), 1, ledger)).requestsDoubled).toBe(-3);
  });

  it("counts receipts of syncs nobody sent", async () => {
    expect((await conserve(fakeDb(["a", "b", "c", "zz"], 15), 1, ledger)).extra).toBe(1);
  });
});
