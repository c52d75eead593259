import type { ReactNode } from "react";

/**
 * A wide table's box, scrolled sideways on a narrow screen. It takes keyboard focus so the
 * table can be scrolled without a mouse, and names itself so a screen reader says what it is.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
