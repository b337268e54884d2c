import type { CodeBlock as Block } from "@/lib/apps/snippets";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";
import { Highlighted } from "./highlight";

const LANGUAGE_LABEL: Record<Block["language"], string> = {
  bash: "Terminal",
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  dotenv: "Environment",
};

/** A dark code panel with a copy button that copies exactly the code shown. */
export function CodeBlock({
  block,
  copyLabel,
  name,
  className,
}: {
  block: Block;
  copyLabel: string;
  name: string;
  className?: string;
}) {
  const code = block.code.replace(/\n$/, "");
  return (
    <div className={cn("overflow-hidden rounded-lg bg-slate-900 shadow-sm ring-1 ring-slate-900/5", className)}>
      <div className="flex items-center justify-between gap-2 border-b border-white/10 py-1 pr-1.5 pl-3.5">
        <span className="truncate font-mono text-xs text-slate-400">
          {block.file ?? LANGUAGE_LABEL[block.language]}
        </span>
        <CopyButton text={code} label={copyLabel} />
      </div>
      <pre className="overflow-x-auto px-4 py-3.5 font-mono text-[12.5px] leading-6 text-slate-100">
        <code data-snippet={name}>
          <Highlighted code={code} language={block.language} />
        </code>
      </pre>
    </div>
  );
}
