// The Apdex threshold T of an app, and optional overrides per endpoint.
import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { appApdexSchema, endpointApdexSchema } from "@/lib/validations/apdex";
import { ok } from "@/lib/validations/result";

export const setAppApdex = appAction("configure", appApdexSchema, async ({ app, input }) => {
  const { count } = await prisma().app.updateMany({ where: { id: app.id }, data: { apdexTMs: input.apdexTMs } });
  if (count === 0) notFound(); // deleted since the access check
  return ok({ apdexTMs: input.apdexTMs });
});

/**
 * One endpoint's own threshold, { endpointId, apdexTMs } (empty: the app's again); an endpoint the app lacks is a 404.
 */
export const setEndpointApdexInput = appAction(
  "configure",
  endpointApdexSchema,
  async ({ app, input: { endpointId, apdexTMs } }) => {
    if (endpointId === null) notFound();
    const { count } = await prisma().endpoint.updateMany({
      where: { appId: app.id, id: endpointId },
      data: { apdexTMs },
    });
    if (count === 0) notFound();
    return ok({ apdexTMs });
  },
);

/** The same, with the endpoint id apart from the rest of the input. */
export function setEndpointApdex(userId: string, appId: number, endpointId: number, input: object) {
  return setEndpointApdexInput(userId, appId, { ...input, endpointId });
}
