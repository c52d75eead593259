import http from "node:http";

/**
 * A GET on a connection of its own, as text. fetch keeps connections alive between
 * requests, and when a loaded machine holds a test back past the server's keep-alive
 * timeout, the server closes the connection just as the next request goes out on it: a
 * reset that says nothing about the app (a browser would retry it). For tests that send
 * requests in long loops.
 */
export function getText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}
