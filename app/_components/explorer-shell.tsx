"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type ReactNode } from "react";

/**
 * Progressive enhancement of the explorer's GET form: without JavaScript it submits
 * as a normal form; with it, every change updates the URL (debounced while typing)
 * and the server re-renders the results without a full reload.
 */
export function ExplorerShell({ controls, results }: { controls: ReactNode; results: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);

  // On a phone the filters would push the results off screen: start them folded.
  useEffect(() => {
    const filters = formRef.current?.querySelector("details.filters");
    if (filters instanceof HTMLDetailsElement && window.matchMedia("(max-width: 48rem)").matches) filters.open = false;
  }, []);

  function navigate() {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value);
    }
    const search = params.toString();
    startTransition(() => router.replace(search ? `/?${search}` : "/", { scroll: false }));
  }

  return (
    <div className="explorer" aria-busy={pending}>
      <form
        ref={formRef}
        action="/"
        method="get"
        role="search"
        aria-label="Search and filter voices"
        className="explorer-controls"
        onChange={(event) => {
          window.clearTimeout(timer.current);
          const typed = event.target instanceof HTMLInputElement ? event.target.type : "";
          if (typed === "search" || typed === "number") timer.current = window.setTimeout(navigate, 300);
          else navigate();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          window.clearTimeout(timer.current);
          navigate();
        }}
      >
        {controls}
      </form>
      <div className="explorer-results">
        <p role="status" className="pending-note">
          {pending ? "Updating results…" : ""}
        </p>
        {results}
      </div>
    </div>
  );
}
