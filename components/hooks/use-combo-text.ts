"use client";

// The text of a filter combobox: what is being typed, else the name of what the filter is set to. A picked option's
// name is remembered, so the field keeps showing it while the new options (which name it too) are still loading.
import { useState } from "react";

/** `value`: the filter's value in the URL; `selected`: its name as the loaded options give it. */
export function useComboText(value: string, selected: string) {
  const [typed, setTyped] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const shown = picked && picked.value === value && selected.startsWith("#") ? picked.label : selected;
  return {
    text: typed ?? shown,
    /** The name of the selected value, as the field shows it when nothing is being typed. */
    shown,
    typing: typed !== null && typed !== shown,
    setText: setTyped,
    /** Typing is over: show the selected value's name again. */
    done: () => setTyped(null),
    picked: (pickedValue: string, label: string) => {
      setPicked({ value: pickedValue, label });
      setTyped(null);
    },
  };
}
