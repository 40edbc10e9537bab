import Link from "next/link";

/** Links from the home page down to the current page, which is the last item and not a link. */
export function Breadcrumb({ trail, current }: { trail: Array<{ href: string; label: string }>; current: string }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link href="/">Services</Link>
        </li>
        {trail.map((t) => (
          <li key={t.href}>
            <Link href={t.href}>{t.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
