import { getTranslations } from "next-intl/server";
import type { OfficerRow } from "@/lib/dashboard/officers";
import type { OfficerSort } from "@/lib/dashboard/officer-sort";
import { OfficersTable } from "./officers-table";

export async function OfficersSection({ rows, sort }: { rows: OfficerRow[]; sort: OfficerSort }) {
  const t = await getTranslations("dashboard");
  return (
    <section
      aria-labelledby="officers-title"
      data-testid="officers"
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <h2 id="officers-title" className="mb-2 text-sm font-semibold text-slate-800">
        {t("officers.title")}
      </h2>
      <OfficersTable rows={rows} sort={sort} />
    </section>
  );
}
