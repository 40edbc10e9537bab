/** The message namespaces client components use: only these are sent to the browser. */
export const CLIENT_NAMESPACES = [
  "LanguageSwitcher",
  "ErrorPage",
  "Live",
  "Chart",
  "Symptoms",
  "ReportTexts",
  "ReportForm",
  "JustMe",
  "Time",
  "Offline",
  "Levels",
  "Directory",
  "Categories",
  "Bands",
  "RegionTable",
] as const;
