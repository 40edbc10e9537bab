import { z } from "zod";

export const regionSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: "Region" });

export const locationGuessSchema = z
  .object({
    country: z.string().length(2).nullable().meta({ description: "ISO 3166-1 alpha-2, or null when no guess" }),
    subdivision: z.string().nullable().meta({ description: "ISO 3166-2, where the address database names one" }),
  })
  .meta({ id: "LocationGuess" });
