import { IntentLink } from "./intent-link";
import type { Actor } from "@/lib/admin/actor";
import styles from "./console.module.css";

export const CONSOLE_SECTIONS = [
  ["comments", "/admin", "Comments"],
  ["incidents", "/admin/incidents", "Incidents"],
  ["webhooks", "/admin/webhooks", "Webhooks"],
  ["audit", "/admin/audit", "Audit log"],
  ["tokens", "/admin/tokens", "Tokens"],
] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number][0];

/** The console's heading strip: who is signed in, the sections, and signing out. */
export function ConsoleNav({
  current,
  actor,
  signOut,
}: {
  current: ConsoleSection;
  actor: Pick<Actor, "name" | "scopes">;
  signOut: () => Promise<void>;
}) {
  return (
    <>
      <div className={styles.who}>
        <p className="muted small">
          Moderator console · signed in as <strong>{actor.name}</strong> (may: {actor.scopes.join(", ")})
        </p>
        <form action={signOut}>
          <button type="submit" className={styles.small}>
            Sign out
          </button>
        </form>
      </div>
      <nav aria-label="Console sections" className={styles.nav}>
        <ul>
          {CONSOLE_SECTIONS.map(([key, href, label]) => (
            <li key={key}>
              <IntentLink href={href} aria-current={key === current ? "page" : undefined}>
                {label}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
