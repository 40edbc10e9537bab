import type { Metadata } from "next";
import { ConsoleForm } from "@/components/console-form";
import { ConsoleNav } from "@/components/console-nav";
import styles from "@/components/console.module.css";
import { getDb } from "@/lib/db";
import { consoleAccess } from "@/lib/http/console-session";
import { commentQueue } from "@/lib/reports/moderation";
import { formatUtcTime } from "@/lib/text/format";
import { setCommentHidden, signOut } from "./actions";
import { ConsoleRefusal } from "./refusal";

export const metadata: Metadata = { title: "Comments" };

/** The queue of recent comments, to hide what breaks the rules (the report still counts) or show it again. */
export default async function CommentsPage() {
  const access = await consoleAccess("read");
  if (!access.ok) return <ConsoleRefusal access={access} />;
  const { actor } = access;
  const canModerate = actor.scopes.includes("moderate");
  const comments = await commentQueue(getDb());
  return (
    <>
      <ConsoleNav current="comments" actor={actor} signOut={signOut} />
      <h1>Comments</h1>
      <p className="muted">
        The newest {comments.length} comments of the last two days, hidden ones included. Hiding a comment takes its
        words off every page and feed; the report itself still counts.
      </p>
      <div className={`data-table-wrap ${styles.tall}`} tabIndex={0} role="region" aria-label="Recent comments">
        <table className="data">
          <caption className="visually-hidden">Recent comments, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Service</th>
              <th scope="col">Comment</th>
              <th scope="col">Shown?</th>
              {canModerate && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {comments.map((c) => (
              <tr key={c.id}>
                <td>{formatUtcTime(c.at, true)}</td>
                <td>
                  {c.service.name} <span className="muted">({c.country})</span>
                </td>
                <td className={c.hidden ? styles.hiddenText : styles.wrap}>{c.text}</td>
                <td>{c.hidden ? "Hidden" : "Shown"}</td>
                {canModerate && (
                  <td>
                    <ConsoleForm
                      inline
                      action={setCommentHidden}
                      hidden={{ id: String(c.id), hidden: String(!c.hidden) }}
                      submit={c.hidden ? "Show" : "Hide"}
                      label={`${c.hidden ? "Show" : "Hide"} comment ${c.id}: “${c.text.slice(0, 40)}”`}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {comments.length === 0 && <p>No comments in the last two days.</p>}
    </>
  );
}
