import { z } from "zod";

export const regionSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: "Region" });
