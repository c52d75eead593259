import { NextResponse, type NextRequest } from "next/server";

// Every page and API response gets a Content-Security-Policy with a fresh nonce: Next.js
// streams inline scripts for hydration, and the nonce lets exactly those run while any
// injected script would not. Next reads the nonce from the request's CSP header.
// The other security headers are static, in next.config.js.
// The request's path and query also travel as x-voices-url: the not-found page, which
// Next renders apart from the page that gave up, reads them to say what was not found.

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-voices-url", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // static assets are files, not documents: they need no policy (their headers come from next.config.js)
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg).*)" }],
};
