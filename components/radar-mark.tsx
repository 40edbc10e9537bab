/** Outage Radar's mark, drawn in the text colour: the site header and the link-preview image. */
export function RadarMark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="12" cy="12" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" opacity="0.6" />
      <path d="M12 12L19 5" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="12" cy="12" r="1.8" fill="currentColor" />
    </svg>
  );
}
