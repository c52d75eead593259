export default function Loading() {
  return (
    <section className="empty" aria-busy="true">
      <p role="status">Loading voices…</p>
    </section>
  );
}
