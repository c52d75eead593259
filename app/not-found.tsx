import Link from "next/link";
import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { explainNotFound } from "@/lib/releases/explain-not-found";

export default async function NotFound() {
  const path = (await headers()).get("x-voices-url"); // set by proxy.ts
  const explanation = path ? await explainNotFound(await getDb(), new URL(path, "http://voices.invalid")) : null;
  return (
    <section className="empty">
      <h1>Not found</h1>
      <p>{explanation?.message ?? "There is no voice or source at this address. Permalinks never change, so the link may be mistyped."}</p>
      <ul className="not-found-links">
        {explanation?.links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
        <li>
          <Link href="/">Search all voices</Link>
        </li>
      </ul>
    </section>
  );
}
