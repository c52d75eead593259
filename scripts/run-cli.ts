import { z } from "zod";
import { VoicesError, type ErrorIssue } from "../lib/errors";

/** The one mapping from errors to CLI messages: bad flags name the flag, others say what failed. */
function formatCliError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return formatCliError(
      new VoicesError(
        "invalid_input",
        "",
        error.issues.map((i) => ({ parameter: i.path.length ? i.path.join(".") : "arguments", message: i.message })),
      ),
    );
  }
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    return `Invalid arguments: ${error.message}`;
  }
  if (error instanceof VoicesError && error.code === "invalid_input") {
    const flag = (i: ErrorIssue) => (i.parameter === "arguments" ? i.parameter : `--${i.parameter}`);
    const lines = error.issues.map((i) => `  ${flag(i)}: ${i.message}${i.allowed ? ` (one of: ${i.allowed.join(", ")})` : ""}`);
    return `Invalid arguments:\n${lines.join("\n")}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a CLI entry point: output goes to stdout, messages to stderr, and any error
 * becomes a one-paragraph message and exit code 1 (no stack trace, unless DEBUG is set).
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(formatCliError(error));
    if (process.env.DEBUG && error instanceof Error && !(error instanceof VoicesError)) console.error(error.stack);
    process.exitCode = 1;
  });
}
