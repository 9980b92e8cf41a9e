// Station names for the dashboard's filter and labels (all stations: inactive ones still have tips).
import "server-only";
import { db } from "../db";

export async function stationOptions(locale: string) {
  const rows = await db.policeStation.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameHi: true },
  });
  return rows.map((s) => ({ id: s.id, label: locale === "hi" && s.nameHi ? s.nameHi : s.name }));
}
