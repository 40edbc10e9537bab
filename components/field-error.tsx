import parts from "./form-parts.module.css";

/** A field's error under it; `id` is what the field's aria-describedby names. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className={parts["field-error"]} id={id}>
      {message}
    </p>
  ) : null;
}
