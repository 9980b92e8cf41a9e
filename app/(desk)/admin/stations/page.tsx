import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { listStations } from "@/lib/stations/stations";
import { AdminListPage } from "@/components/admin/admin-list-page";
import { StationForm } from "@/components/admin/station-form";
import { StationsTable } from "@/components/admin/stations-table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "stations.title");

export default async function StationsPage() {
  await requirePage("admin:stations");
  const [t, stations] = await Promise.all([getTranslations("admin"), listStations()]);
  return (
    <AdminListPage title={t("stations.title")} createTitle={t("stations.create")} createForm={<StationForm />}>
      <StationsTable
        stations={stations.map((s) => ({
          id: s.id,
          name: s.name,
          nameHi: s.nameHi ?? "",
          district: s.district,
          active: s.active,
          showAlias: s.showInformantAlias,
          users: s._count.users,
          tips: s._count.tips,
        }))}
      />
    </AdminListPage>
  );
}
