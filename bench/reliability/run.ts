// The reliability scenarios at bench sizes (lib/testing/system/sizes.ts SIZES.bench), one after
// another, each printing its figures; see run.mjs for usage.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCrash } from "../../lib/testing/system/crash";
import { runFanOut } from "../../lib/testing/system/fan-out";
import { runFuzz } from "../../lib/testing/system/fuzz";
import { runOutage } from "../../lib/testing/system/outage";
import { printFigures, type Outcome } from "../../lib/testing/system/outcome";
import { runRedeliveries } from "../../lib/testing/system/redeliveries";
import { sizes } from "../../lib/testing/system/sizes";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const args = process.argv.slice(2);
const seedArg = args.find((a) => a.startsWith("--seed="));
const seed = seedArg ? Number(seedArg.split("=")[1]) : undefined;
const wanted = args.find((a) => !a.startsWith("--")) ?? "all";
const s = sizes();

const PARTS: Record<string, [string, () => Promise<Outcome>][]> = {
  redeliveries: [
    [
      "redeliveries and forgeries (postgres)",
      () => runRedeliveries({ engine: "postgres", valid: s.redeliveries.postgres, seed }),
    ],
    [
      "redeliveries and forgeries (pglite)",
      () => runRedeliveries({ engine: "pglite", valid: s.redeliveries.pglite, seed }),
    ],
  ],
  crash: [
    ["crash: kill -9 mid-burst (postgres)", () => runCrash({ engine: "postgres", ...s.crash.postgres, seed })],
    ["crash: kill -9 mid-burst (pglite)", () => runCrash({ engine: "pglite", ...s.crash.pglite, seed })],
  ],
  outage: [
    ["outage: database refusing (postgres)", () => runOutage({ mode: "refuse", ...s.outage, seed })],
    [
      "outage: database silently dropping, then healed (postgres)",
      () => runOutage({ mode: "drop", ...s.outage, seed }),
    ],
    [
      "outage: database silently dropping, held connections lost (postgres)",
      () => runOutage({ mode: "blackhole", ...s.outage, seed }),
    ],
  ],
  fuzz: [["fuzz: signed property-based payloads (postgres)", () => runFuzz({ ...s.fuzz, seed })]],
  "fan-out": [["fan-out: live queue streams (postgres)", () => runFanOut(s.fanOut)]],
};
if (wanted !== "all" && !(wanted in PARTS)) {
  console.error(`usage: npm run bench -- reliability [all|${Object.keys(PARTS).join("|")}] [--seed=N]`);
  process.exit(2);
}

const results: { part: string; seconds: number; figures: Outcome["figures"]; violations: string[] }[] = [];
for (const [name, parts] of Object.entries(PARTS)) {
  if (wanted !== "all" && wanted !== name) continue;
  for (const [title, run] of parts) {
    const t0 = performance.now();
    let out: Outcome;
    try {
      out = await run();
    } catch (e) {
      out = { figures: {}, violations: [`did not run to the end: ${e instanceof Error ? e.message : String(e)}`] };
    }
    const seconds = Math.round((performance.now() - t0) / 1000);
    printFigures(`${title} — ${seconds} s`, out.figures);
    for (const v of out.violations) console.log(`  VIOLATION: ${v}`);
    results.push({ part: title, seconds, figures: out.figures, violations: out.violations });
  }
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(" ")}`;
console.log(`machine: ${machine}; ${new Date().toISOString()}`);
fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
fs.writeFileSync(
  path.join(root, "bench/results/reliability.json"),
  JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2),
);
const failed = results.filter((r) => r.violations.length);
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
