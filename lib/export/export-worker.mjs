// The entry point of an export worker thread (see export-pool.ts). The app's lib/ is
// TypeScript and a worker runs outside Next's bundle, so tsx compiles it on load.
import { register } from "tsx/esm/api";

register();
await import("./export-job.ts");
