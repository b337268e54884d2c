import { z } from "zod";

/** A request log's id as it appears in URLs: the clients' uuid (any case). */
export const requestIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "is not a request id");
