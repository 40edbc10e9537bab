// Realistic report traffic: most reports for the service that is failing, the rest spread over the
// catalog; many countries, regions and symptoms; mostly distinct people, some repeating themselves.
import { rng } from "@/lib/simulate/random";
import type { LoadConfig } from "./protocol";

const COUNTRIES: Array<[string, number, string[]]> = [
  ["US", 34, ["US-CA", "US-TX", "US-NY", "US-FL", "US-IL", "US-WA"]],
  ["GB", 9, ["GB-ENG", "GB-SCT", "GB-WLS"]],
  ["DE", 6, ["DE-BY", "DE-BE", "DE-NW", "DE-HH"]],
  ["FR", 5, ["FR-IDF", "FR-ARA"]],
  ["IN", 8, ["IN-MH", "IN-KA", "IN-DL"]],
  ["BR", 7, ["BR-SP", "BR-RJ"]],
  ["CA", 4, ["CA-ON", "CA-QC"]],
  ["AU", 3, ["AU-NSW", "AU-VIC"]],
  ["JP", 4, ["JP-13", "JP-27"]],
  ["MX", 3, ["MX-CMX"]],
];
const COUNTRY_TOTAL = COUNTRIES.reduce((a, c) => a + c[1], 0);
const AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
  "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
];
const TEXTS = ["Won't load at all", "Keeps logging me out", "Error 503 everywhere", "Nothing since 10 minutes"];

export interface ReportRequest {
  body: string;
  headers: Record<string, string>;
}

export function reportRequests(services: Extract<LoadConfig["work"], { kind: "reports" }>["services"], seed: number) {
  const random = rng(seed);
  const failing = services[Math.floor(random() * services.length)]!;
  const recent: string[] = [];
  return (): ReportRequest => {
    const service = random() < 0.5 ? failing : services[Math.floor(random() * services.length)]!;
    let pick = random() * COUNTRY_TOTAL;
    let country = COUNTRIES[0]!;
    for (const c of COUNTRIES) {
      if ((pick -= c[1]) < 0) {
        country = c;
        break;
      }
    }
    let ip: string;
    if (recent.length > 0 && random() < 0.05) ip = recent[Math.floor(random() * recent.length)]!;
    else {
      ip = `${1 + Math.floor(random() * 222)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
      recent.push(ip);
      if (recent.length > 500) recent.shift();
    }
    const report: Record<string, string> = {
      service: service.slug,
      symptom: service.symptoms[Math.floor(random() * service.symptoms.length)]!,
      country: country[0],
    };
    if (random() < 0.6) report.subdivision = country[2][Math.floor(random() * country[2].length)]!;
    if (random() < 0.05) report.text = TEXTS[Math.floor(random() * TEXTS.length)]!;
    return {
      body: JSON.stringify(report),
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": ip,
        "user-agent": AGENTS[Math.floor(random() * AGENTS.length)]!,
      },
    };
  };
}
