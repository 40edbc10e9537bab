import { expect, test } from "@playwright/test";
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import de from "@/lib/i18n/messages/de.json";
import fr from "@/lib/i18n/messages/fr.json";
import ptBR from "@/lib/i18n/messages/pt-BR.json";
import hi from "@/lib/i18n/messages/hi.json";

const MESSAGES: Record<string, typeof en> = { en, es, de, fr, "pt-BR": ptBR, hi };

/** The TikTok page's heading in each language, and the path it lives at. */
const LANGUAGES = [
  { lang: "en", home: "/", heading: "TikTok down? Current status and problems", homeHeading: "Is it down right now?" },
  {
    lang: "es",
    home: "/es",
    heading: "¿TikTok no funciona? Estado actual y problemas",
    homeHeading: "¿Está caído ahora mismo?",
  },
  {
    lang: "de",
    home: "/de",
    heading: "TikTok gestört? Aktueller Status und Probleme",
    homeHeading: "Gibt es gerade eine Störung?",
  },
  {
    lang: "fr",
    home: "/fr",
    heading: "TikTok en panne ? État actuel et problèmes",
    homeHeading: "Est-ce en panne en ce moment ?",
  },
  {
    lang: "pt-BR",
    home: "/pt-br",
    heading: "TikTok caiu? Status atual e problemas",
    homeHeading: "Está fora do ar agora?",
  },
  {
    lang: "hi",
    home: "/hi",
    heading: "क्या TikTok डाउन है? मौजूदा स्थिति और समस्याएँ",
    homeHeading: "क्या यह अभी डाउन है?",
  },
];
const inLanguage = (home: string, path: string) => (home === "/" ? path : home + path);

// What a missing message shows (lib/i18n/request.ts on the server; next-intl's "Namespace.key" in the browser).
const MISSING = new RegExp(`⟦|\\b(${Object.keys(en).join("|")})\\.[a-zA-Z]`);

for (const { lang, home, heading, homeHeading } of LANGUAGES) {
  const path = inLanguage(home, "/status/tiktok");
  test(`the service page speaks ${lang}, with no message missing`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    // After hydration too: the client components have their messages.
    await expect(page.getByTestId("report-form").getByRole("button")).toBeEnabled();
    expect(await page.locator("body").innerText()).not.toMatch(MISSING);
    expect(await page.title()).not.toMatch(MISSING);
    // Search engines are told of every language's page, and which one this is.
    const alternates = page.locator('head link[rel="alternate"][hreflang]');
    await expect(alternates).toHaveCount(7);
    await expect(page.locator('head link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
      "href",
      /\/status\/tiktok$/,
    );
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${path}$`));
  });

  test(`the home page speaks ${lang}, and its search answers in it`, async ({ page }) => {
    await page.goto(home);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(homeHeading);
    await expect(page.getByRole("link", { name: /^TikTok/ }).first()).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(MISSING);
    await page.locator("#find-service").fill("TikTok");
    await page.locator("#find-service").press("Enter");
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  });
}

test.describe("a browser that prefers German", () => {
  test.use({ locale: "de-DE" });

  test("is sent to the German page, and can switch to English and stay there", async ({ page }) => {
    await page.goto("/status/tiktok");
    await expect(page).toHaveURL(/\/de\/status\/tiktok$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("TikTok gestört? Aktueller Status und Probleme");

    await page.getByLabel("Sprache: Deutsch. Andere wählen").click();
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/status\/tiktok$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("TikTok down? Current status and problems");
    // The choice is remembered: the unprefixed address no longer sends this browser to German.
    await page.goto("/status/whatsapp");
    await expect(page).toHaveURL(/\/status\/whatsapp$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("the switcher names the current language to a screen reader and lists all six", async ({ page }) => {
  await page.goto("/fr/status/tiktok");
  const switcher = page.getByLabel("Langue : Français. En choisir une autre");
  await switcher.click();
  const links = page.locator("header details ul a");
  await expect(links).toHaveText(["English", "Español", "Deutsch", "Français", "Português (Brasil)", "हिन्दी"]);
  await expect(links.filter({ hasText: "Français" })).toHaveAttribute("aria-current", "page");
  await expect(links.filter({ hasText: "हिन्दी" })).toHaveAttribute("href", "/hi/status/tiktok");
});

for (const { lang, home } of LANGUAGES) {
  test(`the maps, incident history and country home speak ${lang}`, async ({ page }) => {
    const m = MESSAGES[lang]!;
    const germany = new Intl.DisplayNames(lang, { type: "region" }).of("DE")!;
    const pages = [
      { path: "/map", heading: m.Maps.title },
      {
        path: "/status/whatsapp/map/DE?window=6h",
        heading: m.Maps.serviceCountryTitle.replace("{service}", "WhatsApp"),
      },
      { path: "/incidents", heading: m.IncidentHistory.title },
      { path: "/status/whatsapp/incidents", heading: m.ServiceHistory.title.replace("{service}", "WhatsApp") },
      { path: "/country/de", heading: m.Country.title },
      { path: "/compare", heading: m.Compare.title },
    ];
    for (const { path, heading } of pages) {
      await page.goto(inLanguage(home, path));
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading.replace("{country}", germany));
      expect(await page.locator("body").innerText()).not.toMatch(MISSING);
    }
    // The map's table after hydration (it sorts in the browser): headers and rows in the language.
    await page.goto(inLanguage(home, "/map"));
    const table = page.getByTestId("region-table");
    await table.getByRole("button", { name: m.RegionTable.reporters }).click();
    await expect(table.getByRole("columnheader", { name: m.RegionTable.reporters })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect(table.getByRole("rowheader", { name: germany, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(`^${germany}\\s?: `) })).toHaveCount(1);
  });
}

for (const { lang, home } of LANGUAGES) {
  test(`how it works, a common cause, a network's page and the alerts page speak ${lang}`, async ({ page }) => {
    const messages = MESSAGES[lang]!;
    const t = createTranslator({ locale: lang, messages });
    // The demo's AWS scenario: twelve services at once, whose evidence the home page links to.
    await page.goto(home);
    const evidence = page
      .getByTestId("common-cause")
      .filter({ hasText: "Amazon Web Services" })
      .locator("a[href*='/causes/']");
    const cause = (await evidence.first().getAttribute("href"))!.replace(/^.*(\/causes\/\d+)$/, "$1");
    const pages = [
      { path: "/about", heading: t("About.title") },
      { path: "/isp/7922", heading: t("IspPage.heading", { name: "Comcast Cable Communications" }) },
      { path: cause, heading: t("CausePage.heading", { name: "Amazon Web Services", count: 12 }) },
      { path: "/alerts", heading: t("AlertPages.heading") },
    ];
    for (const { path, heading } of pages) {
      await page.goto(inLanguage(home, path));
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      expect(await page.locator("body").innerText()).not.toMatch(MISSING);
      expect(await page.title()).not.toMatch(MISSING);
    }
  });
}
