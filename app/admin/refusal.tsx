import type { Authorization } from "@/lib/admin/authorize";
import { ConsoleForm } from "@/components/console-form";
import { signIn } from "./actions";

/** What a console page shows instead of itself: the sign-in form, or why this token may not. */
export function ConsoleRefusal({ access }: { access: Exclude<Authorization, { ok: true }> }) {
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
        For the people who keep Outage Radar tidy. Sign in with the token you were given (it starts with{" "}
        <code>ort_</code>); it is kept in a cookie for this console only, for 12 hours.
      </p>
      <section className="card" aria-labelledby="sign-in">
        <h2 id="sign-in">Sign in</h2>
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
