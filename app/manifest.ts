import type { MetadataRoute } from "next";

/** What a phone needs to install the site as an app: name, start page, colours and icons. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Outage Radar",
    short_name: "Outage Radar",
    description: "Is it down right now? Live user reports of problems and outages.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
