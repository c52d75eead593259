// npm start – the production server: Next.js behind a small node:http server that screens
// every request first (see docs/decisions/009-custom-server.md).
// PORT (default 3000) and HOSTNAME (default all interfaces) say where it listens.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { buildErrorBody } from "./lib/api/json-responses";
import { ALLOWED_METHODS, isApiTarget, screenRequest } from "./lib/http/screen-request";
import { HSTS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;

// Node's requestTimeout also runs while a slow page is being answered (a page that took 15 s on
// a loaded machine was answered 408), so it is only a backstop. Slow bodies are refused
// outright instead: no request to this app has a body, so one that announces a body is
// answered at once and its connection closed, and a slow-body socket cannot be held.
const TIMEOUTS = { headersMs: 10_000, requestMs: 120_000, checkEveryMs: 1_000 };

function setSecurityHeaders(req: IncomingMessage, res: ServerResponse) {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
  const https = req.headers["x-forwarded-proto"] === "https" || process.env.PUBLIC_URL?.startsWith("https:");
  if (https) res.setHeader("Strict-Transport-Security", HSTS);
}

function refuse(
  res: ServerResponse,
  target: string,
  status: number,
  code: "invalid_input" | "method_not_allowed",
  message: string,
  parameter: string,
) {
  if (status === 405) res.setHeader("Allow", ALLOWED_METHODS);
  // any body that follows is never read: close the connection soon after answering (Node
  // would otherwise wait for that body, however slowly it comes)
  res.setHeader("Connection", "close");
  const socket = res.socket;
  setTimeout(() => socket?.destroy(), 500).unref();
  if (isApiTarget(target)) {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(buildErrorBody(status, code, message, [{ parameter, message }])));
  } else {
    const title = status === 405 ? "Method not allowed" : "Bad request";
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title} · Voices</title>` +
        `<h1>${title}</h1><p>${message.replace(/[<>&"]/g, "")}.</p><p><a href="/">Go to the explorer</a></p></html>`,
    );
  }
}

/** One line, never a stack: a client that goes away mid-request is not our error. */
function logClientProblem(what: string, error: Error & { code?: string }) {
  console.error(`${new Date().toISOString()} ${what}: ${error.code ?? error.message}`);
}

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(
  { requestTimeout: TIMEOUTS.requestMs, headersTimeout: TIMEOUTS.headersMs, connectionsCheckingInterval: TIMEOUTS.checkEveryMs },
  (req, res) => {
    req.on("error", (error) => logClientProblem(`request ${req.method} aborted`, error));
    res.on("error", (error) => logClientProblem(`response to ${req.method} failed`, error));
    setSecurityHeaders(req, res);
    const screened = screenRequest(req.method ?? "", req.url ?? "");
    if (screened.kind === "options") {
      res.writeHead(204, { Allow: ALLOWED_METHODS });
      res.end();
      return;
    }
    if (screened.kind === "refuse") {
      const code = screened.status === 405 ? "method_not_allowed" : "invalid_input";
      refuse(res, req.url ?? "/", screened.status, code, screened.message, screened.parameter);
      return;
    }
    const length = req.headers["content-length"];
    if ((length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined) {
      refuse(res, screened.target, 400, "invalid_input", `A ${req.method} request has no body here`, "body");
      return;
    }
    req.url = screened.target;
    handle(req, res).catch((error: Error) => {
      logClientProblem(`${req.method} ${screened.target} failed`, error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  },
);
// a malformed request line or headers, a slow or aborted client: one log line, and a 400 or 408 if the socket still takes it
server.on("clientError", (error: Error & { code?: string }, socket) => {
  if (error.code !== "ECONNRESET" && error.code !== "EPIPE") logClientProblem("client error", error);
  if (!socket.writable) return socket.destroy();
  const status =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT" || error.code === "HPE_HEADER_OVERFLOW"
      ? error.code === "HPE_HEADER_OVERFLOW"
        ? 431
        : 408
      : 400;
  const headers = Object.entries(STATIC_SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  setTimeout(() => socket.destroy(), 500).unref();
  socket.end(
    `HTTP/1.1 ${status} ${status === 408 ? "Request Timeout" : status === 431 ? "Request Header Fields Too Large" : "Bad Request"}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`,
  );
});
server.listen(port, hostname, () => {
  console.log(`Voices ready on http://${hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`);
});
