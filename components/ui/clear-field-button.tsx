import { cn } from "./cn";
import { XIcon } from "./icons";

/** The × inside a filter field (its wrapper is `relative`). It keeps the focus, so the field's blur does not fire first. */
export function ClearFieldButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={`Clear ${label.toLowerCase()} filter`}
      className={cn(
        "absolute inset-y-0 right-1.5 my-auto flex size-5 items-center justify-center rounded text-slate-400",
        "hover:text-slate-700",
      )}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      <XIcon className="size-3.5" />
    </button>
  );
}
