// Per-app caps set by the instance admin (the first account, User.isAdmin) in place of the server's TALLYHUB_MAX_*:
// a heavy app gets more room, a noisy one less. The caps guard the whole server, so an app's own team (owners
// included) may see them but not change them. Takes effect from the next new key: lib/store/caps.ts reads them in
// the statement that admits keys, and the retention pass's recount forgets a cap the app is back under.
import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { CAP_KINDS } from "@/lib/store/caps";
import { capOverridesSchema } from "@/lib/validations/cap-overrides";
import { invalid, ok } from "@/lib/validations/result";

export const ONLY_THE_ADMIN = "Only the instance admin can change this app's limits.";

export const setCapOverrides = appAction("configure", capOverridesSchema, async ({ userId, app, input }) => {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  if (!user?.isAdmin) return invalid({}, ONLY_THE_ADMIN);
  const overrides = Object.fromEntries(CAP_KINDS.flatMap((k) => (input[k] === undefined ? [] : [[k, input[k]]])));
  const capOverrides = Object.keys(overrides).length ? JSON.stringify(overrides) : null;
  const { count } = await prisma().app.updateMany({ where: { id: app.id }, data: { capOverrides } });
  if (count === 0) notFound(); // deleted since the access check
  return ok(overrides);
});
