import { useTranslations } from "next-intl";

/** The credit the network and location databases' licences (CC BY 4.0) ask for where their data is used. */
export function NetworkDataCredit() {
  const t = useTranslations("Credit");
  return t.rich("networkData", {
    routeviews: (chunks) => (
      <a href="https://www.routeviews.org/" rel="noopener external">
        {chunks}
      </a>
    ),
    dbip: (chunks) => (
      <a href="https://db-ip.com" rel="noopener external">
        {chunks}
      </a>
    ),
  });
}
