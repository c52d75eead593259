"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

const PHONE = "(max-width: 48rem)";

/**
 * Progressive enhancement of the explorer's GET form: without JavaScript it submits
 * as a normal form; with it, every change updates the URL (debounced while typing)
 * and the server re-renders the results without a full reload. Each change is a
 * history entry, so Back undoes it; `defaults` are left out of the URL.
 */
export function ExplorerShell({
  controls,
  results,
  defaults,
}: {
  controls: ReactNode;
  results: ReactNode;
  defaults: Record<string, string>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const enhanced = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const lastWasTyping = useRef(false);

  // On a phone the filters would push the results off screen: start them folded; opened,
  // they cover the screen as a panel (styled only once this script runs, so that without
  // JavaScript the page reads top to bottom).
  useEffect(() => {
    const filters = filtersPanel();
    if (filters && window.matchMedia(PHONE).matches) filters.open = false;
  }, []);

  function filtersPanel() {
    const filters = formRef.current?.querySelector("details.filters");
    return filters instanceof HTMLDetailsElement ? filters : undefined;
  }

  function showResults() {
    const filters = filtersPanel();
    if (filters && window.matchMedia(PHONE).matches) filters.open = false;
    const heading = document.getElementById("results-heading");
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  }

  function navigate(typing: boolean) {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "" && defaults[key] !== value) params.append(key, value);
    }
    const search = params.toString();
    const href = search ? `/?${search}` : "/";
    if (href === window.location.pathname + window.location.search) return;
    // a word typed letter by letter is one change, not one history entry per pause
    const replace = typing && lastWasTyping.current;
    lastWasTyping.current = typing;
    startTransition(() => (replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
  }

  return (
    <div className="explorer" aria-busy={pending} data-enhanced={enhanced || undefined}>
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
          if (typed === "search" || typed === "number") timer.current = window.setTimeout(() => navigate(true), 300);
          else navigate(false);
        }}
        onKeyDown={(event) => {
          const filters = filtersPanel();
          if (event.key === "Escape" && filters?.open && window.matchMedia(PHONE).matches) {
            filters.open = false;
            filters.querySelector("summary")?.focus();
          }
        }}
        onSubmit={(event) => {
          event.preventDefault();
          window.clearTimeout(timer.current);
          navigate(false);
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          if (submitter?.classList.contains("show-results")) showResults();
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
