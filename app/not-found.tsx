import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, not prerendered: its scripts need this response's CSP nonce.
  await connection();
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
