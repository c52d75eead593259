// npm run db:seed – validate the corpus in data/, verify every quote against its
// document, and (re)build the database. Exits 1 with the problems listed on failure.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { VoicesError } from "../lib/errors";
import { getDatabasePath } from "../lib/db/database-path";
import { seedDatabase } from "../lib/seed/seed-database";
import { runCli } from "./run-cli";

const FlagsSchema = z.strictObject({
  data: z.string().min(1, { error: "--data needs a folder" }).default("data"),
});

runCli(async () => {
  const { values } = parseArgs({ options: { data: { type: "string" } }, strict: true });
  const flags = FlagsSchema.parse(values);
  const dbPath = getDatabasePath();
  try {
    const report = await seedDatabase({ dataDir: path.resolve(flags.data), dbPath });
    const c = report.counts;
    console.error(
      `Seeded ${path.relative(process.cwd(), dbPath)} in ${(report.milliseconds / 1000).toFixed(2)} s ` +
        `(corpus version ${report.version}):\n` +
        `  ${c.sources} sources, ${c.documents} documents, ${c.voices} voices, ${c.quotes} quotes, ` +
        `${c.evidence} evidence spans, ${c.places} places\n` +
        (report.release
          ? `  the working data is release ${report.release}`
          : `  the working data holds unreleased changes${report.releases.length ? ` since release ${report.releases.at(-1)}` : " (no release yet)"}`) +
        (report.releases.length ? ` (releases: ${report.releases.join(", ")})` : ""),
    );
  } catch (error) {
    if (error instanceof VoicesError && error.code === "invalid_corpus") {
      throw new VoicesError(error.code, `${error.message}\nNothing was changed: the database at ${dbPath} is as it was.`, error.issues);
    }
    throw error;
  }
});
