// npm run export -- --format <fmt> [--shape quotes|voices] [filters...] [--out FILE]
// Writes the export to stdout (messages go to stderr, so it can be piped) or to FILE.
// Filters are the explorer's URL parameters as flags, every one but paging (read off the
// schemas: EXPORT_PARAMETERS): --q, --stance (repeatable or comma-separated), --city,
// --ageMin, --sort…; or --voice SLUG, --quote ID, --v SLUG,SLUG (a compare set);
// --version 1.0.0 exports that release instead of the working data.
// A progress line goes to stderr from 500 rows on (--progress shows it always).
// Permalinks are built on PUBLIC_URL; without it they point at http://localhost:3000, and
// a warning on stderr says so.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { getDatabasePath } from "../lib/db/database-path";
import { openExistingDatabase } from "../lib/db/open-existing-database";
import { releaseDatabasePath } from "../lib/releases/release-database-path";
import { EXPORT_PARAMETERS, parseExportRequest } from "../lib/export/export-request";
import { startExport } from "../lib/export/write-export";
import { FALLBACK_BASE_URL, getPublicUrl } from "../lib/meta/permalinks";
import { runCli } from "./run-cli";

const PROGRESS_FROM = 500; // rows; smaller exports finish before a bar would help

runCli(async () => {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(EXPORT_PARAMETERS.map(({ name, multiple }) => [name, { type: "string" as const, multiple }])),
      out: { type: "string" },
      progress: { type: "boolean" },
    },
    strict: true,
  });
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (key !== "out" && key !== "progress") for (const v of [value].flat()) params.append(key, String(v));
  }
  const request = parseExportRequest(params);
  if (getPublicUrl() === null) {
    console.error(
      `Warning: PUBLIC_URL is not set, so this export's permalinks point at ${FALLBACK_BASE_URL}, which only works on this machine. ` +
        "Set PUBLIC_URL to the deployed address, e.g. PUBLIC_URL=https://voices.example.org.",
    );
  }

  let db = openExistingDatabase();
  if (request.version) {
    // --version 1.0.0: export that release, from its own database
    const main = db;
    try {
      db = openExistingDatabase(await releaseDatabasePath(main, getDatabasePath(), request.version));
    } finally {
      await main.$disconnect();
    }
  }
  // an export reads the file once, front to back: SQLite's 16 MB page cache would only hold memory
  await db.$queryRawUnsafe("PRAGMA cache_size = -2000");
  const out = values.out as string | undefined;
  const partial = out ? `${out}.partial` : undefined;
  try {
    const started = performance.now();
    const exp = await startExport(db, request);
    const sink = partial ? createWriteStream(partial) : process.stdout;
    const bar =
      exp.total >= PROGRESS_FROM || values.progress
        ? new SingleBar({
            format: "Exporting {bar} {value}/{total} rows, {eta}s left",
            noTTYOutput: true,
            notTTYSchedule: 2000,
            stream: process.stderr,
          })
        : null;
    bar?.start(exp.total, 0);
    for await (const chunk of exp.chunks((done) => bar?.update(done))) {
      if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
    }
    bar?.stop();
    if (partial && out) {
      sink.end();
      await finished(sink);
      await rename(partial, out); // a failed export never leaves a half-written FILE
    }
    console.error(
      `Exported ${exp.total} ${request.shape} as ${request.format}${out ? ` to ${out}` : ""} in ${((performance.now() - started) / 1000).toFixed(2)} s ` +
        `(corpus version ${exp.provenance.corpusVersion}; ${exp.provenance.selection}).`,
    );
  } finally {
    if (partial) await rm(partial, { force: true });
    await db.$disconnect();
  }
});
