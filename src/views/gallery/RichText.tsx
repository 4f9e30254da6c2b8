import { Fragment } from 'react';

/** Renders catalogue text, showing `backticked` parts in code font (Kubernetes values, fields). */
export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}

/** The same text without the code marks, for places that cannot hold markup (options, titles). */
export function plain(text: string): string {
  return text.replaceAll('`', '');
}
