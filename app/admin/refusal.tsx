import type { Authorization } from "@/lib/admin/authorize";
import { bootstrapTokenFile } from "@/lib/admin/bootstrap-token";
import path from "node:path";
import { ConsoleForm } from "@/components/console-form";
import { signIn } from "./actions";

/** What a console page shows instead of itself: the sign-in form, or why this token may not. */
export function ConsoleRefusal({ access }: { access: Exclude<Authorization, { ok: true }> }) {
  const tokenFile = bootstrapTokenFile();
  if (access.status !== 401) {
    return (
      <>
        <h1>Moderator console</h1>
        <p role="alert">{access.message}</p>
        <p>
          <a href="/admin">Back to the console</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Moderator console</h1>
      <p className="muted">
        For the people who keep Outage Radar tidy. Sign in with the token you were given (a named one starts with{" "}
        <code>ort_</code>); it is kept in a cookie for this console only, for 12 hours.
      </p>
      <section className="card" aria-labelledby="sign-in">
        <h2 id="sign-in">Sign in</h2>
        {tokenFile && (
          <p className="hint">
            The embedded demo made a first token for its operator: it is in{" "}
            <code>{path.relative(process.cwd(), tokenFile)}</code> beside the database. Issue named tokens with it,
            under Tokens.
          </p>
        )}
        <ConsoleForm action={signIn} submit="Sign in">
          <div>
            <label className="label" htmlFor="token">
              Token
            </label>
            <input id="token" name="token" type="password" autoComplete="off" required spellCheck={false} />
          </div>
        </ConsoleForm>
      </section>
    </>
  );
}
