import type { CategorySlug, Symptom } from "@/lib/catalog/constants";

/** Symptom vocabulary; each service picks the ones that fit it, most common first. */
const S = {
  app: "App crashing",
  login: "Login",
  feed: "Feed not loading",
  website: "Website",
  server: "Server connection",
  upload: "Video upload",
  live: "Live streaming",
  messages: "Sending messages",
  notifications: "Notifications",
  posting: "Posting",
  stories: "Stories",
  search: "Search",
  playback: "Video playback",
  buffering: "Buffering",
  streaming: "Streaming",
  voice: "Voice calls",
  video: "Video calls",
  calls: "Calls",
  media: "Sending photos & videos",
  matchmaking: "Matchmaking",
  gameplay: "In-game problems",
  store: "Store & purchases",
  download: "Game downloads",
  console: "Console sign-in",
  api: "API",
  dashboard: "Console / dashboard",
  compute: "Compute",
  storage: "Storage",
  dns: "DNS",
  cdn: "CDN / websites behind it",
  git: "Git push & pull",
  actions: "CI / Actions",
  deploys: "Deployments",
  chat: "Chat responses",
  email: "Receiving email",
  sending: "Sending email",
  sync: "File sync",
  sharing: "Sharing",
  editing: "Editing documents",
  payments: "Payments",
  transfers: "Transfers",
  card: "Card payments",
  banking: "Online banking",
  mobileapp: "Mobile app",
  balance: "Balance & transactions",
  internet: "No internet",
  slow: "Slow speeds",
  tv: "TV",
  landline: "Landline",
  signal: "No signal",
  mobiledata: "Mobile data",
  wifi: "Wi-Fi",
  music: "Music playback",
  playlists: "Playlists",
} as const;
type SymptomKey = keyof typeof S;

/** Generic steps first; each service adds its own. */
const GENERIC_STEPS = [
  "Check your own connection: open another website or app. If nothing loads, the problem is probably your network.",
  "Update the app (or your browser) to the latest version.",
  "Clear the app's cache, or your browser's cache and cookies for the site.",
  "Restart your device and your router.",
  "Reinstall the app.",
  "Still broken and few others report it? Contact the service's support.",
];

export interface CatalogEntry {
  slug: string;
  name: string;
  category: CategorySlug;
  website: string;
  statusPage: string | null;
  aliases: string[];
  symptoms: Symptom[];
  troubleshooting: string[];
}

function entry(
  slug: string,
  name: string,
  category: CategorySlug,
  website: string,
  statusPage: string | null,
  symptoms: SymptomKey[],
  steps: string[],
  aliases: string[] = [],
): CatalogEntry {
  return {
    slug,
    name,
    category,
    website,
    statusPage,
    aliases,
    symptoms: symptoms.map((k) => ({ slug: k, label: S[k] })),
    troubleshooting: [...steps, ...GENERIC_STEPS],
  };
}

const META_STATUS = "https://metastatus.com";
const MS_STATUS = "https://status.cloud.microsoft";
const GOOGLE_WS_STATUS = "https://www.google.com/appsstatus/dashboard/";

export const CATALOG: CatalogEntry[] = [
  // Social
  entry("facebook", "Facebook", "social", "https://www.facebook.com", META_STATUS, ["feed", "login", "app", "website", "posting", "notifications"], ["Try facebook.com in a browser if the app fails, or the app if the site fails."], ["fb", "meta"]),
  entry("instagram", "Instagram", "social", "https://www.instagram.com", META_STATUS, ["feed", "app", "login", "stories", "upload", "messages"], ["If only Reels or Stories fail, switch between Wi-Fi and mobile data to rule out a slow network."], ["ig", "insta"]),
  entry("x", "X (Twitter)", "social", "https://x.com", null, ["feed", "app", "login", "posting", "website", "notifications"], ["Log out and back in if your timeline shows an error."], ["twitter"]),
  entry("tiktok", "TikTok", "social", "https://www.tiktok.com", null, ["app", "feed", "upload", "login", "live", "server"], ["If videos fail to upload, check that the video meets TikTok's length and size limits and retry on Wi-Fi."]),
  entry("snapchat", "Snapchat", "social", "https://www.snapchat.com", null, ["messages", "app", "login", "stories", "media", "server"], ["Clear conversations' cache from Settings → Account Actions → Clear Cache."], ["snap"]),
  entry("reddit", "Reddit", "social", "https://www.reddit.com", "https://www.redditstatus.com", ["feed", "website", "app", "login", "posting", "search"], ["Try old.reddit.com if the main site fails to load."]),
  entry("linkedin", "LinkedIn", "social", "https://www.linkedin.com", "https://www.linkedin-status.com", ["feed", "login", "website", "messages", "app", "search"], []),
  entry("pinterest", "Pinterest", "social", "https://www.pinterest.com", null, ["feed", "app", "login", "website", "search", "upload"], []),
  entry("threads", "Threads", "social", "https://www.threads.net", META_STATUS, ["feed", "app", "posting", "login", "notifications", "search"], ["Threads signs in through Instagram: check whether Instagram works for you."]),
  entry("bluesky", "Bluesky", "social", "https://bsky.app", "https://status.bsky.app", ["feed", "posting", "login", "app", "notifications", "search"], ["If you use a custom PDS or feed, check whether the problem is only with that server."]),

  // Video & streaming
  entry("youtube", "YouTube", "streaming", "https://www.youtube.com", null, ["playback", "website", "app", "login", "upload", "live"], ["Lower the playback quality to rule out a slow connection.", "Disable browser extensions such as ad blockers and reload."], ["yt"]),
  entry("netflix", "Netflix", "streaming", "https://www.netflix.com", "https://help.netflix.com/en/is-netflix-down", ["streaming", "login", "app", "buffering", "website"], ["Note the error code shown on screen (e.g. NW-2-5): Netflix's help centre explains each one.", "Sign out of Netflix on your TV and sign in again."]),
  entry("twitch", "Twitch", "streaming", "https://www.twitch.tv", null, ["live", "buffering", "website", "login", "messages", "app"], ["Switch the stream quality from Auto to a lower setting."]),
  entry("disney-plus", "Disney+", "streaming", "https://www.disneyplus.com", null, ["streaming", "login", "app", "buffering", "website"], [], ["disney plus", "disneyplus"]),
  entry("prime-video", "Prime Video", "streaming", "https://www.primevideo.com", null, ["streaming", "buffering", "login", "app", "website"], [], ["amazon prime video"]),
  entry("max", "Max", "streaming", "https://www.max.com", null, ["streaming", "login", "app", "buffering", "website"], [], ["hbo max", "hbo"]),
  entry("spotify", "Spotify", "streaming", "https://open.spotify.com", null, ["music", "app", "login", "playlists", "search", "website"], ["Toggle Offline mode off in settings and try again."]),

  // Messaging & calls
  entry("whatsapp", "WhatsApp", "messaging", "https://www.whatsapp.com", META_STATUS, ["messages", "server", "media", "calls", "login", "notifications"], ["Check Settings → Storage and data → Network usage: if nothing is sent or received, restart WhatsApp."], ["whats app"]),
  entry("messenger", "Messenger", "messaging", "https://www.messenger.com", META_STATUS, ["messages", "login", "app", "calls", "media", "notifications"], [], ["facebook messenger"]),
  entry("telegram", "Telegram", "messaging", "https://telegram.org", null, ["messages", "server", "media", "login", "notifications", "calls"], ["If stuck on \"Connecting…\", try switching proxy settings off."]),
  entry("discord", "Discord", "messaging", "https://discord.com", "https://discordstatus.com", ["messages", "voice", "server", "login", "app", "notifications"], ["In voice, try changing the server region of the channel (Edit channel → Region override)."]),
  entry("signal", "Signal", "messaging", "https://signal.org", "https://status.signal.org", ["messages", "calls", "media", "notifications", "server"], []),
  entry("zoom", "Zoom", "messaging", "https://zoom.us", "https://status.zoom.us", ["video", "login", "voice", "app", "server", "website"], ["Join the meeting from a browser (zoom.us/join) to rule out the app."]),
  entry("teams", "Microsoft Teams", "messaging", "https://www.microsoft.com/microsoft-teams", MS_STATUS, ["messages", "video", "login", "voice", "app", "notifications"], ["Try Teams on the web (teams.microsoft.com) to rule out the desktop app."], ["ms teams"]),
  entry("slack", "Slack", "messaging", "https://slack.com", "https://slack-status.com", ["messages", "login", "notifications", "app", "server", "voice"], ["Reload Slack with Ctrl/Cmd + Shift + R to clear its cache."]),

  // Gaming
  entry("steam", "Steam", "gaming", "https://store.steampowered.com", null, ["login", "store", "download", "server", "messages", "website"], ["Check whether your game's own servers are down as well as Steam's."]),
  entry("playstation-network", "PlayStation Network", "gaming", "https://www.playstation.com", "https://status.playstation.com", ["console", "matchmaking", "store", "download", "gameplay", "messages"], ["Test your connection in Settings → Network → Test Internet Connection on the console."], ["psn", "playstation"]),
  entry("xbox", "Xbox Network", "gaming", "https://www.xbox.com", "https://support.xbox.com/en-US/xbox-live-status", ["console", "matchmaking", "store", "download", "gameplay", "messages"], ["Run the network test on the console: Settings → General → Network settings."], ["xbox live"]),
  entry("nintendo-switch-online", "Nintendo Switch Online", "gaming", "https://www.nintendo.com", "https://www.nintendo.co.jp/netinfo/en_US/index.html", ["console", "matchmaking", "store", "download", "gameplay"], [], ["nintendo", "switch online"]),
  entry("roblox", "Roblox", "gaming", "https://www.roblox.com", "https://status.roblox.com", ["gameplay", "login", "server", "app", "website", "store"], []),
  entry("fortnite", "Fortnite", "gaming", "https://www.fortnite.com", "https://status.epicgames.com", ["login", "matchmaking", "server", "gameplay", "store"], ["Fortnite's servers are sometimes down for a planned update: check the status page for maintenance."], ["epic games"]),
  entry("league-of-legends", "League of Legends", "gaming", "https://www.leagueoflegends.com", "https://status.riotgames.com", ["login", "matchmaking", "server", "gameplay", "store"], [], ["lol", "riot"]),
  entry("minecraft", "Minecraft", "gaming", "https://www.minecraft.net", null, ["login", "server", "gameplay", "store", "download"], ["On a community server? Try another server to see whether only that one is down."]),

  // Cloud & developer
  entry("aws", "Amazon Web Services", "cloud", "https://aws.amazon.com", "https://health.aws.amazon.com/health/status", ["dashboard", "api", "compute", "storage", "login", "dns"], ["Check the AWS Health Dashboard for the region your resources run in."], ["amazon web services"]),
  entry("google-cloud", "Google Cloud", "cloud", "https://cloud.google.com", "https://status.cloud.google.com", ["dashboard", "api", "compute", "storage", "login"], [], ["gcp"]),
  entry("azure", "Microsoft Azure", "cloud", "https://azure.microsoft.com", "https://azure.status.microsoft/en-us/status", ["dashboard", "api", "compute", "storage", "login"], []),
  entry("cloudflare", "Cloudflare", "cloud", "https://www.cloudflare.com", "https://www.cloudflarestatus.com", ["cdn", "dns", "dashboard", "api", "website"], ["A \"5xx\" page with Cloudflare's logo can be the site's own server: check the Ray ID page for where the error is."]),
  entry("github", "GitHub", "cloud", "https://github.com", "https://www.githubstatus.com", ["website", "git", "actions", "api", "login", "notifications"], ["For push/pull failures, run `ssh -T git@github.com` to tell authentication from availability."]),
  entry("gitlab", "GitLab", "cloud", "https://gitlab.com", "https://status.gitlab.com", ["website", "git", "actions", "api", "login"], []),
  entry("chatgpt", "ChatGPT", "cloud", "https://chatgpt.com", "https://status.openai.com", ["chat", "login", "website", "app", "api"], ["Start a new chat: long conversations can fail on their own."], ["openai"]),
  entry("vercel", "Vercel", "cloud", "https://vercel.com", "https://www.vercel-status.com", ["deploys", "website", "dashboard", "api", "dns"], []),

  // Email & productivity
  entry("gmail", "Gmail", "productivity", "https://mail.google.com", GOOGLE_WS_STATUS, ["email", "login", "sending", "website", "app"], ["Check your spam folder and storage quota (a full account stops receiving email)."], ["google mail"]),
  entry("outlook", "Outlook", "productivity", "https://outlook.com", MS_STATUS, ["email", "login", "sending", "website", "app"], ["Try Outlook on the web to rule out the desktop app."], ["hotmail", "microsoft 365"]),
  entry("google-drive", "Google Drive", "productivity", "https://drive.google.com", GOOGLE_WS_STATUS, ["sync", "website", "upload", "sharing", "editing", "login"], [], ["google docs"]),
  entry("dropbox", "Dropbox", "productivity", "https://www.dropbox.com", "https://status.dropbox.com", ["sync", "website", "login", "sharing", "upload"], ["Pause and resume syncing from the Dropbox menu."]),
  entry("notion", "Notion", "productivity", "https://www.notion.com", "https://www.notion-status.com", ["editing", "website", "login", "sync", "app", "search"], []),
  entry("icloud", "iCloud", "productivity", "https://www.icloud.com", "https://www.apple.com/support/systemstatus/", ["sync", "email", "login", "storage", "website"], ["Sign out of iCloud and back in from Settings on the device."], ["apple icloud"]),

  // Payments & banking
  entry("paypal", "PayPal", "finance", "https://www.paypal.com", "https://www.paypal-status.com", ["payments", "login", "transfers", "website", "mobileapp"], []),
  entry("stripe", "Stripe", "finance", "https://stripe.com", "https://status.stripe.com", ["payments", "api", "dashboard", "card"], []),
  entry("venmo", "Venmo", "finance", "https://venmo.com", null, ["payments", "login", "transfers", "mobileapp", "balance"], []),
  entry("cash-app", "Cash App", "finance", "https://cash.app", "https://status.cash.app", ["payments", "login", "card", "transfers", "mobileapp", "balance"], []),
  entry("chase", "Chase", "finance", "https://www.chase.com", null, ["banking", "login", "mobileapp", "card", "balance", "transfers"], ["Never share one-time passcodes; Chase will not ask for them by phone."], ["jpmorgan chase"]),
  entry("bank-of-america", "Bank of America", "finance", "https://www.bankofamerica.com", null, ["banking", "login", "mobileapp", "card", "balance", "transfers"], [], ["bofa"]),
  entry("revolut", "Revolut", "finance", "https://www.revolut.com", null, ["mobileapp", "card", "transfers", "login", "balance"], []),

  // Telecom & ISP
  entry("verizon", "Verizon", "telecom", "https://www.verizon.com", null, ["signal", "mobiledata", "internet", "calls", "tv", "landline"], ["Toggle airplane mode on and off to re-register with the network."]),
  entry("att", "AT&T", "telecom", "https://www.att.com", null, ["signal", "mobiledata", "internet", "calls", "tv", "landline"], ["Toggle airplane mode on and off to re-register with the network."], ["at&t"]),
  entry("t-mobile", "T-Mobile", "telecom", "https://www.t-mobile.com", null, ["signal", "mobiledata", "calls", "internet", "slow"], ["Toggle airplane mode on and off to re-register with the network."], ["tmobile"]),
  entry("xfinity", "Xfinity (Comcast)", "telecom", "https://www.xfinity.com", "https://www.xfinity.com/support/status", ["internet", "tv", "wifi", "slow", "landline"], ["Restart your gateway: unplug it for 60 seconds."], ["comcast"]),
  entry("spectrum", "Spectrum", "telecom", "https://www.spectrum.com", null, ["internet", "tv", "wifi", "slow", "landline"], ["Restart your modem: unplug it for 60 seconds."], ["charter"]),
  entry("bt", "BT", "telecom", "https://www.bt.com", null, ["internet", "slow", "landline", "tv", "email", "wifi"], ["Restart your BT Hub and check its light: orange or red means no broadband."], ["british telecom"]),
  entry("vodafone", "Vodafone", "telecom", "https://www.vodafone.com", null, ["signal", "mobiledata", "internet", "calls", "slow", "tv"], []),
  entry("telekom", "Deutsche Telekom", "telecom", "https://www.telekom.de", null, ["internet", "landline", "signal", "mobiledata", "tv", "slow"], ["Restart your router (Speedport) and check its status lights."], ["t-online", "magentatv"]),
];
