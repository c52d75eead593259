import "server-only";
import { createPrismaClient, type Database } from "./create-prisma-client";
import { getDatabasePath } from "./database-path";

// One client per server process; in development Next reloads modules, so the client
// is kept on globalThis to avoid opening a new connection on every edit.
const globalForDb = globalThis as unknown as { voicesDb?: Database };

export const db: Database = globalForDb.voicesDb ?? createPrismaClient(getDatabasePath());

if (process.env.NODE_ENV !== "production") globalForDb.voicesDb = db;
