"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { FacetValue } from "@/lib/search/filter-voices";

/** A value the person can change, reset whenever `given` (from the URL) changes. */
function useFollowed<T>(given: T): [T, (value: T) => void] {
  const [value, setValue] = useState(given);
  const [previous, setPrevious] = useState(given);
  if (previous !== given) {
    setPrevious(given);
    setValue(given);
  }
  return [value, setValue];
}

// The explorer's form controls. Each keeps its element across re-renders (a remounted
// checkbox would drop keyboard focus to the page body) and follows the URL when it changes
// elsewhere: Back, a removed chip.

/** A facet value's checkbox. */
function FacetCheckbox({ name, value, selected }: { name: string; value: string; selected: boolean }) {
  const [checked, setChecked] = useFollowed(selected);
  return <input type="checkbox" name={name} value={value} checked={checked} onChange={(e) => setChecked(e.target.checked)} />;
}

/**
 * A facet's values, each a checkbox with its label and count (read with its unit). One
 * client component for the list, handed the values as data: rendered by a server component,
 * each value's label, spans and classes would be written into the page's React payload too.
 */
export function FacetValues({ name, values, unit }: { name: string; values: FacetValue[]; unit: "voice" | "quote" }) {
  return values.map((v) => (
    <label key={v.value} className={v.count === 0 && !v.selected ? "facet-value zero" : "facet-value"}>
      <FacetCheckbox name={name} value={v.value} selected={v.selected} />
      {`${v.label} `}
      <span className="count">
        {v.count}
        <span className="visually-hidden">{v.count === 1 ? ` ${unit}` : ` ${unit}s`}</span>
      </span>
    </label>
  ));
}

/** A whole-number field (the age range); not overwritten while someone types in it. */
export function NumberField({ name, value, min, max }: { name: string; value: number | undefined; min: number; max: number }) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== ref.current) setText(value === undefined ? "" : String(value));
  }, [value]);
  return (
    <input
      ref={ref}
      type="number"
      name={name}
      min={min}
      max={max}
      inputMode="numeric"
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
}

/** A select (sort, page size). */
export function SelectField({ id, name, value, children }: { id: string; name: string; value: string; children: ReactNode }) {
  const [chosen, setChosen] = useFollowed(value);
  return (
    <select id={id} name={name} value={chosen} onChange={(e) => setChosen(e.target.value)}>
      {children}
    </select>
  );
}
