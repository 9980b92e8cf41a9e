// The headline tiles: volume, what is open now, how fast the desk responded and closed, how much
// breached the SLA, and how tips ended. Computed by the range's single scan (range-scan.ts).
import "server-only";
import type { DashboardFilters } from "./filters";
import { scanRange, type RangeScan } from "./range-scan";

export type Tiles = {
  newTips: number;
  openNow: number;
  unassignedNow: number;
  /** Seconds; null when no tip in range has had a first response (or been closed). */
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  closeMedian: number | null;
  breached: number;
  closed: number;
  actioned: number;
  firRegistered: number;
  arrestMade: number;
  /** Shares 0..1 (null when the denominator is 0): breaches of new tips, outcomes of closed tips. */
  breachShare: number | null;
  actionedShare: number | null;
  firShare: number | null;
  arrestShare: number | null;
};

export async function getTiles(f: DashboardFilters, now = new Date()): Promise<Tiles> {
  return tilesFrom(await scanRange(f, now));
}

export function tilesFrom({ tiles: r, open, unassigned }: RangeScan): Tiles {
  const share = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    newTips: r.newTips,
    openNow: open,
    unassignedNow: unassigned,
    firstResponseMedian: r.frMedian,
    firstResponseP90: r.frP90,
    closeMedian: r.closeMedian,
    breached: r.breached,
    closed: r.closed,
    actioned: r.actioned,
    firRegistered: r.fir,
    arrestMade: r.arrest,
    breachShare: share(r.breached, r.newTips),
    actionedShare: share(r.actioned, r.closed),
    firShare: share(r.fir, r.closed),
    arrestShare: share(r.arrest, r.closed),
  };
}
