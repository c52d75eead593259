import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

export type Database = PrismaClient;

/** A Prisma client on the SQLite file at `dbPath`, through the better-sqlite3 driver adapter. */
export function createPrismaClient(dbPath: string, options: { readonly?: boolean } = {}): PrismaClient {
  const adapter = new PrismaBetterSqlite3({
    url: `file:${dbPath}`,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  return new PrismaClient({ adapter });
}
