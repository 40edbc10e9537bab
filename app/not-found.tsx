import { IntentLink } from "@/components/intent-link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, not prerendered: its scripts need this response's CSP nonce.
  await connection();
  return (
    <section className="hero">
      <h1>We couldn&apos;t find that page</h1>
      <p>The service may be listed under another name.</p>
      <p>
        <IntentLink href="/" className="button">
          Search all services
        </IntentLink>
      </p>
    </section>
  );
}
