import { cn } from "./cn";

export const inputClass = cn(
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900",
  "shadow-sm ring-1 ring-slate-300 ring-inset",
  "placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none focus:ring-inset",
  "disabled:bg-slate-50 disabled:text-slate-500",
  "aria-[invalid=true]:ring-red-400 aria-[invalid=true]:focus:ring-red-500",
);

/** A native select that looks like the inputs. */
export const selectClass = cn(inputClass, "h-9 py-1.5 pr-8");

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return <input className={cn(inputClass, className)} {...props} />;
}

export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return <label className={cn("block text-sm font-medium text-slate-800", className)} {...props} />;
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1.5 space-y-0.5 text-[13px] text-red-600">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** A labelled input with its help text and errors wired up for screen readers. */
export function Field({
  name,
  label,
  hint,
  errors,
  className,
  ...input
}: {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors?: string[];
} & React.ComponentProps<"input">) {
  const id = input.id ?? `field-${name}`;
  // An error replaces the hint rather than repeating it.
  const showHint = hint && !errors?.length;
  const describedBy =
    [showHint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1.5"
        {...input}
      />
      {showHint && (
        <p id={`${id}-hint`} className="mt-1.5 text-[13px] text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A message for the whole form (not one field), e.g. "Wrong email or password". */
export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  if (!message) return null;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg px-3 py-2 text-sm ring-1 ring-inset",
        tone === "error" ? "bg-red-50 text-red-700 ring-red-200" : "bg-emerald-50 text-emerald-700 ring-emerald-200",
      )}
    >
      {message}
    </p>
  );
}
