"use client";

import Link from "next/link";

/**
 * The footer of every page: the corpus's version and counts, and how to cite it. A client
 * component handed only those: its links and words then come once, in the cached script,
 * not in every response's React payload (decision 026).
 */
export function SiteFooter(props: {
  release: string | null;
  version: string;
  versionDate: string;
  counts: { voices: number; quotes: number; sources: number };
  citation: string;
}) {
  const { release, version, versionDate, counts, citation } = props;
  return (
    <footer className="site-footer">
      <p>
        {release ? (
          <>
            Corpus release <Link href={`/changes#release-${release}`}>{release}</Link>
          </>
        ) : (
          <>
            Corpus version <code>{version}</code> (<Link href="/changes">unreleased changes</Link>)
          </>
        )}
        , of {versionDate}: {counts.voices} voices, {counts.quotes} quotes from {counts.sources} sources.{" "}
        <Link href="/about">About this corpus</Link> · <a href="/api/meta">Corpus metadata</a> · <Link href="/api-docs">API</Link> (
        <a href="/api/openapi.json">OpenAPI document</a>)
      </p>
      <p>Cite the corpus as: {citation}</p>
    </footer>
  );
}
