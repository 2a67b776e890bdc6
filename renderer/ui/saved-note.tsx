/** The line that confirms a save, read out by screen readers; nothing until there is something to say. */
export function SavedNote({ text }: { text: string | null }) {
  return text ? (
    <p role="status" className="status-ok">
      {text}
    </p>
  ) : null;
}
