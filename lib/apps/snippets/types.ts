export type CodeLanguage = "bash" | "python" | "javascript" | "typescript" | "dotenv";

export interface CodeBlock {
  code: string;
  language: CodeLanguage;
  /** Where the code goes, when that isn't obvious (e.g. settings.py). */
  file?: string;
}

export interface SnippetParams {
  clientId: string;
  /** The app's OTLP write token (apt_…). */
  writeToken: string;
  env: string;
  /** Where apps reach this Tallyhub: the hub base URL and the OTLP endpoint alike. */
  hubUrl: string;
}

export interface FrameworkGuide {
  install: CodeBlock;
  setup: CodeBlock;
  consumer: CodeBlock;
}

/** A string literal that Python and JavaScript both read back as the same string. */
export const lit = (s: string) => JSON.stringify(s);
