// The queue's grade cell: the officer's grade, or (muted) the source evaluation the alias's record
// suggests; a warning mark when the alias is marked as abusing the line. No numbers about the alias.
import type { QueueRow } from "@/lib/queue/list-queue";

export function GradeCell({
  row,
  label,
}: {
  row: Pick<QueueRow, "grade" | "suggestedSource" | "abusing">;
  label: (key: string) => string;
}) {
  return (
    <span className="flex items-center gap-1 whitespace-nowrap" data-testid="grade-cell">
      {row.grade ? (
        <span className="font-mono font-semibold">{row.grade}</span>
      ) : (
        <span className="font-mono text-slate-600" title={label(`suggestedCell:${row.suggestedSource}`)}>
          <span aria-hidden="true">{row.suggestedSource}?</span>
          <span className="sr-only">{label(`suggestedCell:${row.suggestedSource}`)}</span>
        </span>
      )}
      {row.abusing && (
        <span
          className="rounded bg-red-700 px-1 text-[10px] font-semibold uppercase text-white"
          title={label("abusingCell")}
          data-testid="abusing-mark"
        >
          <span aria-hidden="true">!</span>
          <span className="sr-only">{label("abusingCell")}</span>
        </span>
      )}
    </span>
  );
}
