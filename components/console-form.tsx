"use client";

import { useActionState, useId } from "react";
import type { ConsoleState } from "@/lib/admin/console-state";
import styles from "./console.module.css";

/**
 * A console form: a server action that also works as a plain POST, with its answer spoken by screen
 * readers (a status for success, an alert for a refusal) and any issued secret shown once to copy.
 */
export function ConsoleForm({
  action,
  submit,
  hidden = {},
  children,
  inline = false,
  label,
}: {
  action: (previous: ConsoleState, form: FormData) => Promise<ConsoleState>;
  submit: string;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
  /** A single button in a table row rather than a block of fields. */
  inline?: boolean;
  /** What the form is for, when the button alone does not say (e.g. "Hide comment 12"). */
  label?: string;
}) {
  const [state, formAction, pending] = useActionState<ConsoleState, FormData>(action, null);
  const secretId = useId();
  return (
    <form action={formAction} className={inline ? styles.inline : styles.form}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className={styles.actions}>
        <button type="submit" className={inline ? styles.small : "button"} disabled={pending} aria-label={label}>
          {submit}
        </button>
      </div>
      {state && (
        <div role={state.ok ? "status" : "alert"} className={state.ok ? styles.done : styles.refused}>
          <p>
            <strong>{state.ok ? "Done: " : "Not done: "}</strong>
            {state.message}
          </p>
          {state.secret && (
            <p>
              <label htmlFor={secretId} className="visually-hidden">
                Secret
              </label>
              <input id={secretId} className={styles.secret} readOnly value={state.secret} />
            </p>
          )}
        </div>
      )}
    </form>
  );
}
