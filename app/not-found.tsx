import Link from "next/link";

export default function NotFound() {
  return (
    <section className="hero">
      <h1>We couldn&apos;t find that page</h1>
      <p>The service may be listed under another name.</p>
      <p>
        <Link href="/" className="button">
          Search all services
        </Link>
      </p>
    </section>
  );
}
