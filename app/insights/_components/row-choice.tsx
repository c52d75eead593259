"use client";

import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { useHydrated } from "../../_components/use-hydrated";

/**
 * The matrix's row choice: a GET form that, with JavaScript, applies as soon as the choice
 * changes (a history entry, the page kept where it is), like the explorer's controls.
 * Without JavaScript its button submits it.
 */
export function RowChoice({ children }: { children: ReactNode }) {
  const router = useRouter();
  const enhanced = useHydrated();
  const [pending, startTransition] = useTransition();
  return (
    <form
      action="/insights"
      method="get"
      className="matrix-form"
      aria-busy={pending}
      onChange={(event) => {
        const params = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string") params.append(key, value);
        startTransition(() => router.push(`/insights?${params.toString()}`, { scroll: false }));
      }}
    >
      {children}
      <button type="submit" hidden={enhanced}>
        Show
      </button>
    </form>
  );
}
