import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import { createPrismaClient } from "../../lib/db/create-prisma-client";
import { findVoices } from "../../lib/search/find-voices";
import { searchVoices } from "../../lib/search/search-voices";
import { buildFtsQuery } from "../../lib/search/fts-query";
import { loadVoiceFacts } from "../../lib/search/voice-facts";
import { parseVoiceQuery } from "../../lib/search/voice-query";
import { summarise, type Latency } from "./latency";
import { scriptCommand } from "../serve-app";

// The measurements behind `npm run bench`. Each returns plain numbers for the report.

export const TYPICAL_QUERIES = [
  "stance=neutral",
  "q=war",
  "q=russia&stance=neutral,pro_ukraine",
  `q=${encodeURIComponent('"information war"')}`,
  "city=almaty&ageBand=30-44",
  "q=propag*&role=citizen&sort=age",
  "q=kazakhstan&country=Kazakhstan&kind=direct",
] as const;

async function time(run: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

/** Search + facets through the app's own code (lib/search/findVoices), in-process. */
export async function measureSearch(dbPath: string, runs: number) {
  const db = createPrismaClient(dbPath, { readonly: true });
  try {
    const started = performance.now();
    await loadVoiceFacts(db);
    const factsLoadMs = performance.now() - started;
    const perQuery: Record<string, Latency> = {};
    const uncachedPerQuery: Record<string, Latency> = {};
    const all: number[] = [];
    const allUncached: number[] = [];
    for (const search of TYPICAL_QUERIES) {
      const query = parseVoiceQuery(new URLSearchParams(search));
      // as a page or /api/voices runs it: recent searches answered from the cache
      const times = await time(() => findVoices(db, query), runs);
      perQuery[search] = summarise(times);
      all.push(...times);
      // the full search every time: text matching, filtering and every facet count
      const uncached = await time(() => searchVoices(db, query, { cached: false }), Math.max(5, Math.round(runs / 3)));
      uncachedPerQuery[search] = summarise(uncached);
      allUncached.push(...uncached);
    }
    return { factsLoadMs, perQuery, overall: summarise(all), uncachedPerQuery, uncached: summarise(allUncached) };
  } finally {
    await db.$disconnect();
  }
}

/**
 * The floor: the same searches run directly in SQLite through better-sqlite3, with the
 * filtering and the stance counts done in SQL, so the app's overhead shows as a ratio.
 */
export async function measureSqliteFloor(dbPath: string, runs: number) {
  const sqlite = new Database(dbPath, { readonly: true });
  try {
    const perQuery: Record<string, Latency> = {};
    const all: number[] = [];
    for (const search of TYPICAL_QUERIES) {
      const q = parseVoiceQuery(new URLSearchParams(search));
      const where: string[] = [];
      const params: unknown[] = [];
      const fts = q.q ? buildFtsQuery(q.q) : null;
      if (fts) {
        // the stemmed index ranks words and phrases; the exact one keeps true phrases and prefixes
        const index = fts.stemmed === null ? "QuoteExact" : "QuoteSearch";
        const exact =
          fts.stemmed !== null && fts.exact !== null ? ` AND +q.rowid IN (SELECT rowid FROM "QuoteExact" WHERE "QuoteExact" MATCH ?)` : "";
        where.push(
          `v."slug" IN (SELECT q."voiceSlug" FROM "${index}" JOIN "Quote" q ON q.rowid = "${index}".rowid WHERE "${index}" MATCH ?${exact}${q.kind.length ? ` AND q."kind" IN (${q.kind.map(() => "?").join(",")})` : ""})`,
        );
        params.push(fts.stemmed ?? fts.exact, ...(exact ? [fts.exact] : []), ...q.kind);
      } else if (q.kind.length) {
        where.push(`EXISTS (SELECT 1 FROM "Quote" q WHERE q."voiceSlug" = v."slug" AND q."kind" IN (${q.kind.map(() => "?").join(",")}))`);
        params.push(...q.kind);
      }
      const list = (column: string, values: string[]) => {
        if (values.length) {
          where.push(`${column} IN (${values.map(() => "?").join(",")})`);
          params.push(...values);
        }
      };
      list(`v."stance"`, q.stance);
      list(`v."placeSlug"`, q.city);
      list(`v."role"`, q.role);
      list(`p."country"`, q.country);
      if (q.ageBand.includes("30-44")) where.push(`v."age" BETWEEN 30 AND 44`);
      const statement = sqlite.prepare(
        `SELECT v."stance" AS stance, COUNT(*) AS n FROM "Voice" v LEFT JOIN "Place" p ON p."slug" = v."placeSlug" ${where.length ? `WHERE ${where.join(" AND ")}` : ""} GROUP BY v."stance"`,
      );
      const times = await time(() => statement.all(...params), runs);
      perQuery[search] = summarise(times);
      all.push(...times);
    }
    return { perQuery, overall: summarise(all) };
  } finally {
    sqlite.close();
  }
}

/** Runs a command to completion, sampling its peak resident memory from /proc. */
export function runMeasured(command: string, args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ seconds: number; peakRssMb: number; code: number | null; stderr: string }>((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peak = 0;
    child.stderr.on("data", (d) => (stderr += d));
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const hwm = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0);
        peak = Math.max(peak, hwm);
      } catch {
        // exited between samples
      }
    }, 50);
    child.on("exit", (code) => {
      clearInterval(sample);
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak / 1024), code, stderr });
    });
  });
}

/** /api/voices under concurrent load from autocannon. */
export async function measureLoad(baseUrl: string, connections: number, seconds: number) {
  const { default: autocannon } = await import("autocannon");
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: TYPICAL_QUERIES.map((q) => ({ method: "GET", path: `/api/voices?${q}` })),
  });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    throughput: result.requests.average,
    latency: { median: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Pages and API routes of the synthetic corpus, for one request each. */
export const PAGES = [
  "/",
  "/?q=war&stance=neutral",
  "/insights",
  "/insights?row=source",
  "/facets/source",
  "/compare?v=synthetic-voice-0,synthetic-voice-1",
  "/voices/synthetic-voice-0",
  "/sources/synthetic-source-0",
  "/api/voices",
  "/api/quotes?q=war",
  "/api/sources",
  "/api/sources/synthetic-source-0",
  "/api/voices/synthetic-voice-0",
  "/api/meta",
  "/api/facets/source",
] as const;

/** Each page once, in turn: status, time to the last byte and size, so that none fails or balloons at scale. */
export async function measurePages(baseUrl: string) {
  const results: { url: string; status: number; ms: number; bytes: number }[] = [];
  for (const url of PAGES) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${url}`);
    const body = await response.arrayBuffer();
    results.push({ url, status: response.status, ms: performance.now() - started, bytes: body.byteLength });
  }
  return results;
}

export function machineDetails() {
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} (${os.arch()})`,
    sqlite: (new Database(":memory:").prepare("select sqlite_version() as v").get() as { v: string }).v,
  };
}

/**
 * The command `npm run export` runs, as [node, args], straight from package.json: the
 * benchmark measures exactly what users run, as one process, so /proc shows its memory.
 */
export function exportCommand(root: string): [string, string[]] {
  return [process.execPath, scriptCommand(root, "export").args];
}

/**
 * 50 connections (by default) mixing searches, pages, exports and insights for `seconds`,
 * while `swap()` replaces the served database every `swapEveryMs` (a reseed's rename).
 * Counts errors (a network error or a status other than 200 and 429), timeouts (no answer
 * within 60 s), 429s (an export refused while the queue is full, by design), and checks
 * every export whole and from one corpus: its items are exactly the reference export of
 * the corpus version its provenance names.
 */
export async function measureMixedLoad(options: {
  baseUrl: string;
  connections: number;
  seconds: number;
  swapEveryMs: number;
  swap(): Promise<void>;
  exportPath: string;
  /** The export's items (its lines after the provenance line), by corpus version. */
  referenceExports: Map<string, string[]>;
}) {
  const kinds = {
    search: TYPICAL_QUERIES.map((q) => `/api/voices?${q}`),
    page: ["/", "/?q=war&stance=neutral", "/voices/synthetic-voice-0", "/sources/synthetic-source-0", "/api/meta"],
    insights: ["/insights", "/insights?row=source"],
    export: [options.exportPath],
  };
  const plan = ["search", "search", "search", "page", "page", "page", "insights", "export"] as const;
  const times: Record<keyof typeof kinds, number[]> = { search: [], page: [], insights: [], export: [] };
  let errors = 0;
  let timeouts = 0;
  let refused = 0;
  let exportsChecked = 0;
  let exportsInconsistent = 0;
  const errorSamples: string[] = [];
  const inconsistentSamples: string[] = [];
  const deadline = Date.now() + options.seconds * 1000;
  let swaps = 0;
  const swapper = (async () => {
    while (Date.now() + options.swapEveryMs < deadline) {
      await new Promise((r) => setTimeout(r, options.swapEveryMs));
      await options.swap();
      swaps++;
    }
  })();
  const worker = async (n: number) => {
    for (let i = n; Date.now() < deadline; i++) {
      const kind = plan[i % plan.length]!;
      const url = kinds[kind][i % kinds[kind].length]!;
      const started = performance.now();
      try {
        const response = await fetch(`${options.baseUrl}${url}`, { signal: AbortSignal.timeout(60_000) });
        const body = await response.text();
        if (response.status === 429 && kind === "export") refused++;
        else if (response.status !== 200) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${response.status} ${url}`);
        } else {
          times[kind].push(performance.now() - started);
          if (kind === "export") {
            const [head = "", ...items] = body.trimEnd().split("\n");
            const version = (JSON.parse(head) as { provenance: { corpusVersion: string } }).provenance.corpusVersion;
            const reference = options.referenceExports.get(version);
            exportsChecked++;
            if (!reference || reference.length !== items.length || reference.some((line, k) => line !== items[k])) {
              exportsInconsistent++;
              // what it holds instead: how many of its items each corpus version has
              const from = [...options.referenceExports].map(([v, lines]) => {
                const set = new Set(lines);
                return `${items.filter((line) => set.has(line)).length} of ${v}`;
              });
              if (inconsistentSamples.length < 5)
                inconsistentSamples.push(`named ${version}, ${items.length} items (reference ${reference?.length}): ${from.join(", ")}`);
            }
          }
        }
      } catch (error) {
        if ((error as Error).name === "TimeoutError") timeouts++;
        else {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${(error as Error).message} ${url}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, n) => worker(n)));
  await swapper;
  const small = [...times.search, ...times.page];
  return {
    connections: options.connections,
    seconds: options.seconds,
    swaps,
    requests: Object.values(times).reduce((n, t) => n + t.length, 0) + errors + timeouts + refused,
    errors,
    timeouts,
    refused429: refused,
    errorSamples,
    exports: { checked: exportsChecked, inconsistent: exportsInconsistent, inconsistentSamples },
    latency: {
      small: small.length ? summarise(small) : null,
      search: times.search.length ? summarise(times.search) : null,
      page: times.page.length ? summarise(times.page) : null,
      insights: times.insights.length ? summarise(times.insights) : null,
      export: times.export.length ? summarise(times.export) : null,
    },
  };
}
