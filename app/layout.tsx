import Link from "next/link";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getDb } from "@/lib/db/client";
import { citeCorpus, getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { getRequestPermalinks } from "@/lib/meta/request-permalinks";
import { CompareTray } from "./_components/compare-tray";
import { QuoteListTray } from "./_components/quote-list-tray";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Voices", template: "%s · Voices" },
  description: "The people quoted in news reporting on how Kazakhstan views Russia's war in Ukraine, with their exact words.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

async function Footer() {
  await connection(); // the database is read per request, never at build time
  const [corpus, permalinks] = await Promise.all([getCorpusInfo(await getDb()), getRequestPermalinks()]);
  return (
    <footer className="site-footer">
      <p>
        Corpus version <code>{corpus.version}</code>, of {corpus.versionDate}: {corpus.counts.voices} voices, {corpus.counts.quotes} quotes
        from {corpus.counts.sources} sources. <a href="/api/meta">Corpus metadata</a> · <a href="/api/openapi.json">API</a>
      </p>
      <p>Cite the corpus as: {citeCorpus(corpus, permalinks)}</p>
    </footer>
  );
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-title">
            Voices
          </Link>
          <span className="site-tagline">Kazakhstan on Russia&rsquo;s war in Ukraine, in the words of those quoted</span>
          <nav aria-label="Site" className="site-nav">
            <Link href="/">Voices</Link>
            <Link href="/insights">Insights</Link>
            <a href="/api/openapi.json">API</a>
          </nav>
        </header>
        <main id="main">{children}</main>
        <Footer />
        <div className="trays">
          <QuoteListTray />
          <CompareTray />
        </div>
      </body>
    </html>
  );
}
