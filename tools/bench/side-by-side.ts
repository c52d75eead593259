import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findFreePort, spawnServer } from "../serve-app";
import { processTree, processUsage } from "./process-usage";

// Voices beside Datasette on the same SQLite file, as the same person would use them: each
// server started from nothing, asked the same kinds of question, weighed and timed. The two
// run in turn, three times (interleaved, so that a machine busy with other work weighs on
// both), and the report gives each figure's min–max over the three and the ratio's.

/** One server under test. */
type Contender = {
  name: string;
  start(port: number): ChildProcess;
  /** A full-text search of the quotes for `words`, with counts, as JSON. */
  searchPath(words: string): string;
  /** What to weigh: a label and a path, the same labels for both where they have an equivalent (a failed request is left out). */
  payloads: [label: string, path: string][];
};

/** Words of the synthetic corpus: two of them make a search that few quotes match and nobody has run. */
const WORDS =
  "war peace russia ukraine kazakhstan neutrality government people country border army propaganda media news television family brother mother worried support against economy sanctions trade prices oil pipeline city village steppe language history soviet".split(
    " ",
  );
const PAIRS = WORDS.flatMap((a) => WORDS.filter((b) => b !== a).map((b) => `${a} ${b}`));

export function voicesContender(root: string, dbPath: string): Contender {
  return {
    name: "Voices",
    // the production server, as `npm start` and tools/serve-app.ts run it
    start: (port) => spawnServer(root, dbPath, port, "ignore"),
    searchPath: (words) => `/api/voices?q=${encodeURIComponent(words)}`,
    payloads: [
      ["first page of results with facets (JSON)", "/api/voices"],
      ["search, a common word (JSON)", "/api/voices?q=war"],
      ["search, a phrase (JSON)", `/api/voices?q=${encodeURIComponent('"information war"')}`],
      ["first page (HTML)", "/"],
      ["quotes table page (HTML)", "/?view=quotes"],
      ["/insights?row=source (HTML)", "/insights?row=source"],
      ["a source page (HTML)", "/sources/synthetic-source-0"],
      ["every value of a facet, first page (HTML)", "/facets/source"],
    ],
  };
}

/**
 * Datasette, when it can be run: `datasette` on the PATH, or DATASETTE_SRC (a checkout of
 * its source, with ASGI_CSRF_SRC for asgi-csrf's) run by Debian's python3. Null otherwise.
 */
export function datasetteContender(dbPath: string, scratch: string): Contender | null {
  const python = process.env.DATASETTE_PYTHON ?? "/usr/bin/python3";
  const source = process.env.DATASETTE_SRC;
  const onPath = spawnSync("datasette", ["--version"], { stdio: "ignore" }).status === 0;
  if (!onPath && !(source && existsSync(path.join(source, "datasette")) && existsSync(python))) return null;
  // Datasette does not detect full-text tables declared with content='Quote': name it
  const metadata = path.join(scratch, "datasette-metadata.json");
  const database = path.basename(dbPath, ".db");
  writeFileSync(
    metadata,
    JSON.stringify({ databases: { [database]: { tables: { Quote: { fts_table: "QuoteSearch", fts_pk: "rowid" } } } } }),
  );
  const args = (port: number) => ["serve", "-i", dbPath, "--metadata", metadata, "-p", String(port), "-h", "127.0.0.1"];
  return {
    name: "Datasette",
    start: (port) =>
      onPath
        ? spawn("datasette", args(port), { stdio: "ignore" })
        : spawn(python, ["-m", "datasette", ...args(port)], {
            env: { ...process.env, PYTHONPATH: [source, process.env.ASGI_CSRF_SRC].filter(Boolean).join(":") },
            stdio: "ignore",
          }),
    searchPath: (words) => `/${database}/Quote.json?_search=${encodeURIComponent(words)}&_size=20&_facet=kind`,
    payloads: [
      [
        "first page of results with facets (JSON)",
        `/${database}/Voice.json?_size=20&_facet=stance&_facet=role&_facet=placeSlug&_facet=sourceSlug`,
      ],
      ["search, a common word (JSON)", `/${database}/Quote.json?_search=war&_size=20&_facet=kind`],
      ["search, a phrase (JSON)", `/${database}/Quote.json?_search=${encodeURIComponent('"information war"')}&_size=20&_facet=kind`],
      ["first page (HTML)", "/"],
      ["quotes table page (HTML)", `/${database}/Quote`],
    ],
  };
}

const PAYLOAD_TIMEOUT_MS = 60_000;

async function waitForAnswer(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited before answering ${url}`);
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${deadlineMs / 1000} s`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Load = { requestsPerSecond: number; p99Ms: number; errors: number; timeouts: number; non2xx: number; cpuMsPerRequest: number };

/** Searches nobody has run before (two words each, a new pair for every request), from `connections` clients. */
async function measureLoad(baseUrl: string, contender: Contender, pid: number, connections: number, seconds: number): Promise<Load> {
  const { default: autocannon } = await import("autocannon");
  let next = Math.floor(Math.random() * PAIRS.length);
  const before = processUsage(pid).cpuSeconds;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: contender.searchPath(PAIRS[next++ % PAIRS.length]!) }) }],
  });
  const cpu = processUsage(pid).cpuSeconds - before;
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, result.requests.total),
  };
}

export type Run = {
  contender: string;
  repetition: number;
  /** From launching the server process to its first search answered. */
  firstSearchMs: number;
  idleRssMb: number;
  loads: Record<number, Load>;
  rssAfterLoadMb: number;
  payloadBytes: Record<string, number>;
};

async function runOnce(contender: Contender, repetition: number, connections: number[], seconds: number): Promise<Run> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = contender.start(port);
  try {
    await waitForAnswer(`${baseUrl}${contender.searchPath("soviet steppe")}`, child, 300_000);
    const firstSearchMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRssMb = processUsage(child.pid!).rssMb;
    const loads: Record<number, Load> = {};
    for (const n of connections) loads[n] = await measureLoad(baseUrl, contender, child.pid!, n, seconds);
    const rssAfterLoadMb = processUsage(child.pid!).rssMb;
    const payloadBytes: Record<string, number> = {};
    for (const [label, url] of contender.payloads) {
      try {
        const response = await fetch(`${baseUrl}${url}`, { signal: AbortSignal.timeout(PAYLOAD_TIMEOUT_MS) });
        const body = await response.arrayBuffer();
        if (response.ok) payloadBytes[label] = body.byteLength;
      } catch {
        // no answer in time (a server still working through the load's backlog): left out, shown as –
      }
    }
    return { contender: contender.name, repetition, firstSearchMs, idleRssMb, loads, rssAfterLoadMb, payloadBytes };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    // a server's own children: make sure nothing of it outlives the run
    for (const p of processTree(child.pid!).slice(1)) {
      try {
        process.kill(p, "SIGTERM");
      } catch {
        // gone
      }
    }
  }
}

/** Each contender in turn, `repetitions` times. */
export async function measureSideBySide(contenders: Contender[], options: { repetitions: number; connections: number[]; seconds: number }) {
  const runs: Run[] = [];
  for (let repetition = 1; repetition <= options.repetitions; repetition++)
    for (const contender of contenders) {
      console.error(`  ${contender.name}, repetition ${repetition} of ${options.repetitions}…`);
      runs.push(await runOnce(contender, repetition, options.connections, options.seconds));
    }
  return runs;
}

const range = (values: number[], digits = 0) => {
  const fmt = (n: number) => n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? fmt(min) : `${fmt(min)}–${fmt(max)}`;
};

/** The side-by-side table in Markdown: each figure's min–max over the repetitions, and Voices ÷ Datasette. */
export function formatSideBySide(runs: Run[], note: string | null): string {
  const names = [...new Set(runs.map((r) => r.contender))];
  const of = (name: string) => runs.filter((r) => r.contender === name);
  const [voices, datasette] = [of("Voices"), of("Datasette")];
  // Voices ÷ Datasette per repetition; "–" when either has no figure (or Datasette's is 0)
  const ratio = (pick: (r: Run) => number | undefined) => {
    const ratios = voices.flatMap((v, i) => {
      const theirs = datasette[i] ? pick(datasette[i]) : undefined;
      const mine = pick(v);
      return theirs && mine !== undefined ? [mine / theirs] : [];
    });
    return ratios.length === voices.length ? `${range(ratios, 2)}×` : "–";
  };
  const row = (label: string, pick: (r: Run) => number | undefined, digits = 0) =>
    `| ${label} | ${names
      .map((name) =>
        of(name).every((r) => pick(r) !== undefined)
          ? range(
              of(name).map((r) => pick(r)!),
              digits,
            )
          : "–",
      )
      .join(" | ")} |${datasette.length ? ` ${ratio(pick)} |` : ""}`;
  const connections = Object.keys(voices[0]?.loads ?? {}).map(Number);
  const labels = [...new Set(runs.flatMap((r) => Object.keys(r.payloadBytes)))];
  return [
    ...(note ? [note, ""] : []),
    `| measure | ${names.join(" | ")} |${datasette.length ? " Voices ÷ Datasette |" : ""}`,
    `| --- | ${names.map(() => "---").join(" | ")} |${datasette.length ? " --- |" : ""}`,
    row("launch to first search answered (ms)", (r) => r.firstSearchMs),
    row("RSS idle after start (MB)", (r) => r.idleRssMb),
    ...connections.flatMap((n) => [
      row(`new searches, ${n} connections: requests/s`, (r) => r.loads[n]?.requestsPerSecond, 1),
      row(`new searches, ${n} connections: p99 (ms)`, (r) => r.loads[n]?.p99Ms),
      row(`new searches, ${n} connections: server CPU per request (ms)`, (r) => r.loads[n]?.cpuMsPerRequest, 1),
      // autocannon counts a timeout among its errors too
      row(`new searches, ${n} connections: failed (errors and non-2xx)`, (r) => {
        const load = r.loads[n];
        return load && load.errors + load.non2xx;
      }),
      row(`new searches, ${n} connections: of which timeouts`, (r) => r.loads[n]?.timeouts),
    ]),
    row("RSS after the load (MB)", (r) => r.rssAfterLoadMb),
    ...labels.map((label) =>
      row(`${label} (KB)`, (r) => (r.payloadBytes[label] === undefined ? undefined : r.payloadBytes[label]! / 1024)),
    ),
    "",
  ].join("\n");
}
