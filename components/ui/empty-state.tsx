import { cn } from "@/components/ui/cn";

export function EmptyState({
  icon,
  title,
  description,
  action,
}: {
  icon?: React.ReactNode;
  title: string;
  description: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-xl border border-dashed",
        "border-slate-300 bg-white px-6 py-14 text-center",
      )}
    >
      {icon && (
        <div
          className={cn(
            "mb-4 flex size-12 items-center justify-center rounded-xl bg-indigo-50 text-indigo-600 ring-1",
            "ring-indigo-100",
          )}
        >
          {icon}
        </div>
      )}
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-1.5 max-w-sm text-sm text-slate-500">{description}</p>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
