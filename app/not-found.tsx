import Link from "next/link";

export default function NotFound() {
  return (
    <section className="empty">
      <h1>Not found</h1>
      <p>There is no voice or source at this address. Permalinks never change, so the link may be mistyped.</p>
      <p>
        <Link href="/">Search all voices</Link>
      </p>
    </section>
  );
}
