import type { Metadata } from "next";

// Never in search results, whatever a crawler finds a link from (the front also sends X-Robots-Tag).
export const metadata: Metadata = {
  title: { default: "Moderator console", template: "%s · Moderator console" },
  robots: { index: false, follow: false },
};

export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return children;
}
