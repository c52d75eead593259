import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/seed/seed-database";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { DATA_DIR, makeTempDir, PROJECT_ROOT } from "../helpers/paths";

// Requests no browser sends: malformed paths and request lines, methods the app does not
// answer, slow and aborted clients. A server of its own, so that its log is this file's.

let app: RunningApp;

beforeAll(async () => {
  const dbPath = `${makeTempDir("hostile")}/voices.db`;
  await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
  app = await serveApp(PROJECT_ROOT, dbPath);
});
afterAll(async () => {
  await app?.stop();
});

type RawResponse = { status: number; headers: Record<string, string>; body: string };

/** Sends bytes exactly as given over a raw socket and reads until the server closes it. */
function raw(request: string | ((socket: ReturnType<typeof connect>) => void)): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(app.port, "127.0.0.1");
    let data = "";
    socket.on("data", (d) => (data += d));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", ...rest] = data.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1] ?? 0), headers, body: rest.join("\r\n\r\n") });
    });
    socket.on("connect", () => (typeof request === "string" ? socket.write(request) : request(socket)));
  });
}

const line = (method: string, target: string) => `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;

function expectSecurityHeaders(headers: Headers | Record<string, string>) {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers[name] ?? null));
  const csp = get("content-security-policy") ?? "";
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/base-uri '(none|self)'/);
  expect(csp).toMatch(/form-action /);
  expect(get("x-content-type-options")).toBe("nosniff");
  expect(get("x-frame-options")).toBe("DENY");
  expect(get("referrer-policy")).toBeTruthy();
}

describe("malformed percent-encoding in a route parameter", () => {
  it.each(["/api/voices/%ZZ", "/api/voices/%ED%A0%80", "/api/sources/%ZZ", "/api/sources/%ED%A0%80"])(
    "%s is a 400 with the API's JSON error",
    async (path) => {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status).toBe(400);
      expectSecurityHeaders(response.headers);
      const body = await response.json();
      expect(body.error).toMatchObject({ status: 400, code: "invalid_input" });
      expect(body.error.issues[0].parameter).toBe("path");
    },
  );

  it.each(["/voices/%ZZ", "/voices/%ED%A0%80", "/sources/%ZZ", "/sources/%ED%A0%80"])("%s is a 400 page", async (path) => {
    const response = await fetch(`${app.baseUrl}${path}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    expectSecurityHeaders(response.headers);
    expect(await response.text()).toContain("Bad request");
  });
});

describe("methods", () => {
  it.each(["/", "/voices/rustem", "/insights", "/compare"])("pages answer POST, PUT and DELETE with 405 and Allow: %s", async (path) => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const response = await fetch(`${app.baseUrl}${path}`, { method, body: method === "DELETE" ? undefined : "x=1" });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expectSecurityHeaders(response.headers);
    }
  });

  it("API 405s carry the same JSON error body as other API errors", async () => {
    const other = await (await fetch(`${app.baseUrl}/api/voices?stance=nonsense`)).json();
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await fetch(`${app.baseUrl}/api/voices`, { method, body: method === "DELETE" ? undefined : "{}" });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      const body = await response.json();
      expect(Object.keys(body)).toEqual(Object.keys(other));
      expect(Object.keys(body.error).sort()).toEqual(Object.keys(other.error).sort());
      expect(body.error).toMatchObject({ status: 405, code: "method_not_allowed" });
    }
  });

  it.each(["/", "/api/voices", "/voices/rustem", "/icon.svg"])("TRACE %s is a 405, never a 500", async (path) => {
    const response = await raw(line("TRACE", path));
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
    expectSecurityHeaders(response.headers);
  });
});

describe("request targets", () => {
  it("GET * is a 400 and OPTIONS * a 204 with Allow", async () => {
    const get = await raw(line("GET", "*"));
    expect(get.status).toBe(400);
    expectSecurityHeaders(get.headers);
    const options = await raw(line("OPTIONS", "*"));
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("an absolute-form request line is answered for this origin, never redirected to the host it names", async () => {
    for (const target of ["http://evil.example/voices/rustem/", "http://evil.example/", "https://evil.example//evil.example/x"]) {
      const response = await raw(line("GET", target));
      expect(response.status, target).toBeLessThan(500);
      expect(response.headers.location ?? "", target).not.toContain("evil.example");
      expectSecurityHeaders(response.headers);
    }
  });

  it("a protocol-relative path does not redirect off the site", async () => {
    const response = await raw(line("GET", "//evil.example/"));
    expect(response.headers.location ?? "").not.toMatch(/^(https?:)?\/\/evil/);
  });
});

describe("security headers on every response", () => {
  it("covers redirects, not-found pages, static files and pages", async () => {
    const html = await (await fetch(app.baseUrl)).text();
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const redirect = await fetch(`${app.baseUrl}/voices/rustem/`, { redirect: "manual" });
    expect(redirect.status).toBe(308);
    const cases = [
      redirect,
      await fetch(`${app.baseUrl}/no-such-page`),
      await fetch(`${app.baseUrl}${script}`),
      await fetch(`${app.baseUrl}/icon.svg`),
    ];
    expect(cases.map((r) => r.status)).toEqual([308, 404, 200, 200]);
    for (const response of cases) expectSecurityHeaders(response.headers);
  });

  it("sends HSTS when reached over HTTPS (behind a TLS proxy), and not over plain HTTP", async () => {
    const https = await fetch(`${app.baseUrl}/api/meta`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    const http = await fetch(`${app.baseUrl}/api/meta`);
    expect(http.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("slow and aborted clients", () => {
  it("closes a socket that sends its headers or its body too slowly", async () => {
    const drip = (first: string, then: string) => (socket: ReturnType<typeof connect>) => {
      socket.write(first);
      const timer = setInterval(() => socket.writable && socket.write(then), 1000);
      socket.on("close", () => clearInterval(timer));
    };
    const [headers, body] = await Promise.all([
      raw(drip("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-Slow: 1\r\n")),
      raw(drip("GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n", "x")),
    ]);
    // the clients drip forever and never close: each answer arrived because the server closed
    // the socket (held for 304 s before, far past this test's time)
    expect(headers.status).toBe(408);
    expect(body.status).toBe(400);
  }, 30_000);

  it("logs an aborted upload in one line, never a stack trace", async () => {
    const before = app.output().length;
    for (const target of ["/", "/api/voices", "/api/export?format=csv"]) {
      for (const method of ["POST", "GET"]) {
        await new Promise<void>((resolve) => {
          const socket = connect(app.port, "127.0.0.1", () => {
            socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n${"x".repeat(1000)}`);
            setTimeout(() => socket.destroy(), 100);
          });
          socket.on("close", () => resolve());
          socket.on("error", () => resolve());
        });
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    const log = app.output().slice(before);
    expect(log).not.toMatch(/^\s+at /m);
    expect(log).not.toMatch(/Error: aborted/);
  });
});

describe("a search cut at its 80th character", () => {
  it("never puts a lone surrogate in the JSON", async () => {
    const q = `${"a".repeat(79)}😀`;
    const response = await fetch(`${app.baseUrl}/api/voices?q=${encodeURIComponent(q)}`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
    expect(JSON.parse(text).query.description).not.toMatch(/\p{Cs}/u);
  });
});
