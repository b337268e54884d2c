import { listEndpoints } from "@/lib/api/data";
import { apiAppRoute } from "@/lib/api/route";
import { listQuery } from "@/lib/validations/api";

export const GET = apiAppRoute(listQuery, listEndpoints);
