import Link from "next/link";

/** Under a list cut short: how many it leaves out, and a link to the explorer filtered to all of them. */
export function MoreInExplorer({ total, shown, href, label }: { total: number; shown: number; href: string; label: string }) {
  if (total <= shown) return null;
  return (
    <p className="more-in-explorer">
      {`${total - shown} more. `}
      <Link href={href}>{label}</Link>
    </p>
  );
}
