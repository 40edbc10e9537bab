import type { OfficialPlatform } from "./types";
import type { PlatformReader } from "./platforms/shared";
import { statuspage } from "./platforms/statuspage";
import { incidentio } from "./platforms/incidentio";
import { instatus } from "./platforms/instatus";
import { statusio } from "./platforms/statusio";
import { slack } from "./platforms/slack";
import { gcp } from "./platforms/gcp";
import { aws } from "./platforms/aws";
import { azure } from "./platforms/azure";

export const PLATFORMS: Record<OfficialPlatform, PlatformReader> = {
  statuspage,
  incidentio,
  instatus,
  statusio,
  slack,
  gcp,
  aws,
  azure,
};
