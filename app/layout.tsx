import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Voices", template: "%s · Voices" },
  description: "The people quoted in news reporting on how Kazakhstan views Russia's war in Ukraine, with their exact words.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a href="/" className="site-title">
            Voices
          </a>
          <span className="site-tagline">Kazakhstan on Russia&rsquo;s war in Ukraine, in the words of those quoted</span>
          <nav aria-label="Site" className="site-nav">
            <a href="/">Voices</a>
            <a href="/api/openapi.json">API</a>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
