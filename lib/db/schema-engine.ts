import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's CLI needs a native schema engine that it downloads on first use, and our
// machines cannot download it. The same engine is published as WebAssembly, so we
// drive it ourselves. Node 20 cannot `import` a .wasm file, hence the manual
// instantiation (the package's own entry point does exactly this with a wasm import).

const require = createRequire(import.meta.url);


let engineModule: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

function loadEngineModule() {
  engineModule ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package does not export its .wasm file, so find it beside the JS glue.
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(glue), "schema_engine_bg.wasm");
    const module = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return engineModule;
}

/** Opens the schema engine on the SQLite file at `dbPath` (created if missing). */
export async function openSchemaEngine(
  dbPath: string,
  schema: { path: string; content: string },
): Promise<SchemaEngine> {
  const bg = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: `file:${dbPath}` }));
  return bg.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, adapter);
}
