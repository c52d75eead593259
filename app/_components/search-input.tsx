"use client";

import { useEffect, useRef, useState } from "react";

/** The search box; follows the URL when the search changes elsewhere (a removed chip), unless being typed in. */
export function SearchInput({ value }: { value: string }) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== ref.current) setText(value);
  }, [value]);
  return (
    <input
      ref={ref}
      id="q"
      name="q"
      type="search"
      value={text}
      onChange={(e) => setText(e.target.value)}
      maxLength={5000}
      placeholder="Words, a “phrase”, a name, a city…"
      autoComplete="off"
      aria-describedby="q-help"
    />
  );
}
