import { frameworkById, type FrameworkId, type Language } from "../frameworks";
import { javascriptGuides } from "./javascript";
import { apitallyOtlpEnv, openTelemetryGuide, otelEnv, pythonOtlpGuides } from "./otlp";
import { pythonGuides } from "./python";
import type { CodeBlock, FrameworkGuide, SnippetParams } from "./types";

export type { CodeBlock, CodeLanguage, FrameworkGuide, SnippetParams } from "./types";

/** How a guide's client reaches Tallyhub: the hub protocol (client ID) or OTLP (write token). */
export type Protocol = "hub" | "otlp";

export interface SetupGuide extends FrameworkGuide {
  id: string;
  label: string;
  protocol: Protocol;
  /** The same settings as environment variables, for .env files, Docker or systemd. */
  envVars: CodeBlock;
  /** The client reads its settings once, when it is imported or initialised (Python). */
  readsSettingsAtStart: boolean;
}

const hubGuides: Partial<Record<FrameworkId, (p: SnippetParams) => FrameworkGuide>> = {
  ...pythonGuides,
  ...javascriptGuides,
};

function hub(id: FrameworkId, language: Language, p: SnippetParams): SetupGuide {
  return {
    ...hubGuides[id]!(p),
    id: "hub",
    label: language === "python" ? "apitally 0.x" : "apitally",
    protocol: "hub",
    envVars: { code: `APITALLY_HUB_BASE_URL=${p.hubUrl}`, language: "dotenv" },
    readsSettingsAtStart: language === "python",
  };
}

/**
 * The setup guides for an app's framework, the recommended one first: Python apps get
 * apitally 1.x (OTLP), with the 0.x hub client one click away for apps already on it;
 * JavaScript apps the hub client; OpenTelemetry services the standard OTLP variables.
 */
export function setupGuides(framework: string, p: SnippetParams): SetupGuide[] {
  const known = frameworkById(framework) ?? frameworkById("fastapi")!;
  if (known.language === "opentelemetry") {
    return [
      {
        ...openTelemetryGuide(p),
        id: "otel",
        label: "OpenTelemetry",
        protocol: "otlp",
        envVars: { code: otelEnv(p), language: "dotenv" },
        readsSettingsAtStart: true,
      },
    ];
  }
  if (known.language === "python") {
    const otlp: SetupGuide = {
      ...pythonOtlpGuides[known.id as keyof typeof pythonOtlpGuides](p),
      id: "otlp",
      label: "apitally 1.x",
      protocol: "otlp",
      envVars: { code: apitallyOtlpEnv(p), language: "dotenv" },
      readsSettingsAtStart: true,
    };
    return [otlp, hub(known.id, known.language, p)];
  }
  return [hub(known.id, known.language, p)];
}
