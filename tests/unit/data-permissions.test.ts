// The data folder, the SQLite database and the generated auth secret are readable by the server's user only: they
// hold password hashes, session keys and every app's traffic.
import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = mkdtempSync(path.join(os.tmpdir(), "tallyhub-perms-"));
process.env.TALLYHUB_DATA_DIR = path.join(root, "data");
delete process.env.AUTH_SECRET;
const { openSqliteFile } = await import("@/lib/db/connect");
const { ensureAuthSecret } = await import("@/lib/auth/secret");

const mode = (p: string) => statSync(p).mode & 0o777;

describe("data on disk", () => {
  it("a new database folder is 0700 and the database with its WAL files 0600", () => {
    const file = path.join(root, "db", "nested", "tallyhub.db");
    const db = openSqliteFile(`file:${file}`);
    db.exec(`CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);`);
    db.close();
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(path.join(root, "db"))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    // Reopened, the files keep (or get back) owner-only permissions.
    const again = openSqliteFile(`file:${file}`);
    again.exec(`INSERT INTO t VALUES (2);`);
    expect(mode(`${file}-wal`)).toBe(0o600);
    again.close();
  });

  it("the generated auth secret sits in a 0700 data folder, 0600 itself", () => {
    expect(ensureAuthSecret()).toMatch(/^[\w-]{40,}$/);
    expect(mode(path.join(root, "data"))).toBe(0o700);
    expect(mode(path.join(root, "data", "auth-secret"))).toBe(0o600);
  });
});
