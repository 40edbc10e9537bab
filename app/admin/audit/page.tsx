import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { ConsoleNav } from "@/components/console-nav";
import styles from "@/components/console.module.css";
import { auditLog } from "@/lib/admin/audit";
import { getDb } from "@/lib/db";
import { consoleAccess } from "@/lib/http/console-session";
import { pathId } from "@/lib/http/path-id";
import { formatUtcTime } from "@/lib/text/format";
import { signOut } from "../actions";
import { ConsoleRefusal } from "../refusal";

export const metadata: Metadata = { title: "Audit log" };

const PAGE = 50;

/** Who did what, from where, and every failed sign-in: newest first, fifty at a time. */
export default async function AuditConsolePage({ searchParams }: PageProps<"/admin/audit">) {
  const access = await consoleAccess("read");
  if (!access.ok) return <ConsoleRefusal access={access} />;
  const { actor } = access;
  const beforeParam = (await searchParams).before;
  const before = typeof beforeParam === "string" ? pathId(beforeParam) : undefined;
  const entries = await auditLog(getDb(), PAGE, before);
  const last = entries.at(-1);
  return (
    <>
      <ConsoleNav current="audit" actor={actor} signOut={signOut} />
      <h1>Audit log</h1>
      <p className="muted">
        Every change made through the console or the API, and every refused sign-in, with the network it came from.
      </p>
      {entries.length > 0 && (
        <div className={`data-table-wrap ${styles.tall}`} tabIndex={0} role="region" aria-label="Audit entries">
          <table className="data">
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">From</th>
                <th scope="col">What</th>
                <th scope="col">On</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatUtcTime(e.at, true)}</td>
                  <td>{e.actor ?? "(before names)"}</td>
                  <td>{e.source ?? ""}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td className={styles.wrap}>
                    <code>{Object.keys(e.details).length ? JSON.stringify(e.details) : ""}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length === 0 && <p>Nothing logged{before ? " before that" : " yet"}.</p>}
      {entries.length === PAGE && last && (
        <p>
          <IntentLink href={`/admin/audit?before=${last.id}`}>Older entries</IntentLink>
        </p>
      )}
    </>
  );
}
