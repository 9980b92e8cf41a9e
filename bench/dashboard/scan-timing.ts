// The dashboard's range read in-process, without the HTTP server and page render: the range scan
// and the officers' activity side by side, as the page runs them, against a seeded database; then
// the stations' action-request figures alone.
// Usage (after `npm run bench -- dashboard` left a seeded database behind):
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mukhbir_dash_bench AUTH_SECRET=… IDENTITY_PEPPER=… \
//   IDENTITY_KEYS=k1:<32 bytes base64> IDENTITY_ACTIVE_KEY=k1 PUBLIC_BASE_URL=http://localhost WORKER_ENABLED=false \
//   node node_modules/tsx/dist/cli.mjs --conditions=react-server bench/dashboard/scan-timing.ts [7d|30d] [reads]
// Prints the median, fastest and slowest read in ms (the slowest is usually the first: connections).
import { scanRange } from "../../lib/dashboard/range-scan";
import { officerActivity } from "../../lib/dashboard/officers";
import { parseFilters } from "../../lib/dashboard/filters";
import { stationFigures } from "../../lib/dashboard/station-figures";
import { closeDb } from "../../lib/db";

const range = process.argv[2] ?? "30d";
const reads = Number(process.argv[3] ?? 15);
const ms: number[] = [];
for (let i = 0; i < reads; i++) {
  const f = parseFilters({ range }, new Date());
  const t0 = performance.now();
  await Promise.all([scanRange(f), officerActivity(f)]);
  ms.push(performance.now() - t0);
}
ms.sort((a, b) => a - b);
console.log(
  `${range}: ${reads} reads, median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, fastest ${ms[0].toFixed(1)} ms, slowest ${ms.at(-1)!.toFixed(1)} ms`,
);
// The stations' action-request figures (ADR 0610) alone: the page runs them beside the two above.
const st: number[] = [];
for (let i = 0; i < reads; i++) {
  const f = parseFilters({ range }, new Date());
  const t0 = performance.now();
  await stationFigures(f);
  st.push(performance.now() - t0);
}
st.sort((a, b) => a - b);
console.log(
  `${range} station figures: ${reads} reads, median ${st[Math.floor(st.length / 2)].toFixed(1)} ms, fastest ${st[0].toFixed(1)} ms, slowest ${st.at(-1)!.toFixed(1)} ms`,
);
await closeDb();
