"use client";

import { teachWrittenForms } from "@/lib/text/format";
import type { WrittenForms } from "@/lib/text/written-forms";

/**
 * Hands the browser the server's forms for times and counts before anything below renders, so the
 * page hydrates and turns its clocks local without starting the browser's Intl (lib/text/written-forms.ts).
 */
export function WrittenFormsTaught({
  locale,
  forms,
  children,
}: {
  locale: string;
  forms: WrittenForms;
  children: React.ReactNode;
}) {
  teachWrittenForms(locale, forms);
  return children;
}
