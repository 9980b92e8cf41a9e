import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { listStations } from "@/lib/stations/stations";
import { StationForm } from "@/components/admin/station-form";
import { StationsTable } from "@/components/admin/stations-table";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("stations.title") };
}

export default async function StationsPage() {
  await requirePage("admin:stations");
  const t = await getTranslations("admin");
  const stations = await listStations();
  return (
    <main className="mx-auto max-w-screen-lg space-y-6 p-4">
      <h1 className="text-xl font-semibold">{t("stations.title")}</h1>
      <section aria-labelledby="new-station" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-station" className="mb-3 font-semibold">{t("stations.create")}</h2>
        <StationForm />
      </section>
      <StationsTable stations={stations.map((s) => ({ id: s.id, name: s.name, nameHi: s.nameHi ?? "", district: s.district, active: s.active, users: s._count.users, tips: s._count.tips }))} />
    </main>
  );
}
