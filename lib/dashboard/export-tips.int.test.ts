// The CSV export: allow-listed columns only (no identity, no message text), formula injection
// neutralised, BOM for Excel, every tip of the range exactly once across keyset-paged batches.
import { describe, it, expect, beforeAll } from "vitest";
import { db } from "../db";
import { makeInformant, makeStation, makeTip, makeUser } from "../testing/factories";
import { parseFilters } from "./filters";
import { exportTipsCsv, EXPORT_COLUMNS } from "./export-tips";

const NOW = new Date("2026-11-20T12:00:00+05:30");
let station: string;
let csv: string;

async function collect(params: Record<string, string>) {
  let out = "";
  for await (const chunk of exportTipsCsv(parseFilters(params, NOW))) out += chunk;
  return out;
}

beforeAll(async () => {
  station = (await makeStation('=HYPERLINK("http://evil")')).id;
  const officer = await makeUser({ name: "@Officer Plus" });
  const informant = await makeInformant({
    alias: "M-CANARY",
    addressHash: "hash-canary-919876543219",
    addressCipher: "cipher-canary-919876543219",
    nameCipher: "cipher-name-Canary-Kumar",
  });
  await makeTip({
    informantId: informant.id,
    stationId: station,
    assigneeId: officer.id,
    receivedAt: new Date("2026-11-19T10:00:00+05:30"),
    text: "secret message text 9876543219",
    preview: "secret preview",
    status: "CLOSED",
    outcome: "ARREST_MADE",
    firstResponseAt: new Date("2026-11-19T10:03:00+05:30"),
    closedAt: new Date("2026-11-19T12:00:00+05:30"),
  });
  // 2,100 more in range (more than one 2,000-row batch), one merged (left out) and one out of range.
  await db.$executeRaw`INSERT INTO "Tip" ("id", "ref", "year", "seq", "channel", "informantId", "receivedAt", "updatedAt")
    SELECT gen_random_uuid(), 'EXP-' || g, 1999, g, 'VOICE', ${informant.id}::uuid, ${new Date("2026-11-18T00:00:00+05:30")}::timestamptz + g * interval '1 second', now()
    FROM generate_series(1, 2100) g`;
  await makeTip({ informantId: informant.id, receivedAt: new Date("2026-11-19T11:00:00+05:30"), status: "MERGED" });
  await makeTip({ informantId: informant.id, receivedAt: new Date("2026-10-01T11:00:00+05:30") });
  csv = await collect({ range: "7d" });
});

describe("tips CSV", () => {
  it("starts with a BOM and the allow-listed header, one line per tip in range", async () => {
    expect(csv.startsWith("\uFEFF" + EXPORT_COLUMNS.join(",") + "\r\n")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 2101);
    const refs = lines.slice(1).map((l) => l.split(",")[0]);
    expect(new Set(refs).size).toBe(2101);
  });

  it("has the tip's facts in IST, and never identity or message text", async () => {
    const line = csv.split("\r\n").find((l) => l.includes("M-CANARY") && l.includes("ARREST_MADE"))!;
    expect(line).toContain("2026-11-19 10:00:00");
    expect(line).toContain("2026-11-19 10:03:00");
    expect(line).toContain(",3,120,M-CANARY");
    for (const secret of ["9876543219", "Canary", "cipher", "hash-canary", "secret"]) expect(csv).not.toContain(secret);
  });

  it("neutralises formulas in names", async () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(",'@Officer Plus,");
  });

  it("respects the station filter", async () => {
    const only = await collect({ range: "7d", station });
    expect(only.slice(1).trimEnd().split("\r\n")).toHaveLength(2);
  });
});
