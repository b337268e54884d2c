import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import { sql } from "@/lib/db";
import { PER_APP_TABLES, type PerAppTable } from "@/lib/model/per-app-tables";
import { deleteAppSchema } from "@/lib/validations/app";
import { invalid, ok } from "@/lib/validations/result";

/** Rows per DELETE: a short statement each, so ingest and dashboards (SQLite's one writer) get their turn between. */
export const DELETE_SLICE = 5_000;

/** Deletes an app and everything stored for it, once the user has typed its name. */
export const deleteApp = appAction("configure", deleteAppSchema, async ({ app, input }) => {
  if (input.confirmation !== app.name) {
    return invalid({ confirmation: [`Type the app's name, ${app.name}, to confirm.`] });
  }
  const deleted = await deleteAppData(app.id);
  if (deleted === 0) notFound(); // deleted meanwhile
  return ok({ name: app.name });
});

/**
 * Deletes one app's rows from every per-app table in slices, each its own short statement, never one long
 * transaction that would hold up ingest; then, in one short transaction, whatever arrived meanwhile and the app
 * itself. Until that last step the app still exists, so a deletion cut short (a crash) leaves an app to delete again,
 * never rows without an app. Returns 0 if the app was gone.
 */
export async function deleteAppData(appId: number, slice = DELETE_SLICE): Promise<number> {
  for (const t of PER_APP_TABLES) while ((await deleteSlice(t, appId, slice)) > 0);
  return sql().tx(async (q) => {
    for (const { table } of PER_APP_TABLES) await q.run(`DELETE FROM "${table}" WHERE "appId" = ?`, [appId]);
    return q.run(`DELETE FROM "App" WHERE "id" = ?`, [appId]);
  });
}

function deleteSlice({ table, rest }: PerAppTable, appId: number, slice: number): Promise<number> {
  const cols = rest.map((c) => `"${c}"`).join(", ");
  const key = rest.length === 1 ? cols : `(${cols})`;
  return sql().run(
    `DELETE FROM "${table}" WHERE "appId" = ? AND ${key} IN
       (SELECT ${cols} FROM "${table}" WHERE "appId" = ? LIMIT ${Number(slice)})`,
    [appId, appId],
  );
}
