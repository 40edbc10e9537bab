/**
 * Which services run on which shared upstream, only where the company or the upstream has said so
 * publicly (case studies, engineering blogs, filings, or an upstream outage that visibly took the
 * service down). An upstream is itself a catalog service, so its own reports and its official
 * status count as evidence. lib/upstreams reads this.
 */
export const UPSTREAMS: Readonly<
  Record<string, { name: string; kind: "cloud" | "cdn"; dependents: readonly string[] }>
> = {
  aws: {
    name: "Amazon Web Services",
    kind: "cloud",
    dependents: [
      "netflix",
      "prime-video",
      "twitch",
      "disney-plus",
      "slack",
      "zoom",
      "reddit",
      "pinterest",
      "snapchat",
      "fortnite",
      "league-of-legends",
      "notion",
      "vercel",
    ],
  },
  "google-cloud": { name: "Google Cloud", kind: "cloud", dependents: ["spotify", "snapchat", "discord"] },
  azure: { name: "Microsoft Azure", kind: "cloud", dependents: ["teams", "outlook", "xbox", "minecraft", "chatgpt"] },
  cloudflare: { name: "Cloudflare", kind: "cdn", dependents: ["discord", "chatgpt", "x"] },
};
