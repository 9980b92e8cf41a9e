// Text with the words a search matched wrapped in <mark> (ranges from lib/search/query.ts
// `markMatches`, computed on the server). No hooks: usable in table cells (ADR 0303).
export function MarkedText({ text, marks }: { text: string; marks?: [number, number][] }) {
  if (!marks?.length) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900" data-testid="search-mark">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
