// npm run bench -- [--voices 100000] [--quotes 1000000] [--reuse] [--runs 30] [--connections 50] [--seconds 30]
//                   [--only-mixed] [--only-exports] [--exports-at-once 20] [--side-by-side-only] [--repetitions 3]
//                   [--side-by-side-seconds 10] [--no-build]
// Benchmarks on a synthetic corpus (built through the seed's path, into .tmp/bench/):
// seed rate, search + facets latency against the SQLite floor, /api/voices under load,
// a CSV export of every quote, a mixed load (searches, pages, exports, insights) while
// the database is swapped every 5 s, as a reseed does (--only-mixed: that one alone), small
// requests alone and during full exports (--only-exports: that one alone), and
// Voices beside Datasette on the same file (when Datasette can be run: see
// docs/performance.md; --side-by-side-only: that one alone). Writes .tmp/bench/report.md and report.json.
// A benchmark, not a test: it reports numbers and the targets beside them.
import { existsSync } from "node:fs";
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { createPrismaClient } from "../lib/db/create-prisma-client";
import { parseExportRequest } from "../lib/export/export-request";
import { startExport } from "../lib/export/write-export";
import { generateSyntheticCorpus } from "../tools/synthetic-corpus/generate-synthetic-corpus";
import {
  machineDetails,
  measureLoad,
  measureMixedLoad,
  measurePages,
  measureSearch,
  measureSqliteFloor,
  runMeasured,
  exportCommand,
  TYPICAL_QUERIES,
} from "../tools/bench/benchmarks";
import { buildApp, serveApp } from "../tools/serve-app";
import { formatExportsBesideRequests, measureExportsBesideRequests } from "../tools/bench/exports-beside-requests";
import { datasetteContender, formatSideBySide, measureSideBySide, voicesContender } from "../tools/bench/side-by-side";
import { runCli } from "./run-cli";

const whole = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} must be a whole number` })
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const FlagsSchema = z.strictObject({
  voices: whole("--voices", 10, 10_000_000).default(100_000),
  quotes: whole("--quotes", 10, 50_000_000).default(1_000_000),
  runs: whole("--runs", 5, 10_000).default(30),
  connections: whole("--connections", 1, 1000).default(50),
  seconds: whole("--seconds", 1, 600).default(30),
  reuse: z.boolean().default(false),
  onlyMixed: z.boolean().default(false),
  onlyExports: z.boolean().default(false),
  exportsAtOnce: whole("--exports-at-once", 1, 100).default(20),
  build: z.boolean().default(true),
  sideBySideOnly: z.boolean().default(false),
  repetitions: whole("--repetitions", 1, 20).default(3),
  sideBySideSeconds: whole("--side-by-side-seconds", 1, 600).default(10),
});

const TARGETS = { searchP95Ms: 150, overheadRatio: 2, exportPeakMb: 300 };

function sideBySideHeading(flags: { repetitions: number; sideBySideSeconds: number }) {
  return `Same file, each server started from nothing; ${flags.repetitions} interleaved repetitions (figures are min–max over them); new two-word searches for ${flags.sideBySideSeconds} s at each number of connections.`;
}

/** Voices beside Datasette (or alone, with a note saying why) on the file at `dbPath`. */
async function runSideBySide(root: string, dbPath: string, dir: string, flags: { repetitions: number; sideBySideSeconds: number }) {
  const datasette = datasetteContender(dbPath, dir);
  const note = datasette
    ? null
    : '**Datasette column skipped:** no `datasette` on the PATH and no `DATASETTE_SRC` checkout to run with Debian\'s python3 (see docs/performance.md, "Voices beside Datasette").';
  if (note) console.error(note.replace(/\*\*/g, ""));
  console.error("Voices beside Datasette…");
  const runs = await measureSideBySide([voicesContender(root, dbPath), ...(datasette ? [datasette] : [])], {
    repetitions: flags.repetitions,
    connections: [10, 50],
    seconds: flags.sideBySideSeconds,
  });
  return { runs, datasette: datasette !== null, markdown: formatSideBySide(runs, note) };
}

runCli(async () => {
  const { values } = parseArgs({
    options: {
      voices: { type: "string" },
      quotes: { type: "string" },
      runs: { type: "string" },
      connections: { type: "string" },
      seconds: { type: "string" },
      reuse: { type: "boolean" },
      "only-mixed": { type: "boolean" },
      "only-exports": { type: "boolean" },
      "exports-at-once": { type: "string" },
      build: { type: "boolean" },
      "no-build": { type: "boolean" },
      "side-by-side-only": { type: "boolean" },
      repetitions: { type: "string" },
      "side-by-side-seconds": { type: "string" },
    },
    strict: true,
  });
  const {
    "no-build": noBuild,
    "only-mixed": onlyMixed,
    "only-exports": onlyExports,
    "exports-at-once": exportsAtOnce,
    "side-by-side-only": sideBySideOnly,
    "side-by-side-seconds": sideBySideSeconds,
    ...rest
  } = values;
  const flags = FlagsSchema.parse({ ...rest, build: !noBuild, onlyMixed, onlyExports, exportsAtOnce, sideBySideOnly, sideBySideSeconds });
  const root = process.cwd();
  const dir = path.join(root, ".tmp/bench");
  const dbPath = path.join(dir, "voices.db");
  await mkdir(dir, { recursive: true });

  let seed: { voices: number; quotes: number; seconds: number; quotesPerSecond: number } | null = null;
  if (!flags.reuse || !existsSync(dbPath)) {
    const bar = new SingleBar({
      format: "Synthetic corpus {bar} {value}/{total} quotes, {eta}s left",
      noTTYOutput: true,
      notTTYSchedule: 5000,
      stream: process.stderr,
    });
    bar.start(flags.quotes, 0);
    const built = await generateSyntheticCorpus(
      dbPath,
      { voices: flags.voices, quotes: flags.quotes, sources: Math.max(1, Math.round(flags.voices / 100)), seed: 1 },
      (n) => bar.update(n),
    );
    bar.stop();
    seed = { ...built, quotesPerSecond: Math.round(built.quotes / built.seconds) };
  }

  if (flags.build) {
    console.error("Building the app…");
    await buildApp(root);
  }
  if (flags.onlyMixed) {
    const mixed = await runMixedLoad(root, dir, dbPath, flags);
    const markdown = [...tableHead, formatMixed(mixed)].join("\n");
    await writeReport(dir, "report-mixed", markdown, {
      date: new Date().toISOString(),
      machine: machineDetails(),
      corpus: { voices: flags.voices, quotes: flags.quotes },
      mixed,
    });
    process.stdout.write(markdown);
    return;
  }

  if (flags.onlyExports) {
    const exports = await runExportsBesideRequests(root, dbPath, flags.exportsAtOnce);
    const markdown = [
      `# Small requests during full exports, ${new Date().toISOString().slice(0, 10)}`,
      "",
      ...tableHead,
      formatExportsBesideRequests(exports),
      "",
    ].join("\n");
    await writeReport(dir, "report-exports", markdown, {
      date: new Date().toISOString(),
      machine: machineDetails(),
      corpus: { voices: flags.voices, quotes: flags.quotes },
      exports,
    });
    process.stdout.write(markdown);
    return;
  }

  const sideBySide = await runSideBySide(root, dbPath, dir, flags);
  if (flags.sideBySideOnly) {
    const markdown = [
      `# Voices beside Datasette, ${new Date().toISOString().slice(0, 10)}`,
      "",
      sideBySideHeading(flags),
      "",
      sideBySide.markdown,
    ].join("\n");
    await writeReport(dir, "side-by-side", markdown, { machine: machineDetails(), ...sideBySide });
    process.stdout.write(markdown);
    console.error(`Wrote ${path.relative(root, dir)}/side-by-side.md and side-by-side.json.`);
    return;
  }

  console.error("Search + facets, in-process…");
  const search = await measureSearch(dbPath, flags.runs);
  console.error("The same searches directly in SQLite…");
  const floor = await measureSqliteFloor(dbPath, flags.runs);

  console.error("CSV export of every quote…");
  const csv = path.join(dir, "all-quotes.csv");
  const [command, args] = exportCommand(root);
  const exported = await runMeasured(command, [...args, "--format", "csv", "--out", csv], { DATABASE_URL: `file:${dbPath}` }, root);
  await rm(csv, { force: true });
  if (exported.code !== 0) throw new Error(`The export failed:\n${exported.stderr}`);

  const app = await serveApp(root, dbPath);
  let load, pages;
  try {
    // a started server: its first request loads the search index; every typical search is
    // still cold when the load starts, and all the connections open at once
    await (await fetch(`${app.baseUrl}/api/voices?pageSize=1`)).text();
    console.error(`/api/voices under load: ${flags.connections} connections for ${flags.seconds} s…`);
    load = await measureLoad(app.baseUrl, flags.connections, flags.seconds);
    console.error("Every page and API route once…");
    pages = await measurePages(app.baseUrl);
  } finally {
    await app.stop();
  }
  const exports = await runExportsBesideRequests(root, dbPath, flags.exportsAtOnce);
  const mixed = await runMixedLoad(root, dir, dbPath, flags);

  const ratio = search.uncached.p95 / Math.max(0.001, floor.overall.p95);
  const report = {
    date: new Date().toISOString(),
    machine: machineDetails(),
    corpus: { voices: flags.voices, quotes: flags.quotes },
    seed,
    search,
    floor,
    overhead: { p95Ratio: ratio },
    export: { seconds: exported.seconds, peakRssMb: exported.peakRssMb },
    load,
    pages,
    exports,
    mixed,
    sideBySide: sideBySide.runs,
    targets: TARGETS,
  };
  const ms = (n: number) => n.toFixed(1);
  const rows = TYPICAL_QUERIES.map(
    (q) =>
      `| \`${decodeURIComponent(q)}\` | ${ms(search.perQuery[q]!.p95)} | ${ms(search.uncachedPerQuery[q]!.median)} | ${ms(search.uncachedPerQuery[q]!.p95)} | ${ms(floor.perQuery[q]!.median)} | ${ms(floor.perQuery[q]!.p95)} |`,
  );
  const markdown = [
    `# Voices benchmark, ${report.date.slice(0, 10)}`,
    "",
    `Machine: ${report.machine.cpus}, ${report.machine.memoryGb} GB, ${report.machine.platform}, Node ${report.machine.node}, SQLite ${report.machine.sqlite}.`,
    `Corpus: synthetic, ${flags.voices} voices and ${flags.quotes} quotes.`,
    "",
    ...tableHead,
    seed ? `| seed rate | ${seed.quotesPerSecond} quotes/s (${seed.seconds.toFixed(0)} s) | |` : "| seed rate | (reused database) | |",
    `| search + facets p95, as served (recent searches cached) | ${ms(search.overall.p95)} ms (median ${ms(search.overall.median)}) | < ${TARGETS.searchP95Ms} ms |`,
    `| search + facets p95, uncached (the full work every time) | ${ms(search.uncached.p95)} ms (median ${ms(search.uncached.median)}) | < ${TARGETS.searchP95Ms} ms |`,
    `| same searches directly in SQLite, p95 | ${ms(floor.overall.p95)} ms | |`,
    `| app overhead, uncached p95 / SQLite p95 | ${ratio.toFixed(2)}× | < ${TARGETS.overheadRatio}× |`,
    `| /api/voices, ${load.connections} connections, ${load.seconds} s | ${Math.round(load.throughput)} req/s, p99 ${load.latency.p99} ms (max ${load.latency.max} ms), ${load.errors} errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx | no errors |`,
    `| CSV export of all quotes | ${exported.seconds.toFixed(1)} s, peak memory ${exported.peakRssMb} MB | < ${TARGETS.exportPeakMb} MB |`,
    `| search index loaded once per connection | ${ms(search.factsLoadMs)} ms | |`,
    formatExportsBesideRequests(exports),
    formatMixed(mixed),
    "| query | served p95 (ms) | uncached median (ms) | uncached p95 (ms) | SQLite median (ms) | SQLite p95 (ms) |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "| page or API route, requested once | status | time (ms) | size (KB) |",
    "| --- | --- | --- | --- |",
    ...pages.map((p) => `| \`${p.url}\` | ${p.status} | ${p.ms.toFixed(0)} | ${Math.round(p.bytes / 1024)} |`),
    "",
    "## Voices beside Datasette",
    "",
    sideBySideHeading(flags),
    "",
    sideBySide.markdown,
  ].join("\n");
  await writeReport(dir, "report", markdown, report);
  process.stdout.write(markdown);
  console.error(`Wrote ${path.relative(root, dir)}/report.md and report.json.`);
});

/** A report as `<name>.md` and its figures as `<name>.json`, in `dir`. */
async function writeReport(dir: string, name: string, markdown: string, data: object) {
  await writeFile(path.join(dir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
  await writeFile(path.join(dir, `${name}.md`), markdown);
}

const tableHead = ["| measure | result | target |", "| --- | --- | --- |"];

/** Small requests alone, then beside `exportsAtOnce` full CSV exports, on a server of its own. */
async function runExportsBesideRequests(root: string, dbPath: string, exportsAtOnce: number) {
  const app = await serveApp(root, dbPath);
  try {
    console.error(`Small requests alone, then during ${exportsAtOnce} full exports at once…`);
    return await measureExportsBesideRequests({
      baseUrl: app.baseUrl,
      pid: app.pid,
      exportPath: "/api/export?format=csv",
      exportsAtOnce,
      aloneSeconds: 10,
    });
  } finally {
    await app.stop();
  }
}

const MIXED_EXPORT = "/api/export?format=jsonl&shape=quotes&stance=neutral&kind=direct";

/** The mixed load against a served copy of the corpus, swapped with a second corpus every 5 s. */
async function runMixedLoad(
  root: string,
  dir: string,
  dbPath: string,
  flags: { voices: number; quotes: number; connections: number; seconds: number },
) {
  const a = path.join(dir, "mixed-a.db");
  const b = path.join(dir, "mixed-b.db");
  const served = path.join(dir, "mixed-served.db");
  await copyFile(dbPath, a);
  console.error("A second corpus to swap with…");
  await generateSyntheticCorpus(b, {
    voices: flags.voices,
    quotes: flags.quotes,
    sources: Math.max(1, Math.round(flags.voices / 100)),
    seed: 2,
  });
  await copyFile(a, served);
  const app = await serveApp(root, served);
  let next = b;
  try {
    // each corpus's export as the app writes it, permalinks on the app's own address
    const referenceExports = new Map<string, string[]>();
    for (const file of [a, b]) {
      const db = createPrismaClient(file, { readonly: true });
      const request = parseExportRequest(new URL(MIXED_EXPORT, "http://x").searchParams);
      const started = await startExport(db, request, { baseUrl: app.baseUrl });
      let text = "";
      for await (const chunk of started.chunks()) text += chunk;
      referenceExports.set(started.provenance.corpusVersion, text.trimEnd().split("\n").slice(1));
      await db.$disconnect();
    }
    // each export is checked against the reference of the version it names: two corpora under
    // one name (as the synthetic ones of one size once were) would make that check meaningless
    if (referenceExports.size !== 2) throw new Error("The two corpora of the mixed load have the same version");
    await (await fetch(`${app.baseUrl}/api/voices?pageSize=1`)).text();
    console.error(`Mixed load: ${flags.connections} connections for ${flags.seconds} s, swapping the database every 5 s…`);
    return await measureMixedLoad({
      baseUrl: app.baseUrl,
      connections: flags.connections,
      seconds: flags.seconds,
      swapEveryMs: 5000,
      exportPath: MIXED_EXPORT,
      referenceExports,
      // as the seed does: a complete file beside the served one, renamed over it
      swap: async () => {
        await copyFile(next, `${served}.building`);
        await rename(`${served}.building`, served);
        next = next === a ? b : a;
      },
    });
  } finally {
    await app.stop();
  }
}

function formatMixed(mixed: Awaited<ReturnType<typeof measureMixedLoad>>): string {
  const l = (x: { median: number; p99: number; max: number } | null) =>
    x ? `median ${x.median.toFixed(0)}, p99 ${x.p99.toFixed(0)}, max ${x.max.toFixed(0)}` : "–";
  return [
    `| mixed load, ${mixed.connections} connections, ${mixed.seconds} s, ${mixed.swaps} database swaps | ${mixed.requests} requests, ${mixed.errors} errors, ${mixed.timeouts} timeouts, ${mixed.refused429} exports refused with 429 | no errors, no timeouts |`,
    `| exports whole and from one corpus | ${mixed.exports.checked - mixed.exports.inconsistent} of ${mixed.exports.checked} | all |`,
    `| small requests (searches and pages), ms | ${l(mixed.latency.small)} | |`,
    `| searches / pages / insights / exports, ms | ${l(mixed.latency.search)} / ${l(mixed.latency.page)} / ${l(mixed.latency.insights)} / ${l(mixed.latency.export)} | |`,
    ...(mixed.errorSamples.length ? [`| error samples | ${mixed.errorSamples.join("; ")} | |`] : []),
    ...(mixed.exports.inconsistentSamples.length ? [`| inconsistent exports | ${mixed.exports.inconsistentSamples.join("; ")} | |`] : []),
    "",
  ].join("\n");
}
