import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import { sql, type Sql } from "@/lib/db";
import { deleteAppSchema } from "@/lib/validations/app";
import { invalid, ok } from "@/lib/validations/result";

/**
 * Deletes an app and everything stored for it, once the user has typed its name. Every
 * per-app table keys on "appId" (see prisma/models.prisma), so the tables are found by
 * that column: tables added later are cleaned up without touching this file.
 */
export const deleteApp = appAction("configure", deleteAppSchema, async ({ app, input }) => {
  if (input.confirmation !== app.name) {
    return invalid({ confirmation: [`Type the app's name, ${app.name}, to confirm.`] });
  }
  const deleted = await sql().tx((q) => deleteAppData(q, app.id));
  if (deleted === 0) notFound(); // deleted meanwhile
  return ok({ name: app.name });
});

/** Deletes one app and its rows in every per-app table, inside the caller's transaction; 0 if it was gone. */
export async function deleteAppData(q: Sql, appId: number): Promise<number> {
  for (const table of await perAppTables(q)) await q.run(`DELETE FROM "${table}" WHERE "appId" = ?`, [appId]);
  return q.run(`DELETE FROM "App" WHERE "id" = ?`, [appId]);
}

async function perAppTables(q: Sql): Promise<string[]> {
  const rows =
    q.kind === "sqlite"
      ? await q.all<{ name: string }>(
          `SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) c
           WHERE m.type = 'table' AND c.name = 'appId'`,
        )
      : await q.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.columns
           WHERE column_name = 'appId' AND table_schema = current_schema()`,
        );
  return rows.map((r) => r.name).filter((name) => /^\w+$/.test(name));
}
