import { ImageResponse } from "next/og";
import { RadarMark } from "@/components/radar-mark";
import { StatusIcon } from "@/components/status-icon";
import { getReadDb } from "@/lib/db";
import { STATUS_LABELS, type StatusLevel } from "@/lib/catalog/constants";
import { findService } from "@/lib/services/queries";
import { OG_FONT_FAMILY, ogFonts } from "@/lib/og/fonts";
import { currentLevel } from "@/lib/reports/service-cache";
import { CACHE_CONTROL } from "@/lib/http/cache-control";

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

/** A link preview that says whether the service is down right now (as of the last detector tick). */
export default async function Image({ params }: { params: Promise<{ service: string }> }) {
  const db = getReadDb();
  const service = await findService(db, (await params).service);
  const name = service?.name ?? "Unknown service";
  const level = service ? await currentLevel(db, service.id) : "ok";
  const look = LOOK[level];
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
        <div style={{ fontSize: 76, fontWeight: 700 }}>{`Is ${name} down?`}</div>
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
          {service ? STATUS_LABELS[level] : "Not a service we track"}
        </div>
      </div>
      <div style={{ display: "flex", color: "#4a5262", fontSize: 32 }}>
        Live user reports, where it is failing, and what to try
      </div>
    </div>,
    { ...size, fonts: await ogFonts().catch(() => undefined), headers: { "cache-control": CACHE_CONTROL.history } },
  );
}
