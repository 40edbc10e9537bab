import fc from "fast-check";

// Hostile input for the fuzz tests (npm test) and the reliability suite: one vocabulary of what
// breaks servers, so both throw the same things at the report endpoint.

// Strings that have broken real systems: lone surrogates, NUL, direction overrides, look-alikes,
// control characters, huge and empty values, SQL and markup.
export const hostileString = fc.constantFrom(
  "",
  " ",
  "\ud800",
  "a\udc00b",
  "\u0000",
  "US\u0000",
  "\u202etxt.exe",
  "ｔｉｋｔｏｋ",
  "TIKTOK",
  "tiktok\n",
  " us ",
  "US-ZZ",
  "de-be",
  "'; drop table reports; --",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "🔥".repeat(281),
  "x".repeat(5_000),
  "..%2f..%2fetc%2fpasswd",
  "__proto__",
  "constructor",
  "9".repeat(40),
  "-1",
  "1e309",
  "NaN",
);
// Integers past what a Postgres integer (or a JavaScript number) holds, where a column expects one.
export const hostileInteger = fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 53 + 2, -0, 1e21);
export const anyValue = fc.oneof(
  hostileString,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  hostileInteger,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
export const fieldOf = (valid: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, anyValue);
const reportShaped = fc.record(
  {
    service: fieldOf(["tiktok", "whatsapp", "no-such-service"]),
    symptom: fieldOf(["login", "messages", "app", "nope"]),
    country: fieldOf(["US", "de", "ZZ"]),
    subdivision: fieldOf(["US-CA", "DE-BE", ""]),
    text: fieldOf(["It is down", "", "ça ne marche pas 🙁"]),
    website: fieldOf([""]),
    __proto__: fieldOf(["polluted"]),
  },
  { requiredKeys: [] },
);
/** A body as bytes: JSON of a report-like object, any JSON, text that is not JSON, or bytes that are not UTF-8. */
export const reportBody = fc.oneof(
  { weight: 5, arbitrary: reportShaped.map((o) => Buffer.from(JSON.stringify(o))) },
  fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s)),
  fc.string({ unit: "binary", maxLength: 200 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc.constant(Buffer.from('{"service":"tiktok","symptom":"login","country":"US","text":"\\ud800"}')),
  fc.constant(Buffer.from("[".repeat(10_000))),
  fc.constant(Buffer.from(`{"text":"${"x".repeat(50_000)}"}`)),
);
export const asciiHeader = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
export const reportHeaders = fc.record(
  {
    "content-type": fc.oneof(
      fc.constantFrom("application/json", "application/json; charset=utf-8", "application/merge-patch+json"),
      fc.constantFrom("text/plain", "multipart/form-data", "application/x-www-form-urlencoded", ""),
      asciiHeader,
    ),
    "idempotency-key": asciiHeader,
    "x-forwarded-for": fc.oneof(fc.ipV4(), fc.ipV6(), asciiHeader),
    "user-agent": asciiHeader,
    "accept-language": asciiHeader,
  },
  { requiredKeys: ["content-type", "x-forwarded-for"] },
);
