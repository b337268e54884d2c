import { frameworkById, type FrameworkId } from "../frameworks";
import { javascriptGuides } from "./javascript";
import { pythonGuides } from "./python";
import type { CodeBlock, FrameworkGuide, SnippetParams } from "./types";

export type { CodeBlock, CodeLanguage, FrameworkGuide, SnippetParams } from "./types";

const guides: Record<FrameworkId, (p: SnippetParams) => FrameworkGuide> = { ...pythonGuides, ...javascriptGuides };

export interface SetupGuide extends FrameworkGuide {
  /** The same setting as an environment variable, for .env files, Docker or systemd. */
  hubEnv: CodeBlock;
  readsHubUrlAtImport: boolean;
}

export function setupGuide(framework: string, params: SnippetParams): SetupGuide {
  const known = frameworkById(framework);
  const id: FrameworkId = known?.id ?? "fastapi";
  return {
    ...guides[id](params),
    hubEnv: { code: `APITALLY_HUB_BASE_URL=${params.hubUrl}`, language: "dotenv" },
    readsHubUrlAtImport: (known?.language ?? "python") === "python",
  };
}
