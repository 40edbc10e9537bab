const HOUR = 3_600_000;
const STEPS_HOURS = [1, 2, 3, 6, 12, 24];

/**
 * Where a time axis puts its labels: on whole hours of the viewer's clock, as few as say the span
 * (at most `max`), so the chart never has to measure label widths in the DOM (recharts does, once
 * per label, when left to choose — a visible share of a phone's page load). Spans shorter than two
 * hours fall back to evenly spaced points. `utc` for the server, which cannot know the viewer's zone.
 */
export function timeTicks(times: string[], { max = 6, utc = false }: { max?: number; utc?: boolean } = {}): string[] {
  if (times.length <= max) return times;
  const ms = times.map((t) => new Date(t).getTime());
  const span = ms[ms.length - 1]! - ms[0]!;
  for (const step of STEPS_HOURS) {
    if (span / (step * HOUR) > max) continue;
    const ticks = times.filter((t, i) => {
      const d = new Date(ms[i]!);
      const [hours, minutes] = utc ? [d.getUTCHours(), d.getUTCMinutes()] : [d.getHours(), d.getMinutes()];
      return minutes === 0 && hours % step === 0;
    });
    if (ticks.length >= 2) return ticks;
    break;
  }
  const every = Math.ceil(times.length / max);
  return times.filter((_, i) => i % every === 0);
}
