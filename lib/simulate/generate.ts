import { subdivisionsOf } from "@/lib/regions/regions";
import { US_STATE_POPULATION } from "./us-states";
import { hashSeed, pickWeighted, poisson, rng } from "./random";
import { seasonality } from "./profiles";
import { outageShape, outagesBetween, type SimOutage, type SimService } from "./outages";

export interface SimReport {
  slug: string;
  symptom: string;
  country: string;
  subdivision: string | null;
  text: string | null;
  ip: string;
  userAgent: string;
  createdAt: Date;
}

const SYMPTOM_WEIGHTS = [34, 24, 16, 11, 8, 7];
const USER_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
  "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
];
export const TEXTS = [
  "Won't load at all.",
  "Error 503 since a few minutes ago.",
  "Works on Wi-Fi but not on mobile data.",
  "Spinning forever.",
  "Is it down for everyone?",
  "Tried restarting, still broken.",
];
/** What people write about the most reported problems; any other symptom draws from TEXTS. */
export const SYMPTOM_TEXTS: Record<string, readonly string[]> = {
  app: ["App closes as soon as I open it.", "Crashes every time I tap anything.", "Reinstalled, still crashing."],
  login: ["Keeps logging me out.", "Password is right but it says something went wrong.", "Stuck on the sign-in page."],
  feed: [
    "Feed is blank, just a spinner.",
    "Nothing new loads, same posts as this morning.",
    "Pull to refresh does nothing.",
    "Couldn't refresh feed, it says.",
  ],
  website: ["Site shows a 502 error.", "Page loads without any styling, then times out."],
  server: [
    "Can't connect to the server.",
    "Connection lost every few minutes.",
    "Stuck on connecting.",
    "Kicked out to the main menu.",
  ],
  messages: [
    "Messages stuck on one tick.",
    "My messages won't send.",
    "Group chats not updating at all.",
    "Messages arrive hours late.",
  ],
  playback: ["Video stops after a few seconds.", "Black screen with sound only."],
  buffering: ["Buffering every ten seconds.", "Quality drops to the lowest and still buffers."],
  payments: ["Payment fails at checkout.", "Money left my account but the payment shows as failed."],
  card: ["Card declined everywhere today.", "Contactless payments not going through."],
  internet: ["No internet since this morning, router lights are fine.", "Whole street is offline."],
  signal: ["No signal at all in the city centre.", "Phone says SOS only."],
  email: ["Not receiving any email since lunch.", "Inbox won't refresh."],
  voice: ["Calls drop after a few seconds.", "Can't hear the other person on calls."],
  matchmaking: ["Stuck in the queue forever.", "Matchmaking fails with an error every time."],
};
/** A comment for a report of `symptom`, from one random number: a quarter are the general kind. */
function pickText(symptom: string, r: number): string {
  const own = SYMPTOM_TEXTS[symptom];
  if (!own || r < 0.25) return TEXTS[Math.floor((own ? r / 0.25 : r) * TEXTS.length)] as string;
  return own[Math.floor(((r - 0.25) / 0.75) * own.length)] as string;
}
const firstLevelCache = new Map<string, { codes: string[]; weights: number[] }>();
/**
 * First-level subdivisions (US states, German Länder…), where the demo places a share of reports:
 * US states by population, elsewhere evenly.
 */
function firstLevel(country: string): { codes: string[]; weights: number[] } {
  let list = firstLevelCache.get(country);
  if (!list) {
    const codes = subdivisionsOf(country)
      .filter((s) => s.parent === country && (country !== "US" || s.code in US_STATE_POPULATION))
      .map((s) => s.code);
    list = { codes, weights: codes.map((c) => US_STATE_POPULATION[c] ?? 1) };
    firstLevelCache.set(country, list);
  }
  return list;
}
/** Share of reports that name a subdivision (the form's region field is optional). */
const SUBDIVISION_SHARE = 0.7;
const REPEAT_SHARE = 0.04;
const OUTAGE_FLOOR_RATE = 20; // even a quiet service's outage brings this many reporters an hour per unit of magnitude

/**
 * Deterministic synthetic reports for [from, to): seasonal per-country Poisson traffic plus the
 * scheduled outages, each report from a synthetic address and browser, some of them repeats.
 */
export function generateReports(
  seed: number,
  services: readonly SimService[],
  from: number,
  to: number,
  scripted: readonly SimOutage[] = [],
): SimReport[] {
  const random = rng(hashSeed(seed, "traffic", from, to));
  // A scripted outage replaces the random ones of its service, so a scenario shows exactly itself.
  const outages = [
    ...scripted,
    ...outagesBetween(seed, from, to, services).filter((o) => !scripted.some((x) => x.slug === o.slug)),
  ];
  const out: SimReport[] = [];
  const recent = new Map<string, Array<{ ip: string; userAgent: string; at: number }>>();

  for (let minute = Math.floor(from / 60_000) * 60_000; minute < to; minute += 60_000) {
    const sliceStart = Math.max(from, minute);
    const sliceEnd = Math.min(to, minute + 60_000);
    const fraction = (sliceEnd - sliceStart) / 60_000;
    if (fraction <= 0) continue;
    for (const s of services) {
      const p = s.profile;
      const weightTotal = p.countryWeights.reduce((a, b) => a + b, 0);
      const active = outages.filter((o) => o.slug === s.slug);
      for (let i = 0; i < p.countries.length; i++) {
        const country = p.countries[i] as string;
        const share = (p.countryWeights[i] ?? 0) / weightTotal;
        const usual = (p.baseRate / 60) * share * seasonality(p, country, minute) * fraction;
        let extra = 0;
        let outageSymptom: string | null = null;
        let outageSubdivision: string | null = null;
        let outageNetwork: number | null = null;
        for (const o of active) {
          const shape = outageShape(o, minute);
          if (shape === 0 || (o.country && o.country !== country)) continue;
          if (o.network) {
            extra += (o.network.perHour / 60) * shape * fraction;
            outageNetwork = o.network.firstOctet;
          } else if (o.subdivision) {
            // Magnitude is over the subdivision's rate at that hour, and never under its daily average,
            // so the outage stands out as plainly at the busiest hour as at night.
            const { codes, weights } = firstLevel(country);
            const w = weights[codes.indexOf(o.subdivision)] ?? 0;
            const subShare = (SUBDIVISION_SHARE * w) / weights.reduce((a, b) => a + b, 0);
            const hourly = Math.max(1, seasonality(p, country, minute));
            extra += (p.baseRate / 60) * share * subShare * hourly * (o.magnitude - 1) * shape * fraction;
            outageSubdivision = o.subdivision;
          } else {
            const scope = o.country ? 1 : share;
            extra += (Math.max(p.baseRate, OUTAGE_FLOOR_RATE) / 60) * (o.magnitude - 1) * shape * scope * fraction;
          }
          outageSymptom = o.symptom;
        }
        const n = poisson(random, usual + extra);
        for (let k = 0; k < n; k++) {
          const at = sliceStart + Math.floor(random() * (sliceEnd - sliceStart));
          const fromOutage = outageSymptom !== null && random() < extra / (usual + extra);
          const symptom =
            fromOutage && random() < 0.7
              ? (outageSymptom as string)
              : pickWeighted(random, s.symptoms, SYMPTOM_WEIGHTS.slice(0, s.symptoms.length));
          const subs = firstLevel(country);
          const subdivision =
            fromOutage && outageSubdivision
              ? outageSubdivision
              : random() < SUBDIVISION_SHARE && subs.codes.length
                ? pickWeighted(random, subs.codes, subs.weights)
                : null;
          const history = recent.get(s.slug) ?? [];
          const fresh = history.filter((h) => at - h.at < 30 * 60_000);
          let who: { ip: string; userAgent: string };
          if (fresh.length > 0 && random() < REPEAT_SHARE) {
            who = fresh[Math.floor(random() * fresh.length)] as { ip: string; userAgent: string };
          } else {
            const first = fromOutage && outageNetwork !== null ? outageNetwork : 1 + Math.floor(random() * 222);
            const ip = [first, random() * 256, random() * 256, 1 + random() * 254].map((x) => Math.floor(x)).join(".");
            who = { ip, userAgent: USER_AGENTS[Math.floor(random() * USER_AGENTS.length)] as string };
            fresh.push({ ...who, at });
          }
          recent.set(s.slug, fresh.slice(-50));
          out.push({
            slug: s.slug,
            symptom,
            country,
            subdivision,
            text: random() < 0.08 ? pickText(symptom, random()) : null,
            ip: who.ip,
            userAgent: who.userAgent,
            createdAt: new Date(at),
          });
        }
      }
    }
  }
  return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
