import { getErrors } from "@/lib/api/data";
import { apiAppRoute } from "@/lib/api/route";
import { errorsQuery } from "@/lib/validations/api";

export const GET = apiAppRoute(errorsQuery, getErrors);
