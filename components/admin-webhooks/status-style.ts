// Colours of a webhook event's status, shared by the summary (server) and the events table (client).
export const STATUS_STYLE = {
  PROCESSED: "bg-green-100 text-green-800",
  IGNORED: "bg-slate-100 text-slate-700",
  FAILED: "bg-red-100 text-red-800",
} as const;
