// What the server refuses before Next sees a request: Next answers these with a bare 500,
// a 200 for a page POST, or a redirect to whatever host an absolute-form request line
// names. The app only reads: GET and HEAD on every route, and OPTIONS to ask.

export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

export type Screened =
  /** Pass on to Next with this origin-form target. */
  | { kind: "pass"; target: string }
  /** Answer OPTIONS here: 204 with Allow. */
  | { kind: "options" }
  | { kind: "refuse"; status: 400 | 405; message: string; parameter: string };

/** Screens a request's method and target (the request line's second word). */
export function screenRequest(method: string, rawTarget: string): Screened {
  let target = rawTarget;
  if (target === "*") {
    return method === "OPTIONS"
      ? { kind: "options" }
      : { kind: "refuse", status: 400, parameter: "path", message: 'The request target "*" is only for OPTIONS' };
  }
  // absolute-form (RFC 9112 §3.2.2) must be accepted; the authority in it is ignored, since
  // this server answers for its own origin only, so it can never steer a redirect elsewhere
  if (!target.startsWith("/")) {
    const absolute = /^https?:\/\/[^/?#]*(.*)$/i.exec(target);
    if (!absolute) return { kind: "refuse", status: 400, parameter: "path", message: "The request target must be a path" };
    target = absolute[1] || "/";
    if (!target.startsWith("/")) target = `/${target}`;
  }
  if (target.startsWith("//")) target = `/${target.replace(/^\/+/, "")}`;
  const path = target.split("?", 1)[0]!;
  try {
    decodeURIComponent(path);
  } catch {
    return { kind: "refuse", status: 400, parameter: "path", message: "The path has a malformed percent-encoding (not UTF-8)" };
  }
  if (method === "OPTIONS") return { kind: "options" };
  if (method !== "GET" && method !== "HEAD") {
    return { kind: "refuse", status: 405, parameter: "method", message: `${method} is not allowed here; use GET` };
  }
  return { kind: "pass", target };
}

/** Whether a target is under /api/, whose errors are JSON. */
export const isApiTarget = (target: string) => /^\/api(\/|\?|$)/.test(target);
