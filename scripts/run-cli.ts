import { z } from "zod";

/**
 * Runs a CLI entry point: output goes to stdout, messages to stderr, and any error
 * becomes a one-paragraph message and exit code 1 (no stack trace, unless DEBUG is set).
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof z.ZodError) {
      const lines = error.issues.map((i) => `  ${i.path.length ? `--${i.path.join(".")}` : "arguments"}: ${i.message}`);
      console.error(`Invalid arguments:\n${lines.join("\n")}`);
    } else if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`Invalid arguments: ${error.message}`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    }
    process.exitCode = 1;
  });
}
