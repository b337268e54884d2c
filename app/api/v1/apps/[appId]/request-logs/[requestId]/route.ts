import { getRequestLog } from "@/lib/api/request-logs";
import { apiAppRoute } from "@/lib/api/route";
import { noQuery } from "@/lib/validations/api";

export const GET = apiAppRoute(noQuery, getRequestLog);
