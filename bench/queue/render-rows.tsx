// Server render cost of queue rows without HTTP, database or Flight: the queue's DataTable and
// columns rendered with react-dom/server for 5, 50 and 100 synthetic rows, alternating, in one
// process (NODE_ENV=production). The slope is the per-row CPU cost of the HTML render alone.
// Usage: NODE_ENV=production node node_modules/tsx/dist/cli.mjs bench/queue/render-rows.tsx [runs]
// To profile unminified sources: NODE_ENV=production node --import tsx --cpu-prof bench/queue/render-rows.tsx
// (the tsx CLI runs the script in a child process, which `--cpu-prof` would not reach).
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { DataTable } from "@/components/data-table/data-table";
import { useQueueColumns } from "@/components/queue/queue-columns";
import { computeSla } from "@/lib/sla/compute";
import { DEFAULT_SLA } from "@/lib/sla/targets";
import { loadMessages } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/time/ist";
import type { QueueRow } from "@/lib/queue/list-queue";

const RUNS = Number(process.argv[2] ?? 400);
const now = Date.parse("2026-12-01T10:00:00Z");
const CATS = ["THEFT_ROBBERY", "GAMBLING", "ILLEGAL_LIQUOR", "OTHER"] as const;

function row(i: number): QueueRow {
  const receivedAt = new Date(now - i * 60_000).toISOString();
  const base = {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    ref: `EM-2026-${String(i).padStart(7, "0")}`,
    receivedAt,
    channel: "WHATSAPP" as const,
    preview: `avaidh sharab near ${i} शराब की बिक्री`,
    mediaCount: i % 3,
    category: CATS[i % 4],
    priority: (["URGENT", "HIGH", "NORMAL", "LOW"] as const)[i % 4],
    stationId: "4f6674c3-a264-4e8f-858d-a0285a402eec",
    stationName: "Civil Lines",
    stationNameHi: "सिविल लाइंस",
    status: "NEW" as const,
    assigneeId: null,
    assigneeName: i % 2 ? "SI Verma" : null,
    firstResponseAt: null,
    closedAt: null,
    lastActivityAt: receivedAt,
    flagged: i % 7 === 0,
  };
  return { ...base, sla: computeSla(base, DEFAULT_SLA, now) } as QueueRow;
}

const router = { push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} };
const noop = () => {};

function Table({ rows }: { rows: QueueRow[] }) {
  const columns = useQueueColumns({ targets: DEFAULT_SLA, serverNow: now, onClaim: noop, claiming: null });
  return (
    <DataTable
      caption="Unassigned"
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      sort={{ id: "received", desc: false }}
      page={{ prev: null, next: "x" }}
      emptyText="empty"
      selection={{ state: {}, onChange: noop, rowLabel: (r) => r.ref }}
      rowKeys={{ c: noop }}
      rowClassName={(r) => (r.flagged ? "opacity-70" : r.sla.state === "breached" ? "bg-red-50/40" : "")}
    />
  );
}

function render(rows: QueueRow[], locale: "en" | "hi") {
  return renderToString(
    <AppRouterContext.Provider value={router as never}>
      <PathnameContext.Provider value="/queue">
        <SearchParamsContext.Provider value={new URLSearchParams("view=unassigned") as never}>
          <NextIntlClientProvider locale={locale} messages={loadMessages(locale)} timeZone={TIME_ZONE}>
            <Table rows={rows} />
          </NextIntlClientProvider>
        </SearchParamsContext.Provider>
      </PathnameContext.Provider>
    </AppRouterContext.Provider>,
  );
}

const SIZES = [5, 50, 100];
const BATCH = 10;
const data = SIZES.map((n) => Array.from({ length: n }, (_, i) => row(i)));
// CPU time (user + system) of a batch of renders, not wall time: on a shared machine the process
// is descheduled at random, which wall time counts and CPU time does not.
const cpuMs = (f: () => void) => {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};
for (const locale of ["en", "hi"] as const) {
  for (let i = 0; i < 50; i++) for (const d of data) render(d, locale);
  const ms = SIZES.map(() => [] as number[]);
  for (let i = 0; i < RUNS / BATCH; i++)
    for (const [k, d] of data.entries())
      ms[k].push(
        cpuMs(() => {
          for (let j = 0; j < BATCH; j++) render(d, locale);
        }) / BATCH,
      );
  const med = ms.map((m) => [...m].sort((a, b) => a - b)[m.length >> 1]);
  const html = data.map((d) => render(d, locale).length);
  console.log(
    `${locale}: ${SIZES.map((s, k) => `${s} rows ${med[k].toFixed(2)} ms`).join(", ")}; ${((med[2] - med[0]) / (SIZES[2] - SIZES[0])).toFixed(4)} ms/row (CPU, median of ${RUNS / BATCH} batches of ${BATCH}); ${((html[2] - html[0]) / (SIZES[2] - SIZES[0])).toFixed(0)} chars HTML/row`,
  );
}
