"use client";

import { useState } from "react";

/**
 * Copies `text` to the clipboard and says so, for screen readers too. With `html`, the
 * clipboard holds both text/html (a word processor keeps the italics) and text/plain.
 */
export function CopyButton({ text, html, label }: { text: string; html?: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={label}
      onClick={async () => {
        try {
          if (html !== undefined && typeof ClipboardItem !== "undefined") {
            await navigator.clipboard.write([
              new ClipboardItem({
                "text/html": new Blob([html], { type: "text/html" }),
                "text/plain": new Blob([text], { type: "text/plain" }),
              }),
            ]);
          } else {
            await navigator.clipboard.writeText(text);
          }
          setState("copied");
        } catch {
          setState("failed");
        }
        window.setTimeout(() => setState("idle"), 2500);
      }}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text" : "Copy"}
      <span className="visually-hidden" role="status">
        {state === "copied" ? "Copied to the clipboard" : ""}
      </span>
    </button>
  );
}
