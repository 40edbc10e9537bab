import { notFound } from "next/navigation";

/** Any other path in a language: the language's own "not found" page (app/[locale]/not-found.tsx). */
export default function UnknownPage() {
  notFound();
}
