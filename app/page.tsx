import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { findVoicesBySource } from "@/lib/voices/find-voices-by-source";
import { StanceBadge } from "./_components/stance-badge";

export default async function HomePage() {
  await connection(); // read the database per request, never at build time
  const sources = await findVoicesBySource(db);
  const total = sources.reduce((n, s) => n + s.voices.length, 0);

  if (total === 0) {
    return (
      <section className="empty">
        <h1>No voices yet</h1>
        <p>
          The database is empty. Run <code>npm run db:seed</code> to load the corpus.
        </p>
      </section>
    );
  }

  return (
    <>
      <h1>
        {total} voices from {sources.length} sources
      </h1>
      {sources.map((source) => (
        <section key={source.slug} aria-labelledby={`source-${source.slug}`} className="source">
          <h2 id={`source-${source.slug}`}>{source.title}</h2>
          <p className="source-meta">
            {source.publisher}
            {source.publishedAt ? `, ${source.publishedAt}` : ", date not printed"} · {source.voices.length} voices
          </p>
          <ul className="voice-list">
            {source.voices.map((voice) => (
              <li key={voice.slug} className="voice-card">
                <div className="voice-head">
                  <strong>{voice.name}</strong>
                  <StanceBadge stance={voice.stance} />
                </div>
                <p className="voice-facts">
                  {[voice.age !== null ? `${voice.age}` : null, voice.occupation, voice.city].filter(Boolean).join(" · ") ||
                    "No age, occupation or city stated"}
                </p>
                {voice.firstQuote && <blockquote>{voice.firstQuote}</blockquote>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
