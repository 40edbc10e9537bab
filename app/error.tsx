"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="hero" role="alert">
      <h1>Something went wrong on our side</h1>
      <p>This page could not be loaded. It is us, not you: please try again in a moment.</p>
      <button className="button" type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
