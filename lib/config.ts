import "server-only";
import { z } from "zod";

const list = z.string().transform((s) =>
  s
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean),
);

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  REPORTER_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  REPORT_COOLDOWN_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  REGION_HEADERS: list.default(["cf-ipcountry", "x-vercel-ip-country"]),
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/i, "must be a header name")
    .transform((s) => s.toLowerCase())
    .optional(),
  DEMO: z.enum(["on", "off"]).optional(),
  DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  DEMO_SEED: z.coerce.number().int().default(20261122),
});

export type Config = z.infer<typeof envSchema> & { demo: boolean };

let cached: Config | undefined;

/** Validates the environment once; a bad value stops the process with a message naming it. */
export function config(): Config {
  if (cached) return cached;
  // An empty value (DATABASE_URL=) means "not set", as in most tools.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  // Demo traffic is for the zero-setup embedded database; a real server opts in explicitly.
  const demo = parsed.data.DEMO ? parsed.data.DEMO === "on" : !parsed.data.DATABASE_URL;
  cached = { ...parsed.data, demo };
  return cached;
}
