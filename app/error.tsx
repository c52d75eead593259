"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="empty" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be loaded. The error has been logged on the server.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        <a href="/">Back to all voices</a>
      </p>
    </section>
  );
}
