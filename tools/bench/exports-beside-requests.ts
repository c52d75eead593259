import { spawn } from "node:child_process";
import { processUsage } from "./process-usage";
import { summarise, type Latency } from "./latency";

// Small requests while full exports stream (issues 16 and 17): one client asks small
// questions one after another, first with nothing else running, then while `exports`
// clients each download a full export as fast as they can read it. The server's memory is
// sampled all along. Exports run in worker threads; if they slowed small requests or grew
// memory without bound, this shows it.

/** The small requests asked in turn: a tiny route, two searches (cached after their first time), a voice, a facet. */
const SMALL_REQUESTS = [
  "/api/meta",
  "/api/voices?q=war&stance=neutral",
  "/api/voices/synthetic-voice-1",
  "/api/voices?stance=pro_ukraine&pageSize=20",
  "/api/facets/source",
] as const;

const SAMPLE_EVERY_MS = 250;

type Asked = { times: number[]; byRequest: Map<string, number[]>; failed: string[] };

/** Small requests in turn, one at a time, until `until()` says stop; their times in ms, all and by request. */
async function askInTurn(baseUrl: string, until: () => boolean): Promise<Asked> {
  const times: number[] = [];
  const byRequest = new Map<string, number[]>(SMALL_REQUESTS.map((url) => [url, []]));
  const failed: string[] = [];
  for (let i = 0; !until(); i++) {
    const url = SMALL_REQUESTS[i % SMALL_REQUESTS.length]!;
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}${url}`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        times.push(performance.now() - started);
        byRequest.get(url)!.push(times.at(-1)!);
      } else failed.push(`${response.status} ${url}`);
    } catch (error) {
      failed.push(`${(error as Error).message} ${url}`);
    }
  }
  return { times, byRequest, failed };
}

/** The p99 of each small request's times, slowest first: which of them makes the tail. */
function p99ByRequest(asked: Asked): [url: string, p99: number][] {
  return [...asked.byRequest]
    .filter(([, times]) => times.length > 0)
    .map(([url, times]): [string, number] => [url, summarise(times).p99])
    .sort((a, b) => b[1] - a[1]);
}

// An export's client runs in a process of its own, as another user's would: read in the
// process that times the small requests, a 10 MB/s download took turns on its event loop
// and added its own delays to every small request's time.
const DOWNLOAD = `
const started = performance.now();
const response = await fetch(process.argv[1]);
let bytes = 0;
for await (const chunk of response.body ?? []) bytes += chunk.byteLength;
console.log(JSON.stringify({ status: response.status, bytes, seconds: (performance.now() - started) / 1000 }));`;

/** One export read to its end, as fast as a client can: its status, bytes and seconds. */
function download(baseUrl: string, exportPath: string): Promise<{ status: number; bytes: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", DOWNLOAD, `${baseUrl}${exportPath}`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`the export's client exited with ${code}`)),
    );
  });
}

export type ExportsBesideRequests = {
  exportPath: string;
  exportsAtOnce: number;
  alone: Latency | null;
  duringExports: Latency | null;
  /** Each small request's p99 during the exports, slowest first. */
  duringByRequest: [url: string, p99: number][];
  failed: string[];
  exports: { status: number; bytes: number; seconds: number }[];
  rssMb: { idle: number; peak: number; after: number };
};

/**
 * The server at `pid` answers `baseUrl`: small requests alone for `aloneSeconds`, then
 * beside `exportsAtOnce` downloads of `exportPath`, until the last download ends.
 */
export async function measureExportsBesideRequests(options: {
  baseUrl: string;
  pid: number;
  exportPath: string;
  exportsAtOnce: number;
  aloneSeconds: number;
}): Promise<ExportsBesideRequests> {
  const { baseUrl, pid } = options;
  // every small request once, so that neither phase pays for a first render
  await askInTurn(
    baseUrl,
    (() => {
      let n = 0;
      return () => n++ >= SMALL_REQUESTS.length;
    })(),
  );
  const idle = processUsage(pid).rssMb;
  const aloneUntil = Date.now() + options.aloneSeconds * 1000;
  const alone = await askInTurn(baseUrl, () => Date.now() > aloneUntil);

  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, processUsage(pid).rssMb)), SAMPLE_EVERY_MS);
  let running = true;
  const downloads = Promise.all(Array.from({ length: options.exportsAtOnce }, () => download(baseUrl, options.exportPath))).finally(
    () => (running = false),
  );
  const during = await askInTurn(baseUrl, () => !running);
  const exports = await downloads;
  clearInterval(sampler);
  // what stays once the exports are done, and the idle export workers have been stopped (after 15 s)
  await new Promise((r) => setTimeout(r, 20_000));
  return {
    exportPath: options.exportPath,
    exportsAtOnce: options.exportsAtOnce,
    alone: alone.times.length ? summarise(alone.times) : null,
    duringExports: during.times.length ? summarise(during.times) : null,
    duringByRequest: p99ByRequest(during),
    failed: [...alone.failed, ...during.failed],
    exports,
    rssMb: { idle: Math.round(idle), peak: Math.round(peak), after: Math.round(processUsage(pid).rssMb) },
  };
}

export function formatExportsBesideRequests(m: ExportsBesideRequests): string {
  const l = (x: Latency | null) =>
    x ? `median ${x.median.toFixed(1)}, p99 ${x.p99.toFixed(1)}, max ${x.max.toFixed(1)} (${x.runs} requests)` : "–";
  const done = m.exports.filter((e) => e.status === 200);
  const refused = m.exports.filter((e) => e.status === 429).length;
  const other = m.exports.length - done.length - refused;
  const seconds = done.map((e) => e.seconds).sort((a, b) => a - b);
  return [
    `| small requests alone, ms | ${l(m.alone)} | |`,
    `| small requests during ${m.exportsAtOnce} full exports at once, ms | ${l(m.duringExports)} | p99 < 50 ms |`,
    `| each small request's p99 during the exports, ms | ${m.duringByRequest.map(([url, p99]) => `\`${url}\` ${p99.toFixed(1)}`).join("; ")} | |`,
    `| the exports (\`${m.exportPath}\`) | ${done.length} whole (${seconds.length ? `${seconds[0]!.toFixed(1)}–${seconds.at(-1)!.toFixed(1)} s, ${(done[0]!.bytes / 2 ** 20).toFixed(1)} MB each` : "none"}), ${refused} refused with 429${other ? `, ${other} failed` : ""} | |`,
    `| server RSS: idle, peak during the exports, 20 s after, MB | ${m.rssMb.idle}, ${m.rssMb.peak}, ${m.rssMb.after} | |`,
    ...(m.failed.length ? [`| failed small requests | ${m.failed.length}: ${m.failed.slice(0, 5).join("; ")} | none |`] : []),
  ].join("\n");
}
