// What the deliveries' answers promised against what the database holds: every delivery that got
// a 2xx stored (nothing lost), each message once (nothing twice), nothing of a forged or malformed
// delivery, and the answers themselves as the contract says (401 forged, 400 malformed, never a 4xx
// for a valid one). Returns the figures the suite prints and the violations it fails on.
import { is2xx, is4xx, is5xx, type Ledger } from "./burst";
import type { Delivery } from "./deliveries";
import type { storedCounts } from "./database";
import type { Engine, Target } from "./target";

export type Figures = Record<string, number | string>;
export type Outcome = { figures: Figures; violations: string[] };

export function compare(
  deliveries: Delivery[],
  ledger: Ledger,
  stored: Awaited<ReturnType<typeof storedCounts>>,
  opts: { callsDone: boolean },
): Outcome {
  const v: string[] = [];
  const note = (msg: string, list: string[]) =>
    list.length && v.push(`${msg} (${list.length}): ${list.slice(0, 5).join(", ")}${list.length > 5 ? ", …" : ""}`);
  const valid = deliveries.filter((d) => d.expect === "stored");
  const acknowledged = valid.filter((d) => ledger.acknowledged(d.id));
  const lost: string[] = [];
  const twice: string[] = [];
  let messages = 0;
  let calls = 0;
  let callsStored = 0;
  for (const d of acknowledged) {
    for (const t of d.tokens) {
      messages++;
      const n = stored.tokens.get(t) ?? 0;
      if (n === 0) lost.push(t);
      if (n > 1) twice.push(`${t}×${n}`);
    }
    if (d.callSid) {
      calls++;
      const job = stored.callJobs.get(d.callSid);
      const n = stored.calls.get(d.callSid) ?? 0;
      if (n) callsStored++;
      if (!job) lost.push(`call ${d.callSid} (no verify job)`);
      else if (job.n > 1) twice.push(`call ${d.callSid} verify job ×${job.n}`);
      if ((opts.callsDone || (job?.done ?? 0) > 0) && n === 0) lost.push(`call ${d.callSid}`);
      if (n > 1) twice.push(`call ${d.callSid}×${n}`);
    }
  }
  const unexpected: string[] = [];
  for (const d of deliveries.filter((x) => x.expect !== "stored")) {
    for (const t of d.tokens) if (stored.tokens.has(t)) unexpected.push(`${d.expect} ${t}`);
    if (d.callSid && (stored.calls.has(d.callSid) || stored.callJobs.has(d.callSid)))
      unexpected.push(`${d.expect} call ${d.callSid}`);
  }
  const wrong = (pred: (d: Delivery, s: number) => boolean) =>
    deliveries.flatMap((d) =>
      ledger
        .of(d.id)
        .filter((a) => a.status && pred(d, a.status))
        .map((a) => `${d.id}→${a.status}`),
    );
  note(
    "valid deliveries answered 4xx",
    wrong((d, s) => d.expect === "stored" && is4xx(s)),
  );
  note(
    "forged deliveries not answered 401",
    wrong((d, s) => d.expect === "forged" && s !== 401),
  );
  note(
    "malformed deliveries not answered 400",
    wrong((d, s) => d.expect === "malformed" && s !== 400),
  );
  note(
    "valid deliveries never acknowledged",
    valid.filter((d) => !ledger.acknowledged(d.id)).map((d) => d.id),
  );
  note("lost: acknowledged but not stored", lost);
  note("stored more than once", twice);
  note("stored from forged or malformed deliveries", unexpected);
  const figures: Figures = {
    deliveries: deliveries.length,
    requests: ledger.attempts.length,
    redeliveries: ledger.attempts.length - deliveries.length,
    "valid / forged / malformed": `${valid.length} / ${deliveries.filter((d) => d.expect === "forged").length} / ${deliveries.filter((d) => d.expect === "malformed").length}`,
    "messages expected": messages,
    "Exotel calls: acknowledged / stored": `${calls} / ${callsStored}`,
    lost: lost.length,
    duplicated: twice.length,
    "stored from forged/malformed": unexpected.length,
    "2xx": ledger.count((a) => is2xx(a.status)),
    "4xx": ledger.count((a) => is4xx(a.status)),
    "5xx": ledger.count((a) => is5xx(a.status)),
    "no answer": ledger.count((a) => a.status === 0),
  };
  return { figures, violations: v };
}

/** The figures as a block in the log (CI shows them). */
/**
 * The verdict of a burst whose every call must be confirmed: waits for the Exotel verify jobs, reads
 * what is stored, compares it with what was answered, and adds the database's invariants and the
 * server log's faults.
 */
export async function judgeRun(
  t: Target,
  engine: Engine,
  deliveries: Delivery[],
  ledger: Ledger,
): Promise<Outcome & { invariants: number }> {
  const seen = await t.inspect({
    calls: deliveries.flatMap((d) => (d.expect === "stored" && d.callSid ? [d.callSid] : [])),
  });
  const out = compare(deliveries, ledger, seen.stored, { callsDone: seen.callsDone });
  out.violations.push(...seen.invariants, ...seen.logFaults.map((l) => `server log: ${l}`));
  if (engine === "postgres" && !seen.callsDone) out.violations.push("Exotel verify jobs did not finish");
  return { ...out, invariants: seen.invariants.length };
}

export function printFigures(title: string, figures: Figures) {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, val]) => `  ${k.padEnd(width)}  ${val}`);
  console.log(`\n[reliability] ${title}\n${lines.join("\n")}\n`);
}
