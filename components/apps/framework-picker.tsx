import { cn } from "@/components/ui/cn";
import { FRAMEWORKS, type Language } from "@/lib/apps/frameworks";
import { FrameworkMark } from "./framework-mark";

const GROUPS: { language: Language; label: string }[] = [
  { language: "python", label: "Python" },
  { language: "javascript", label: "Node.js" },
  { language: "opentelemetry", label: "Any language" },
];

/** Framework choice as radio tiles, grouped by language. */
export function FrameworkPicker({
  name,
  defaultValue,
  describedBy,
}: {
  name: string;
  defaultValue?: string;
  describedBy?: string;
}) {
  return (
    <div className="space-y-4">
      {GROUPS.map((group) => (
        <fieldset key={group.language} aria-describedby={describedBy}>
          <legend className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">{group.label}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-5">
            {FRAMEWORKS.filter((f) => f.language === group.language).map((f) => (
              <label
                key={f.id}
                className={cn(
                  "flex cursor-pointer items-center gap-2.5 rounded-lg bg-white p-2.5 text-sm font-medium",
                  "text-slate-800 shadow-sm ring-1 ring-slate-200 transition ring-inset",
                  "hover:ring-slate-300 has-[:checked]:bg-indigo-50/60 has-[:checked]:ring-2",
                  "has-[:checked]:ring-indigo-600 has-[:focus-visible]:outline-2",
                  "has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
                )}
              >
                <input
                  type="radio"
                  name={name}
                  value={f.id}
                  defaultChecked={f.id === defaultValue}
                  className="sr-only"
                />
                <FrameworkMark framework={f.id} size="sm" />
                {f.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
