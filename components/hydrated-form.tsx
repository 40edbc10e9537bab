"use client";

import type { ComponentProps } from "react";
import { useHydrated } from "./use-hydrated";

type FormAction = (form: FormData) => void;

/**
 * A form that posts to the server action until the page has hydrated (so it works without
 * JavaScript), then to the browser's own handler. Only the form element itself re-renders at that
 * switch: its fields are the parent's elements, which React leaves alone. Re-rendering the report
 * form whole had React walk every input and option on a phone's main thread just after hydration.
 */
export function HydratedForm({
  serverAction,
  clientAction,
  ...form
}: Omit<ComponentProps<"form">, "action"> & { serverAction: FormAction; clientAction: FormAction }) {
  return <form action={useHydrated() ? clientAction : serverAction} {...form} />;
}
