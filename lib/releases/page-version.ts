import "server-only";
import { cache } from "react";
import type { Database } from "../db/create-prisma-client";
import { VoicesError } from "../errors";
import { getDbAt } from "./release-database";
import { parseVersionParam } from "./version-param";

/**
 * The version a page was asked for (`?version=`; null: the working data) and its database;
 * null when the version is malformed or names no release: the page then answers with the
 * not-found page (404), which says which (lib/releases/explain-not-found.ts).
 */
export const getPageCorpus = cache(async function getPageCorpus(
  searchParams: Record<string, string | string[] | undefined>,
): Promise<{ version: string | null; db: Database } | null> {
  try {
    const version = parseVersionParam(searchParams);
    return { version, db: await getDbAt(version) };
  } catch (error) {
    if (error instanceof VoicesError && (error.code === "not_found" || error.code === "invalid_input")) return null;
    throw error;
  }
});
