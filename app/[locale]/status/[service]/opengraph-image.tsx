import { ImageResponse } from "next/og";
import { getTranslations } from "next-intl/server";
import { RadarMark } from "@/components/radar-mark";
import { StatusIcon } from "@/components/status-icon";
import { getReadDb } from "@/lib/db";
import type { StatusLevel } from "@/lib/catalog/constants";
import { findService } from "@/lib/services/queries";
import { OG_FONT_FAMILY, ogFonts } from "@/lib/og/fonts";
import { currentLevel } from "@/lib/reports/service-cache";
import { CACHE_CONTROL } from "@/lib/http/cache-control";
import { knownLocale } from "@/lib/i18n/translator";
import { shapedLine } from "@/lib/og/shaped-text";

export const alt = "The service's current status on Outage Radar";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// The site's status colours (light scheme; the image cannot read CSS variables) with its status
// icons: the word and the shape, never colour alone.
const LOOK: Record<StatusLevel, { fg: string; bg: string }> = {
  ok: { fg: "#166534", bg: "#e7f6ec" },
  possible: { fg: "#92400e", bg: "#fdf2dc" },
  outage: { fg: "#b91c1c", bg: "#fdeaea" },
};

/** The image's width inside its padding: a line wider than this is drawn smaller. */
const INNER_WIDTH = 1200 - 2 * 72;

/**
 * A line of text: as text where the renderer draws its script well, else as an image of the line
 * shaped beforehand (lib/og/shaped-text.ts), no wider than the image.
 */
async function line(text: string, locale: string, style: { size: number; color: string; weight?: 400 | 700 }) {
  const shaped = await shapedLine(text, locale, style);
  if (!shaped) return text;
  const fit = Math.min(1, INNER_WIDTH / shaped.width);
  return <img src={shaped.src} width={shaped.width * fit} height={shaped.height * fit} alt={text} />;
}

/** A link preview, in the page's language, that says whether the service is down right now (as of the last detector tick). */
export default async function Image({ params }: { params: Promise<{ service: string; locale: string }> }) {
  const p = await params;
  const locale = knownLocale(p.locale);
  const db = getReadDb();
  const service = await findService(db, p.service);
  const [t, levels] = await Promise.all([
    getTranslations({ locale, namespace: "OgImage" }),
    getTranslations({ locale, namespace: "Levels" }),
  ]);
  const name = service?.name ?? t("unknownService");
  const level = service ? await currentLevel(db, service.id) : "ok";
  const look = LOOK[level];
  const [heading, status, tagline] = await Promise.all([
    line(t("heading", { name }), locale, { size: 76, color: "#141821", weight: 700 }),
    line(service ? levels(`${level}.label`) : t("unknown"), locale, { size: 52, color: look.fg }),
    line(t("tagline"), locale, { size: 32, color: "#4a5262" }),
  ]);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#ffffff",
        color: "#141821",
        fontSize: 40,
        fontFamily: OG_FONT_FAMILY,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", color: "#1d4ed8", fontSize: 36 }}>
        <div style={{ display: "flex", marginRight: 16 }}>
          <RadarMark size={48} />
        </div>
        Outage Radar
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 76, fontWeight: 700 }}>{heading}</div>
        <div
          style={{
            display: "flex",
            alignItems: "center",
            marginTop: 32,
            padding: "18px 32px",
            borderRadius: 20,
            background: look.bg,
            color: look.fg,
            fontSize: 52,
            alignSelf: "flex-start",
          }}
        >
          <div style={{ display: "flex", marginRight: 22 }}>
            <StatusIcon level={level} size={52} surface="#ffffff" />
          </div>
          {status}
        </div>
      </div>
      <div style={{ display: "flex", color: "#4a5262", fontSize: 32 }}>{tagline}</div>
    </div>,
    { ...size, fonts: await ogFonts().catch(() => undefined), headers: { "cache-control": CACHE_CONTROL.history } },
  );
}
