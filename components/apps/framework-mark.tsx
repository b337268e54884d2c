import { cn } from "@/components/ui/cn";
import { frameworkById } from "@/lib/apps/frameworks";

// A lettered tile per framework (no third-party logos), coloured so apps are told apart at a glance.
const STYLE: Record<string, { letters: string; className: string }> = {
  fastapi: { letters: "FA", className: "bg-teal-50 text-teal-700 ring-teal-200" },
  flask: { letters: "Fl", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  django: { letters: "Dj", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  litestar: { letters: "Ls", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  starlette: { letters: "St", className: "bg-sky-50 text-sky-700 ring-sky-200" },
  blacksheep: { letters: "Bs", className: "bg-stone-800 text-stone-50 ring-stone-800" },
  express: { letters: "Ex", className: "bg-zinc-100 text-zinc-800 ring-zinc-300" },
  fastify: { letters: "Fy", className: "bg-neutral-900 text-white ring-neutral-900" },
  nestjs: { letters: "Ne", className: "bg-rose-50 text-rose-700 ring-rose-200" },
  hono: { letters: "Ho", className: "bg-orange-50 text-orange-700 ring-orange-200" },
  koa: { letters: "Ko", className: "bg-violet-50 text-violet-700 ring-violet-200" },
  opentelemetry: { letters: "OT", className: "bg-indigo-50 text-indigo-700 ring-indigo-200" },
};

export function FrameworkMark({ framework, size = "md" }: { framework: string; size?: "sm" | "md" }) {
  const style = STYLE[framework] ?? {
    letters: framework.slice(0, 2),
    className: "bg-slate-100 text-slate-700 ring-slate-300",
  };
  return (
    <span
      title={frameworkById(framework)?.label ?? framework}
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-lg font-semibold ring-1 ring-inset",
        size === "md" ? "size-9 text-[13px]" : "size-7 text-[11px]",
        style.className,
      )}
    >
      {style.letters}
    </span>
  );
}
