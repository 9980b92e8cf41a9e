const COLOURS: Record<string, string> = {
  NEW: "bg-blue-100 text-blue-900",
  IN_PROGRESS: "bg-amber-100 text-amber-900",
  WAITING_INFORMANT: "bg-violet-100 text-violet-900",
  CLOSED: "bg-green-100 text-green-900",
  MERGED: "bg-slate-200 text-slate-800",
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span
      className={`rounded px-2 py-0.5 text-sm font-medium ${COLOURS[status] ?? "bg-slate-100"}`}
      data-testid="tip-status"
      data-status={status}
    >
      {label}
    </span>
  );
}
