/** An e-mail's plain-text part with its links made clickable (only ones to this site's kind: http and https). */
export function MailText({ text, className }: { text: string; className?: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <p className={className}>
      {parts.map((part, i) =>
        i % 2 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
