import type { StatusLevel } from "@/lib/catalog/constants";

/**
 * A shape per level (check, triangle, cross), so status never relies on colour alone. The shape takes
 * the text colour; `surface` is the colour of the mark cut into it (the page background by default;
 * the Open Graph image, drawn without CSS variables, passes its own).
 */
export function StatusIcon({
  level,
  size = 16,
  surface = "var(--surface)",
}: {
  level: StatusLevel;
  size?: number;
  surface?: string;
}) {
  const common = { width: size, height: size, viewBox: "0 0 16 16", "aria-hidden": true, focusable: false } as const;
  if (level === "ok") {
    return (
      <svg {...common}>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path
          d="M4.5 8.2l2.3 2.3 4.7-4.8"
          fill="none"
          stroke={surface}
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    );
  }
  if (level === "possible") {
    return (
      <svg {...common}>
        <path d="M8 1.2L15.2 14.5H0.8Z" fill="currentColor" />
        <path d="M8 6v4" stroke={surface} strokeWidth="1.8" strokeLinecap="round" />
        <circle cx="8" cy="12.2" r="1" fill={surface} />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor" />
      <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke={surface} strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
