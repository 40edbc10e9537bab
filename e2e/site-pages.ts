import type { APIRequestContext } from "@playwright/test";

/** Every kind of page the site has, by a name for its screenshot. */
export const SITE_PAGES = [
  ["home", "/"],
  ["service", "/status/whatsapp"],
  ["service-not-found", "/status/no-such-service"],
  ["map", "/map"],
  ["map-us", "/map/US"],
  ["service-map", "/status/whatsapp/map"],
  ["service-map-de", "/status/whatsapp/map/DE"],
  ["incidents", "/incidents"],
  ["service-incidents", "/status/whatsapp/incidents"],
  ["compare", "/compare"],
  ["about", "/about"],
  ["alerts", "/alerts?service=whatsapp"],
  ["official-status", "/status/github"],
  ["isp", "/isp/7922"],
  ["country", "/country/de"],
] as const;

/** The newest incident's page: ids depend on the demo history, so it is looked up. */
export async function newestIncidentPath(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/v1/incidents");
  const { items } = (await response.json()) as { items: Array<{ id: number }> };
  if (!items[0]) throw new Error("the demo history has no incident");
  return `/incidents/${items[0].id}`;
}
