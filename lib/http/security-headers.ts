// The security headers, in one place. server.ts sets the static ones on every response
// before Next sees the request (pages, API, static files, redirects, errors, and the
// server's own refusals); proxy.ts replaces the Content-Security-Policy of pages and API
// responses with one carrying the request's nonce.

/** The policy for everything that is not a page: nothing may load, run, frame or submit. */
const LOCKED_DOWN_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/**
 * A page's policy. `base-uri 'none'`: no page uses <base>, so an injected one cannot
 * redirect relative links and scripts; `form-action 'self'`: the explorer's form submits
 * to the app itself (GET /), and no form may post elsewhere; `object-src 'none'`: no
 * plugins.
 */
export function buildPageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": LOCKED_DOWN_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Two years, subdomains included: sent only when the app is reached over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";
