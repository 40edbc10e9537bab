/** "45 min", "2 h 15 min", "3 d 4 h": how long something lasted, in words people read at a glance. */
export function formatDuration(minutes: number, locale = "en"): string {
  const m = Math.max(0, Math.round(minutes));
  if (locale !== "en") return localDuration(m, locale);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/**
 * A period as the values the "Time" messages take ({unit, count}): "per hour", "in the last 2 hours"
 * and their translations are said by the messages, in each language's own grammar.
 */
export function periodArgs(minutes: number): { unit: "hour" | "minute"; count: number } {
  const m = Math.max(1, Math.round(minutes));
  return m % 60 === 0 ? { unit: "hour", count: m / 60 } : { unit: "minute", count: m };
}

const unitFormats = new Map<string, Intl.NumberFormat>();
const unit = (locale: string, u: "minute" | "hour" | "day", n: number) => {
  const key = `${locale} ${u}`;
  let f = unitFormats.get(key);
  if (!f) unitFormats.set(key, (f = new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short" })));
  return f.format(n);
};

/** The same spans in another language's own unit words ("2 Std., 15 Min."), from Intl. */
function localDuration(m: number, locale: string): string {
  if (m < 60) return unit(locale, "minute", m);
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    return m % 60 === 0 ? unit(locale, "hour", h) : `${unit(locale, "hour", h)} ${unit(locale, "minute", m % 60)}`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h === 0 ? unit(locale, "day", d) : `${unit(locale, "day", d)} ${unit(locale, "hour", h)}`;
}
