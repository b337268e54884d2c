"use client";

// A text field with a list of options under it (the ARIA combobox pattern): arrows move through the options,
// Enter picks the highlighted one (or hands the typed text over when none is), Escape closes the list and drops
// what was typed.
// The caller owns the text and the options, so it can search as the text changes.
import { useId, useState } from "react";
import { ClearFieldButton } from "./clear-field-button";
import { cn } from "./cn";
import { inputClass } from "./input";

export interface ComboOption {
  key: string;
  label: string;
  /** Options of a group are listed together under its name. */
  group?: string;
}

export function Combobox(props: {
  label: string;
  placeholder: string;
  className?: string;
  text: string;
  onTextChange: (text: string) => void;
  options: ComboOption[];
  /** Shown under the options while more are being looked for. */
  loading: boolean;
  /** Shown when there is text and no option. */
  emptyText: string;
  onPick: (option: ComboOption) => void;
  /** Enter or leaving the field with no option highlighted. */
  onSubmitText: (text: string) => void;
  onClear: () => void;
  /** Escape: drop what was typed, as the text filters do. */
  onRevert: () => void;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = open ? props.options : [];
  const highlighted = active >= 0 && active < options.length ? options[active] : null;
  const optionId = (i: number) => `${listId}-${i}`;
  const item = ({ option, index }: { option: ComboOption; index: number }) => (
    <ComboItem
      key={option.key}
      id={optionId(index)}
      option={option}
      active={index === active}
      onPick={() => pick(option)}
    />
  );

  const pick = (option: ComboOption) => {
    setOpen(false);
    setActive(-1);
    props.onPick(option);
  };
  const move = (by: number) => {
    setOpen(true);
    if (props.options.length) setActive((i) => (i + by + props.options.length) % props.options.length);
  };

  return (
    <div className={cn("relative", props.className)}>
      <input
        role="combobox"
        aria-label={props.label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlighted ? optionId(active) : undefined}
        autoComplete="off"
        className={cn(inputClass, "h-9 py-1.5 pr-7 text-[13px]")}
        placeholder={props.placeholder}
        value={props.text}
        onChange={(e) => {
          props.onTextChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          props.onSubmitText(props.text);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            move(e.key === "ArrowDown" ? 1 : -1);
          } else if (e.key === "Enter") {
            e.preventDefault();
            if (highlighted) pick(highlighted);
            else {
              setOpen(false);
              props.onSubmitText(props.text);
            }
          } else if (e.key === "Escape") {
            setOpen(false);
            setActive(-1);
            props.onRevert();
          }
        }}
      />
      {props.text && (
        <ClearFieldButton
          label={props.label}
          onClick={() => {
            setOpen(false);
            props.onClear();
          }}
        />
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={props.label}
        hidden={!open || (!options.length && !props.loading && !props.text.trim())}
        className={cn(
          "absolute top-full left-0 z-30 mt-1 max-h-72 w-full min-w-56 overflow-y-auto rounded-lg bg-white py-1",
          "text-[13px] shadow-lg ring-1 ring-slate-200",
        )}
      >
        {sections(options).map(({ group, items }) =>
          group ? (
            <li key={`group:${group}`} role="group" aria-label={group}>
              <div
                aria-hidden="true"
                className="px-3 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase"
              >
                {group}
              </div>
              <ul role="presentation">{items.map(item)}</ul>
            </li>
          ) : (
            items.map(item)
          ),
        )}
        {props.loading ? (
          <li role="presentation" className="px-3 py-1.5 text-slate-500">
            Searching…
          </li>
        ) : (
          !options.length &&
          props.text.trim() && (
            <li role="presentation" className="px-3 py-1.5 text-slate-500">
              {props.emptyText}
            </li>
          )
        )}
      </ul>
    </div>
  );
}

/** Runs of options with the same group, each option with its index in the whole list (arrows move through all). */
function sections(options: ComboOption[]) {
  const runs: { group: string | undefined; items: { option: ComboOption; index: number }[] }[] = [];
  options.forEach((option, index) => {
    const last = runs.at(-1);
    if (last && last.group === option.group) last.items.push({ option, index });
    else runs.push({ group: option.group, items: [{ option, index }] });
  });
  return runs;
}

function ComboItem(props: { id: string; option: ComboOption; active: boolean; onPick: () => void }) {
  return (
    <li
      id={props.id}
      role="option"
      aria-selected={props.active}
      // Picking must not blur the field first: the blur would submit the typed text instead.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onPick}
      className={cn(
        "cursor-pointer truncate px-3 py-1.5 font-mono text-slate-800",
        props.active ? "bg-indigo-50 text-indigo-900" : "hover:bg-slate-50",
      )}
      title={props.option.label}
    >
      {props.option.label}
    </li>
  );
}
