// The data API's OpenAPI 3.1 document, generated from the zod schemas that validate each route's query
// (lib/validations/api.ts): a parameter cannot be documented one way and checked another.
import { z } from "zod";
import { GROUP_BY } from "@/lib/queries/traffic-breakdown";
import { errorsQuery, listQuery, MAX_LIMIT, noQuery, requestLogsQuery, trafficQuery } from "@/lib/validations/api";
import { API_RATE_LIMIT } from "./rate-limit";

interface Operation {
  path: string;
  summary: string;
  description: string;
  query: z.ZodObject;
  app: boolean;
  csv?: boolean;
}

export const OPERATIONS: Operation[] = [
  {
    path: "/api/v1/apps",
    summary: "List apps",
    description: "The apps of the key's team it may read.",
    query: listQuery,
    app: false,
  },
  {
    path: "/api/v1/apps/{appId}/consumers",
    summary: "List consumers",
    description: "Every consumer of the app, with its name and group, oldest first.",
    query: listQuery,
    app: true,
  },
  {
    path: "/api/v1/apps/{appId}/endpoints",
    summary: "List endpoints",
    description: "Every endpoint of the app, as its clients reported them.",
    query: listQuery,
    app: true,
  },
  {
    path: "/api/v1/apps/{appId}/traffic",
    summary: "Get traffic",
    description: `Requests, errors and bytes over the period, grouped by any of ${GROUP_BY.join(", ")}, with the dashboard's filters. The numbers are the dashboard's own: the same rollups and filter rules.`,
    query: trafficQuery,
    app: true,
    csv: true,
  },
  {
    path: "/api/v1/apps/{appId}/request-logs",
    summary: "List request logs",
    description:
      "Logged requests, newest first, with the dashboard's filters and the Requests view's own (URL, response time, bodies, client IP and country, exception).",
    query: requestLogsQuery,
    app: true,
  },
  {
    path: "/api/v1/apps/{appId}/request-logs/{requestId}",
    summary: "Get a request log",
    description: "One request: headers, decoded bodies, exception, application logs and spans.",
    query: noQuery,
    app: true,
  },
  {
    path: "/api/v1/apps/{appId}/errors",
    summary: "List errors",
    description: "Server errors (exceptions) and validation errors in the period, with the dashboard's filters.",
    query: errorsQuery,
    app: true,
  },
];

const errorBody = {
  type: "object",
  properties: {
    error: { type: "string" },
    issues: {
      type: "array",
      items: { type: "object", properties: { param: { type: "string" }, message: { type: "string" } } },
    },
  },
  required: ["error"],
};

function parameters(op: Operation) {
  const schema = z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Record<string, unknown>>;
  };
  const query = Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: false, description, schema: rest };
  });
  const path = [
    ...(op.app
      ? [{ name: "appId", in: "path", required: true, description: "App id", schema: { type: "integer", minimum: 1 } }]
      : []),
    ...(op.path.includes("{requestId}")
      ? [{ name: "requestId", in: "path", required: true, description: "Request id", schema: { type: "string" } }]
      : []),
  ];
  return [...path, ...query];
}

export function openApiDocument(serverUrl: string) {
  const rateHeaders = Object.fromEntries(
    ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"].map((h) => [
      h,
      { schema: { type: "integer" } },
    ]),
  );
  const json = (description: string, schema: object = errorBody) => ({
    description,
    headers: rateHeaders,
    content: { "application/json": { schema } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Tallyhub data API",
      version: "1.0.0",
      description: `Read an app's traffic, consumers, endpoints and errors. Authenticate with a team API key in the Api-Key header. At most ${API_RATE_LIMIT} requests a minute per key; lists are paged with limit (≤ ${MAX_LIMIT}) and the opaque next_cursor.`,
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    components: { securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "Api-Key" } } },
    paths: Object.fromEntries(
      OPERATIONS.map((op) => [
        op.path,
        {
          get: {
            summary: op.summary,
            description: op.description,
            parameters: parameters(op),
            responses: {
              200: {
                description: "A page of rows and the cursor of the next page (null on the last)",
                headers: rateHeaders,
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        data: { type: "array", items: { type: "object" } },
                        next_cursor: { type: ["string", "null"] },
                      },
                    },
                  },
                  ...(op.csv ? { "text/csv": { schema: { type: "string" } } } : {}),
                },
              },
              400: json("A bad parameter, named in issues"),
              401: json("No API key, or one that is unknown or revoked"),
              ...(op.app ? { 404: json("No such app for this key") } : {}),
              429: json("Past the rate limit; Retry-After says when to try again"),
            },
          },
        },
      ]),
    ),
  };
}
