"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="empty" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be loaded. The error has been logged on the server.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/">Back to all voices</Link>
      </p>
    </section>
  );
}
