import type { Metadata } from "next";
import { ConsoleForm } from "@/components/console-form";
import { ConsoleNav } from "@/components/console-nav";
import styles from "@/components/console.module.css";
import { SCOPE_LABELS, SCOPES } from "@/lib/admin/actor";
import { listTokens } from "@/lib/admin/tokens";
import { getDb } from "@/lib/db";
import { consoleAccess } from "@/lib/http/console-session";
import { formatUtcTime } from "@/lib/text/format";
import { issue, revoke, rotate, signOut } from "../actions";
import { ConsoleRefusal } from "../refusal";

export const metadata: Metadata = { title: "Tokens" };

/** Who may moderate: named tokens, issued, rotated (the old secret works for a day) and revoked. */
export default async function TokensConsolePage() {
  const access = await consoleAccess("tokens");
  if (!access.ok) return <ConsoleRefusal access={access} />;
  const { actor } = access;
  const tokens = await listTokens(getDb());
  return (
    <>
      <ConsoleNav current="tokens" actor={actor} signOut={signOut} />
      <h1>Tokens</h1>
      <p className="muted">
        One token per person or program, each with only the scopes it needs. Only a hash is kept: a lost token is
        rotated or revoked, never shown again.
      </p>
      {tokens.length === 0 ? (
        <p>No named tokens yet: issue one for each moderator, then stop using ADMIN_TOKEN.</p>
      ) : (
        <div className={`data-table-wrap ${styles.tall}`} tabIndex={0} role="region" aria-label="Tokens that work">
          <table className="data">
            <caption className="visually-hidden">Tokens that work</caption>
            <thead>
              <tr>
                <th scope="col">Whose</th>
                <th scope="col">May</th>
                <th scope="col">Issued</th>
                <th scope="col">Last used</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.scopes.join(", ")}</td>
                  <td>{formatUtcTime(t.created_at, true)}</td>
                  <td>
                    {t.last_used_at ? formatUtcTime(t.last_used_at, true) : "never"}
                    {t.previous_valid_until
                      ? ` (old secret works until ${formatUtcTime(t.previous_valid_until, true)})`
                      : ""}
                  </td>
                  <td>
                    <ConsoleForm
                      inline
                      action={rotate}
                      hidden={{ id: String(t.id) }}
                      submit="Rotate"
                      label={`Rotate ${t.name}'s token`}
                    />
                    <ConsoleForm
                      inline
                      action={revoke}
                      hidden={{ id: String(t.id) }}
                      submit="Revoke"
                      label={`Revoke ${t.name}'s token`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="issue">
        <h2 id="issue">Issue a token</h2>
        <ConsoleForm action={issue} submit="Issue token">
          <div>
            <label className="label" htmlFor="name">
              Whose token (a name the audit log will show)
            </label>
            <input id="name" name="name" type="text" required maxLength={80} />
          </div>
          <fieldset>
            <legend>May</legend>
            <div className={styles.checks}>
              {SCOPES.map((s) => (
                <label key={s}>
                  <input type="checkbox" name="scopes" value={s} defaultChecked={s === "read"} /> {SCOPE_LABELS[s]}
                </label>
              ))}
            </div>
          </fieldset>
        </ConsoleForm>
      </section>
    </>
  );
}
