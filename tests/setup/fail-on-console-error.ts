import { afterEach, beforeEach, vi } from "vitest";

// A test that makes our code log an error fails, unless it says it expects one
// (expectConsoleError in tests/helpers/console.ts).
let spy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockRestore();
  if (calls.length > 0 && !(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError) {
    throw new Error(`console.error was called:\n${calls.map((c: unknown[]) => c.map(String).join(" ")).join("\n")}`);
  }
  (globalThis as { __expectConsoleError?: boolean }).__expectConsoleError = false;
});
