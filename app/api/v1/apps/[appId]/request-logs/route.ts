import { listRequestLogs } from "@/lib/api/request-logs";
import { apiAppRoute } from "@/lib/api/route";
import { requestLogsQuery } from "@/lib/validations/api";

export const GET = apiAppRoute(requestLogsQuery, listRequestLogs);
