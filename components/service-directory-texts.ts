import type { DirectoryView } from "@/lib/catalog/directory";
import { formatCount } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import type { Translator } from "./region-describe";

/** The directory's sentences with numbers in them: what is shown, for screen readers, and the "Show all" row. */
export interface DirectoryTexts {
  status: string;
  showingBusiest: string;
  showAll: string;
}

/**
 * Written by the server for the directory as first drawn, and by the browser once the visitor
 * filters or shows all: numbers in words need Intl, whose start-up (35–65 ms on this machine's
 * Chromium, four times that on a phone) would otherwise be paid while the page hydrates.
 */
export function directoryTexts(t: Translator, locale: string, view: DirectoryView): DirectoryTexts {
  const { matching, close, shown, hidden } = view;
  const status =
    hidden > 0
      ? t("someShown", { shown: shown.length, count: matching.length })
      : close.length
        ? t("shownDidYouMean", {
            count: matching.length,
            names: nameList(
              close.map((c) => c.name),
              close.length,
              "or",
              locale,
            ),
          })
        : t("shown", { count: matching.length });
  return {
    status,
    showingBusiest: t("showingBusiest", { shown: shown.length, count: formatCount(matching.length, locale) }),
    showAll: t("showAll", { count: matching.length }),
  };
}
