import type { CategorySlug } from "@/lib/catalog/constants";

/** Approximate UTC offsets (hours) for the demo's countries; the daily cycle follows local time. */
export const UTC_OFFSET: Record<string, number> = {
  US: -6,
  CA: -5,
  MX: -6,
  BR: -3,
  AR: -3,
  GB: 0,
  IE: 0,
  DE: 1,
  FR: 1,
  ES: 1,
  IT: 1,
  NL: 1,
  PL: 1,
  SE: 1,
  TR: 3,
  IN: 5.5,
  ID: 7,
  PH: 8,
  JP: 9,
  KR: 9,
  AU: 10,
};

const GLOBAL_MIX: Record<string, number> = {
  US: 34,
  GB: 9,
  DE: 6,
  FR: 5,
  IN: 8,
  BR: 7,
  CA: 4,
  AU: 3,
  JP: 4,
  MX: 3,
  ES: 3,
  IT: 3,
  NL: 2,
  PL: 2,
  TR: 2,
  ID: 2,
  PH: 2,
  AR: 1,
  SE: 1,
  IE: 1,
};

/** Where each regional service's users are; everything else uses the global mix. */
const MARKETS: Record<string, Record<string, number>> = {
  verizon: { US: 1 },
  att: { US: 1 },
  "t-mobile": { US: 10, DE: 1 },
  xfinity: { US: 1 },
  spectrum: { US: 1 },
  chase: { US: 1 },
  "bank-of-america": { US: 1 },
  venmo: { US: 1 },
  "cash-app": { US: 6, GB: 1 },
  bt: { GB: 1 },
  telekom: { DE: 1 },
  vodafone: { GB: 4, DE: 4, IT: 3, ES: 3, NL: 1, IE: 1, TR: 2 },
  revolut: { GB: 5, IE: 2, FR: 2, ES: 2, IT: 2, PL: 2, DE: 2 },
  "nintendo-switch-online": { ...GLOBAL_MIX, JP: 20 },
};

/** Typical distinct reporters per hour; the rest default to a mid-sized 5. Busy ones first. */
const BASE_RATE: Record<string, number> = {
  instagram: 45,
  facebook: 40,
  youtube: 40,
  x: 40,
  whatsapp: 35,
  tiktok: 35,
  discord: 25,
  chatgpt: 25,
  snapchat: 20,
  roblox: 20,
  "playstation-network": 20,
  netflix: 20,
  spotify: 20,
  xfinity: 18,
  reddit: 15,
  gmail: 15,
  outlook: 15,
  steam: 15,
  fortnite: 15,
  xbox: 15,
  verizon: 15,
  att: 15,
  spectrum: 80,
  teams: 12,
  "t-mobile": 12,
  messenger: 10,
  aws: 4,
  signal: 1,
  bluesky: 1.5,
  gitlab: 0.8,
  vercel: 0.5,
  stripe: 0.6,
  revolut: 1,
  notion: 2,
  dropbox: 2,
  threads: 3,
  pinterest: 3,
  minecraft: 4,
  "google-cloud": 1.5,
  azure: 2,
  cloudflare: 3,
  github: 4,
  "league-of-legends": 6,
};

const WEEKEND: Partial<Record<CategorySlug, number>> = {
  gaming: 1.3,
  streaming: 1.2,
  cloud: 0.55,
  productivity: 0.6,
  finance: 0.8,
};

export interface TrafficProfile {
  slug: string;
  category: CategorySlug;
  /** Mean distinct reporters per hour when nothing is wrong. */
  baseRate: number;
  countries: string[];
  countryWeights: number[];
  weekendFactor: number;
}

export function profileFor(service: { slug: string; category: CategorySlug }): TrafficProfile {
  const mix = MARKETS[service.slug] ?? GLOBAL_MIX;
  const countries = Object.keys(mix);
  return {
    slug: service.slug,
    category: service.category,
    baseRate: BASE_RATE[service.slug] ?? 5,
    countries,
    countryWeights: countries.map((c) => mix[c] ?? 0),
    weekendFactor: WEEKEND[service.category] ?? 1,
  };
}

/** Relative activity at a UTC instant in a country: low at 4 am local, high in the evening; mean ≈ 1 over a week. */
export function seasonality(profile: TrafficProfile, country: string, at: number): number {
  const local = new Date(at + (UTC_OFFSET[country] ?? 0) * 3_600_000);
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  const daily = (0.25 + (0.75 * (1 + Math.cos((2 * Math.PI * (hour - 20)) / 24))) / 2) / 0.625;
  const day = local.getUTCDay();
  const weekend = day === 0 || day === 6 ? profile.weekendFactor : 1;
  const weekMean = (5 + 2 * profile.weekendFactor) / 7;
  return (daily * weekend) / weekMean;
}
