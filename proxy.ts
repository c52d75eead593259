import { NextResponse, type NextRequest } from "next/server";
import { buildPageCsp } from "./lib/http/security-headers";

// Every page and API response gets a Content-Security-Policy with a fresh nonce: Next.js
// streams inline scripts for hydration, and the nonce lets exactly those run while any
// injected script would not. Next reads the nonce from the request's CSP header.
// The other security headers, and a locked-down policy for everything else, come from
// server.ts (lib/http/security-headers.ts).
// The request's path and query also travel as x-voices-url: the not-found page, which
// Next renders apart from the page that gave up, reads them to say what was not found.

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildPageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-voices-url", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // static assets are files, not documents: they keep the server's locked-down policy
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg).*)" }],
};
