import Link from "next/link";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getDb } from "@/lib/db/client";
import { citeCorpus, getCorpusInfo, isUnreleased } from "@/lib/meta/get-corpus-info";
import { getRequestPermalinks } from "@/lib/meta/request-permalinks";
import { CompareTray } from "./_components/compare-tray";
import { QuoteListTray } from "./_components/quote-list-tray";
import { SiteFooter } from "./_components/site-footer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Voices", template: "%s · Voices" },
  description: "The people quoted in news reporting on how Kazakhstan views Russia's war in Ukraine, with their exact words.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

async function Footer() {
  await connection(); // the database is read per request, never at build time
  const corpus = await getCorpusInfo(await getDb());
  const permalinks = await getRequestPermalinks(corpus.release);
  return (
    <SiteFooter
      release={corpus.release}
      version={corpus.version}
      versionDate={corpus.versionDate}
      counts={{ voices: corpus.counts.voices, quotes: corpus.counts.quotes, sources: corpus.counts.sources }}
      citation={citeCorpus(corpus, permalinks)}
    />
  );
}

/** On every page while the working data differs from the latest release: readers must know what they cite. */
async function UnreleasedNotice() {
  await connection();
  const corpus = await getCorpusInfo(await getDb());
  if (corpus.release) return null;
  return (
    <p className="notice unreleased-notice" role="note">
      This corpus holds <Link href="/changes#unreleased">unreleased changes</Link>
      {isUnreleased(corpus.version) && !corpus.version.startsWith("0.0.0+") ? ` since release ${corpus.version.split("+")[0]}` : ""}: its
      links cannot be pinned to a release, and citations name it as unreleased.
    </p>
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
            <Link href="/changes">Changes</Link>
            <Link href="/about">About</Link>
            <Link href="/api-docs">API</Link>
          </nav>
        </header>
        <main id="main">
          <UnreleasedNotice />
          {children}
        </main>
        <Footer />
        <div className="trays">
          <QuoteListTray />
          <CompareTray />
        </div>
      </body>
    </html>
  );
}
