"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonStyle } from "./button";
import { Spinner } from "./icons";

/** A form's submit button that shows progress and blocks double submits while the action runs. */
export function SubmitButton({
  children,
  pendingText,
  disabled,
  ...style
}: ButtonStyle & { children: React.ReactNode; pendingText?: string; disabled?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || disabled} aria-disabled={pending || disabled} {...style}>
      {pending && <Spinner className="size-4" />}
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}
