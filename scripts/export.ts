// npm run export -- --format json – writes every voice to stdout in the chosen format;
// messages go to stderr so the output can be piped.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openExistingDatabase } from "../lib/db/open-existing-database";
import { findExportVoices } from "../lib/export/find-export-voices";
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from "../lib/export/formats";
import { runCli } from "./run-cli";

const FlagsSchema = z.strictObject({
  format: z.enum(EXPORT_FORMAT_IDS, {
    error: (issue) =>
      issue.input === undefined
        ? `is required (one of: ${EXPORT_FORMAT_IDS.join(", ")})`
        : `"${String(issue.input)}" is not a format; use one of: ${EXPORT_FORMAT_IDS.join(", ")}`,
  }),
});

runCli(async () => {
  const { values } = parseArgs({ options: { format: { type: "string" } }, strict: true });
  const flags = FlagsSchema.parse(values);
  const db = openExistingDatabase();
  try {
    const voices = await findExportVoices(db);
    process.stdout.write(EXPORT_FORMATS[flags.format].format(voices));
    console.error(`Exported ${voices.length} voices (${voices.reduce((n, v) => n + v.quotes.length, 0)} quotes) as ${flags.format}.`);
  } finally {
    await db.$disconnect();
  }
});
