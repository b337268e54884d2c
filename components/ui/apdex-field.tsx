import { APDEX_T_LIMITS } from "@/lib/validations/apdex";
import { Field } from "./input";

/** The Apdex threshold input, the same for an app and for one endpoint. */
export function ApdexField(props: Omit<React.ComponentProps<typeof Field>, "name" | "type">) {
  return (
    <Field
      name="apdexTMs"
      type="number"
      inputMode="numeric"
      min={APDEX_T_LIMITS.min}
      max={APDEX_T_LIMITS.max}
      step={10}
      {...props}
    />
  );
}
