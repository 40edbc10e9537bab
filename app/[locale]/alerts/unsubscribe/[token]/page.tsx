import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/intent-link";
import { unsubscribeAction } from "../../actions";

export const metadata: Metadata = { title: "Unsubscribe from alerts", robots: { index: false } };

/** One button: opening the link alone changes nothing, since mail scanners open links too. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: PageProps<"/[locale]/alerts/unsubscribe/[token]">) {
  const { token } = await params;
  const done = (await searchParams).done;
  return (
    <>
      <h1>{done ? "You are unsubscribed" : "Unsubscribe from alerts"}</h1>
      <div className="card">
        {done ? (
          <>
            <p role="status">
              No more alerts will be sent, and we deleted the address and the record of what was sent.
            </p>
            <p className="links">
              <Link href="/alerts">Subscribe again</Link>
            </p>
          </>
        ) : (
          <form action={unsubscribeAction} className="form">
            <input type="hidden" name="token" value={token} />
            <p>Stop every alert from this subscription and delete what we keep about it.</p>
            <button className="button" type="submit">
              Unsubscribe
            </button>
            <p className="links">
              <Link href={`/alerts/manage/${token}`}>Change what you follow instead</Link>
            </p>
          </form>
        )}
      </div>
    </>
  );
}
