import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as EngineGlueModule from "@prisma/schema-engine-wasm/schema_engine_bg";

// Prisma's CLI needs a native schema engine that it downloads on first use, and our
// machines cannot download it. The same engine is published as WebAssembly, so we
// drive it ourselves. Node 20 cannot `import` a .wasm file, hence the manual
// instantiation (the package's own entry point does exactly this with a wasm import).

const require = createRequire(import.meta.url);

type EngineGlue = typeof EngineGlueModule;
let engineModule: Promise<EngineGlue> | undefined;

function loadEngineModule() {
  engineModule ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package does not export its .wasm file, so find it beside the JS glue.
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(glue), "schema_engine_bg.wasm");
    const wasm = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(wasm, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return engineModule;
}

export type OpenSchemaEngine = {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened, releasing the file's locks. */
  close(): Promise<void>;
};

/** Opens the schema engine on the SQLite file at `dbPath` (created if missing). */
export async function openSchemaEngine(dbPath: string, schema: { path: string; content: string }): Promise<OpenSchemaEngine> {
  const bg = await loadEngineModule();
  const factory = new PrismaBetterSqlite3({ url: `file:${dbPath}` });
  // The engine never closes its connections, so we keep them and close them ourselves.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}
