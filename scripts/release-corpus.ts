// npm run corpus:release -- --version 1.1.0 --notes "What changed and why" [--date YYYY-MM-DD] [--data data]
// Writes data/releases/<version>.json: the corpus in data/ as published (every source,
// document reference, place, voice, quote and evidence span) with its checksum. Commit it
// with the data; then `npm run db:seed` serves it. A release file is never edited.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { makeRelease } from "../lib/releases/make-release";
import { RELEASE_NOTES_MAX_LENGTH, releaseFileName, VersionSchema } from "../lib/releases/release-files";
import { runCli } from "./run-cli";

const FlagsSchema = z.strictObject({
  version: VersionSchema,
  notes: z
    .string({ error: 'give --notes "…": what the release changed and why' })
    .trim()
    .min(1, { error: "say what the release changed and why" })
    .max(RELEASE_NOTES_MAX_LENGTH, { error: `at most ${RELEASE_NOTES_MAX_LENGTH} characters` }),
  date: z.iso.date({ error: "must be a date, YYYY-MM-DD" }).default(() => new Date().toISOString().slice(0, 10)),
  data: z.string().min(1, { error: "--data needs a folder" }).default("data"),
});

runCli(async () => {
  const { values } = parseArgs({
    options: { version: { type: "string" }, notes: { type: "string" }, date: { type: "string" }, data: { type: "string" } },
    strict: true,
  });
  const flags = FlagsSchema.parse({ ...values, version: values.version ?? "" });
  const dataDir = path.resolve(flags.data);
  const made = await makeRelease({ dataDir, version: flags.version, notes: flags.notes, date: flags.date });
  const counted = (kind: string) => made.changes.filter((c) => c.change === kind).length;
  console.error(
    `Wrote ${path.join(path.relative(process.cwd(), dataDir) || ".", releaseFileName(made.release.version))} ` +
      `(release ${made.release.version}, ${made.release.date}, ${made.release.checksum.slice(0, 19)}…).\n` +
      (made.previous
        ? `  Since ${made.previous}: ${counted("added")} added, ${counted("removed")} removed, ${counted("edited")} fields edited.\n`
        : "  The first release.\n") +
      '  Commit it with the data, then run "npm run db:seed".',
  );
});
