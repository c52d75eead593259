import Link from "next/link";

/**
 * Previous and next links around "Page N of M" (or "Part N of M" with `unit`); `href` gives a
 * page's address. Plain links: it works without JavaScript.
 */
export function Pagination({
  label,
  page,
  pages,
  href,
  unit = "Page",
}: {
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  unit?: "Page" | "Part";
}) {
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        {unit} {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
