import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { IntentLink } from "@/components/intent-link";

export default async function NotFound() {
  // Rendered per request, not prerendered: its scripts need this response's CSP nonce.
  await connection();
  const t = await getTranslations("NotFound");
  return (
    <section className="hero">
      <h1>{t("title")}</h1>
      <p>{t("hint")}</p>
      <p>
        <IntentLink href="/" className="button">
          {t("search")}
        </IntentLink>
      </p>
    </section>
  );
}
