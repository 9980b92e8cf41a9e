// A location an informant shared (WhatsApp/Twilio LOCATION messages keep latitude and longitude in
// the message's meta) as an entity: its grid cell of 0.01° (~1.1 km north–south at Prayagraj), so
// tips pointing at the same spot meet on the network page and in the dashboard's hot spots (ADR 0705).
// The cell, not the exact point, is what is compared; the tip page still shows the point itself.
import type { Entity } from "./extract";

export function geoCell(latitude: unknown, longitude: unknown): string | null {
  const lat = typeof latitude === "number" ? latitude : Number.NaN;
  const lon = typeof longitude === "number" ? longitude : Number.NaN;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // +0 turns a rounded -0 into 0, so "-0.00" and "0.00" are one cell.
  const fix = (v: number) => (Math.round(v * 100) / 100 + 0).toFixed(2);
  return `${fix(lat)},${fix(lon)}`;
}

/** The `geo` entity of a LOCATION message's meta, if it carries a valid point. */
export function geoEntities(kind: string, meta: unknown): Entity[] {
  if (kind !== "LOCATION" || !meta || typeof meta !== "object") return [];
  const m = meta as { latitude?: unknown; longitude?: unknown };
  const cell = geoCell(m.latitude, m.longitude);
  return cell ? [{ kind: "geo", value: cell }] : [];
}
