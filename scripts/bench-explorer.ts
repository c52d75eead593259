// npm run bench:explorer – server response times of the explorer page and /api/voices
// on the seeded corpus (median and p95 over repeated requests), with and without
// filters and search. A benchmark, not a test: it reports, it does not pass or fail.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { seedDatabase } from "../lib/seed/seed-database";
import { buildApp, serveApp } from "../tools/serve-app";
import { runCli } from "./run-cli";

const FlagsSchema = z.strictObject({
  requests: z.coerce.number().int().min(10, { error: "--requests must be at least 10" }).max(100_000).default(200),
  build: z.enum(["yes", "no"]).default("yes"),
});

const SCENARIOS = [
  ["home page", "/"],
  ["home page, search + filters", "/?q=russia&stance=neutral,pro_russia&ageBand=30-44,45-59"],
  ["/api/voices", "/api/voices"],
  ["/api/voices, filters", "/api/voices?stance=neutral&city=karaganda,astana&role=citizen"],
  ["/api/voices, search", "/api/voices?q=propaganda"],
  ["/api/voices, search + filters + sort", "/api/voices?q=kazakh&kind=direct&country=Kazakhstan&sort=age"],
] as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

runCli(async () => {
  const { values } = parseArgs({ options: { requests: { type: "string" }, build: { type: "string" } }, strict: true });
  const flags = FlagsSchema.parse(values);
  const root = process.cwd();
  const dbPath = path.join(await mkdtemp(path.join(tmpdir(), "voices-bench-")), "voices.db");
  await seedDatabase({ dataDir: path.join(root, "data"), dbPath, root });
  if (flags.build === "yes") {
    console.error("Building the app…");
    await buildApp(root);
  }
  const app = await serveApp(root, dbPath);
  try {
    const rows: { scenario: string; path: string; median: number; p95: number; max: number }[] = [];
    for (const [scenario, url] of SCENARIOS) {
      for (let i = 0; i < 20; i++) await (await fetch(app.baseUrl + url)).arrayBuffer(); // warm up
      const times: number[] = [];
      for (let i = 0; i < flags.requests; i++) {
        const started = performance.now();
        const response = await fetch(app.baseUrl + url);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const row = { scenario, path: url, median: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
      rows.push(row);
      console.error(`  ${scenario.padEnd(40)} median ${row.median.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
    }
    console.log("| scenario | median (ms) | p95 (ms) | max (ms) |\n| --- | --- | --- | --- |");
    for (const r of rows)
      console.log(`| ${r.scenario} (\`${r.path}\`) | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`);
    console.log(`\n${flags.requests} sequential requests per scenario after 20 warm-up requests, Node ${process.version}, loopback HTTP.`);
  } finally {
    await app.stop();
  }
});
