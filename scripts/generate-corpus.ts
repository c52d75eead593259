// npm run generate:corpus -- [--voices 100000] [--quotes 1000000] [--sources 1000] [--out FILE]
// Builds a synthetic corpus for benchmarks into its own database (never the real one).
import path from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { generateSyntheticCorpus } from "../tools/synthetic-corpus/generate-synthetic-corpus";
import { runCli } from "./run-cli";

const count = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} must be a whole number` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${name} must be at least ${min}` })
        .max(max, { error: `${name} must be at most ${max}` }),
    );

const FlagsSchema = z.strictObject({
  voices: count("--voices", 1, 10_000_000).default(100_000),
  quotes: count("--quotes", 1, 50_000_000).default(1_000_000),
  sources: count("--sources", 1, 1_000_000).default(1_000),
  seed: count("--seed", 0, 2 ** 31).default(1),
  out: z
    .string()
    .min(1)
    .default(".tmp/synthetic/voices.db")
    .refine((p) => !p.endsWith("prisma/voices.db"), { error: "--out must not be the real database" }),
});

runCli(async () => {
  const { values } = parseArgs({
    options: {
      voices: { type: "string" },
      quotes: { type: "string" },
      sources: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
    },
    strict: true,
  });
  const flags = FlagsSchema.parse(values);
  const bar = new SingleBar({
    format: "Generating {bar} {value}/{total} quotes, {eta}s left",
    noTTYOutput: true,
    notTTYSchedule: 5000,
    stream: process.stderr,
  });
  bar.start(flags.quotes, 0);
  const result = await generateSyntheticCorpus(path.resolve(flags.out), flags, (done) => bar.update(done));
  bar.stop();
  console.error(
    `Built ${flags.out}: ${result.voices} voices, ${result.quotes} quotes in ${result.seconds.toFixed(1)} s (${Math.round(result.quotes / result.seconds)} quotes/s).`,
  );
});
