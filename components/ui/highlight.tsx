// A deliberately small highlighter for the setup snippets: comments, strings and a few
// keywords are enough to make them readable, without a syntax-highlighting package.
import type { CodeLanguage } from "@/lib/apps/snippets";

const KEYWORDS: Record<CodeLanguage, string[]> = {
  python: ["from", "import", "def", "async", "await", "return", "None", "True", "False"],
  javascript: ["import", "from", "const", "let", "await", "async", "function", "new", "return"],
  typescript: ["import", "from", "const", "let", "await", "async", "function", "new", "return"],
  bash: ["pip", "npm", "install"],
  dotenv: [],
};

const COMMENT: Record<CodeLanguage, string> = {
  python: "#[^\\n]*",
  bash: "#[^\\n]*",
  dotenv: "#[^\\n]*",
  javascript: "//[^\\n]*",
  typescript: "//[^\\n]*",
};

const STRING = `"(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\\\\\n]|\\\\.)*'`;

function tokenizer(language: CodeLanguage): RegExp {
  const kw = KEYWORDS[language].length ? `|(?<keyword>\\b(?:${KEYWORDS[language].join("|")})\\b)` : "";
  return new RegExp(`(?<comment>${COMMENT[language]})|(?<string>${STRING})${kw}`, "g");
}

const CLASSES = { comment: "text-slate-500 italic", string: "text-emerald-300", keyword: "text-sky-300" } as const;

export function Highlighted({ code, language }: { code: string; language: CodeLanguage }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of code.matchAll(tokenizer(language))) {
    const kind = (Object.keys(CLASSES) as (keyof typeof CLASSES)[]).find((k) => m.groups?.[k] !== undefined)!;
    if (m.index > last) parts.push(code.slice(last, m.index));
    parts.push(
      <span key={m.index} className={CLASSES[kind]}>
        {m[0]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  parts.push(code.slice(last));
  return <>{parts}</>;
}
