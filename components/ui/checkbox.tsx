import { cn } from "./cn";

/** A small checkbox with its label, for switches beside filters and charts. */
export function Checkbox({
  checked,
  onChange,
  children,
  className,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <label
      className={cn("inline-flex h-8 items-center gap-1.5 text-[13px] whitespace-nowrap text-slate-600", className)}
    >
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-3.5 rounded border-slate-300 text-indigo-600"
      />
      {children}
    </label>
  );
}
