// Rotating an app's credentials (a leaked client ID or write token): a new one is issued at once, and the
// previous one keeps being accepted for TALLYHUB_ROTATION_GRACE_HOURS so the app can be redeployed with the new one
// without losing data. A second rotation within the grace period ends the first one's early: only the latest
// previous credential is remembered.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { timeLeft } from "@/lib/format";
import { settings } from "@/lib/settings";
import { ok } from "@/lib/validations/result";
import { newWriteToken } from "./write-token";

export const rotateCredentialSchema = z.object({
  credential: z.enum(["clientId", "writeToken"], { error: "Choose the client ID or the write token." }),
});

export const rotateCredential = appAction(
  "configure",
  rotateCredentialSchema,
  async ({ app, input: { credential } }, nowS: number = Math.floor(Date.now() / 1000)) => {
    const until = nowS + settings().TALLYHUB_ROTATION_GRACE_HOURS * 3600;
    const data =
      credential === "clientId"
        ? { clientId: randomUUID(), previousClientId: app.clientId, previousClientIdUntil: until }
        : { writeToken: newWriteToken(), previousWriteToken: app.writeToken, previousWriteTokenUntil: until };
    await prisma().app.update({ where: { id: app.id }, data });
    return ok({ credential, until });
  },
);

export interface CredentialState {
  value: string;
  /** The previous value while it is still accepted, and for how long (text such as "23 h 10 min"). */
  previous: { value: string; timeLeft: string } | null;
}

/** A credential as the Settings page shows it: the current value, and the previous one while it still works. */
export function credentialState(
  value: string,
  previous: string | null,
  until: number | null,
  nowS = Math.floor(Date.now() / 1000),
): CredentialState {
  return {
    value,
    previous: previous && until && until > nowS ? { value: previous, timeLeft: timeLeft(until - nowS) } : null,
  };
}
