import path from "node:path";
import { z } from "zod";

/** Where the embedded database lives unless DATABASE_URL says otherwise. */
const DEFAULT_DATABASE_URL = "file:./prisma/voices.db";

const DatabaseUrlSchema = z
  .string()
  .trim()
  .startsWith("file:", { error: 'DATABASE_URL must be a SQLite "file:" URL, e.g. file:./prisma/voices.db' })
  .refine((url) => url.length > "file:".length, { error: "DATABASE_URL names no file" });

/**
 * The absolute path of the SQLite file, from DATABASE_URL (relative paths are
 * relative to the working directory, which npm scripts set to the project root).
 */
export function getDatabasePath(env: Record<string, string | undefined> = process.env): string {
  const parsed = DatabaseUrlSchema.safeParse(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  if (!parsed.success) {
    throw new Error(`Invalid DATABASE_URL: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  return path.resolve(parsed.data.slice("file:".length));
}
