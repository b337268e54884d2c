import { listApps } from "@/lib/api/data";
import { apiRoute } from "@/lib/api/route";
import { listQuery } from "@/lib/validations/api";

export const GET = apiRoute(listQuery, listApps);
