// The frameworks a new app can pick. The id is stored on the app and chooses the setup
// snippet; the official clients cover more, but these are the ones we write guides for.
// "OpenTelemetry" is any service with an OpenTelemetry SDK, sending OTLP.
export const FRAMEWORKS = [
  { id: "fastapi", label: "FastAPI", language: "python" },
  { id: "flask", label: "Flask", language: "python" },
  { id: "django", label: "Django", language: "python" },
  { id: "litestar", label: "Litestar", language: "python" },
  { id: "starlette", label: "Starlette", language: "python" },
  { id: "blacksheep", label: "BlackSheep", language: "python" },
  { id: "express", label: "Express", language: "javascript" },
  { id: "fastify", label: "Fastify", language: "javascript" },
  { id: "nestjs", label: "NestJS", language: "javascript" },
  { id: "hono", label: "Hono", language: "javascript" },
  { id: "koa", label: "Koa", language: "javascript" },
  { id: "opentelemetry", label: "OpenTelemetry", language: "opentelemetry" },
] as const;

export type Framework = (typeof FRAMEWORKS)[number];
export type FrameworkId = Framework["id"];
export type Language = Framework["language"];

export const FRAMEWORK_IDS = FRAMEWORKS.map((f) => f.id) as [FrameworkId, ...FrameworkId[]];

export function frameworkById(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}

export function frameworkLabel(id: string): string {
  return frameworkById(id)?.label ?? id;
}

export type FrameworkIdOf<L extends Language> = Extract<Framework, { language: L }>["id"];
