import type { Database } from "./create-prisma-client";

// After `next build`, a module can be bundled twice (once with the API routes, once with
// the pages), and each copy would hold its own module-level variables: the search index
// would load twice and requests from the two halves would not take turns with each other.
// State that must exist once per process lives here, on globalThis under a registered
// symbol, whichever bundle asks for it first.

/** The process's one value named `name`, created on first use. */
export function processState<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(`voices.${name}`);
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}

const perConnection = processState("per-connection", () => new WeakMap<Database, Map<string, unknown>>());

/**
 * The value named `name` for this database connection, created on first use. A connection's
 * database never changes (a reseed opens a new connection), so nothing kept here goes
 * stale; it is dropped with the connection.
 */
export function connectionState<T>(db: Database, name: string, create: () => T): T {
  let state = perConnection.get(db);
  if (!state) perConnection.set(db, (state = new Map()));
  if (!state.has(name)) state.set(name, create());
  return state.get(name) as T;
}

/** A promise read once per connection; a failed read is forgotten so the next request tries again. */
export function loadOncePerConnection<T>(db: Database, name: string, load: () => Promise<T>): Promise<T> {
  const slot = connectionState<{ value?: Promise<T> }>(db, name, () => ({}));
  if (!slot.value) {
    const value = load();
    value.catch(() => {
      if (slot.value === value) delete slot.value;
    });
    slot.value = value;
  }
  return slot.value;
}
