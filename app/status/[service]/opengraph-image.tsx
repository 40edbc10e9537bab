import { ImageResponse } from "next/og";
import { getDb } from "@/db/client";
import { STATUS_LABELS, type StatusLevel } from "@/lib/catalog/constants";
import { findService } from "@/lib/queries/services";
import { currentLevel } from "@/lib/reports/service-cache";

export const alt = "The service's current status on Outage Radar";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// The same colours and shapes as the site's status badges: the word and the mark, never colour alone.
// (The marks are drawn: the bundled font has no check or cross glyphs.)
const LOOK: Record<StatusLevel, { fg: string; bg: string }> = {
  ok: { fg: "#166534", bg: "#e7f6ec" },
  possible: { fg: "#92400e", bg: "#fdf2dc" },
  outage: { fg: "#b91c1c", bg: "#fdeaea" },
};

function Mark({ level, color }: { level: StatusLevel; color: string }) {
  const line = { stroke: "#ffffff", strokeWidth: 1.8, strokeLinecap: "round", fill: "none" } as const;
  return (
    <svg width="52" height="52" viewBox="0 0 16 16" style={{ marginRight: 22 }}>
      {level === "possible" ? (
        <path d="M8 1.2L15.2 14.5H0.8Z" fill={color} />
      ) : (
        <circle cx="8" cy="8" r="7" fill={color} />
      )}
      {level === "ok" ? <path d="M4.5 8.2l2.3 2.3 4.7-4.8" {...line} /> : null}
      {level === "possible" ? <path d="M8 6v4M8 12.2v0.1" {...line} /> : null}
      {level === "outage" ? <path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" {...line} /> : null}
    </svg>
  );
}

/** A link preview that says whether the service is down right now (as of the last detector tick). */
export default async function Image({ params }: { params: Promise<{ service: string }> }) {
  const db = getDb();
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
      }}
    >
      <div style={{ display: "flex", alignItems: "center", color: "#1d4ed8", fontSize: 36 }}>
        <svg width="48" height="48" viewBox="0 0 24 24" style={{ marginRight: 16 }}>
          <circle cx="12" cy="12" r="10" fill="none" stroke="#1d4ed8" strokeWidth="2" />
          <circle cx="12" cy="12" r="5.5" fill="none" stroke="#1d4ed8" strokeWidth="2" opacity="0.6" />
          <path d="M12 12L19 5" stroke="#1d4ed8" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
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
          <Mark level={level} color={look.fg} />
          {service ? STATUS_LABELS[level] : "Not a service we track"}
        </div>
      </div>
      <div style={{ display: "flex", color: "#4a5262", fontSize: 32 }}>
        Live user reports, where it is failing, and what to try
      </div>
    </div>,
    { ...size, headers: { "cache-control": "public, max-age=60" } },
  );
}
