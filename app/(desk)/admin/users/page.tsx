import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users/list-users";
import { listStations } from "@/lib/stations/stations";
import { AdminListPage } from "@/components/admin/admin-list-page";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "users.title");

export default async function UsersPage() {
  const actor = await requirePage("admin:users");
  const t = await getTranslations("admin");
  const [users, stations] = await Promise.all([listUsers(), listStations({ activeOnly: true })]);
  const stationOptions = stations.map((s) => ({ id: s.id, name: s.name }));
  return (
    <AdminListPage
      wide
      title={t("users.title")}
      createTitle={t("users.create")}
      createForm={<CreateUserForm stations={stationOptions} />}
    >
      <p className="text-sm text-slate-600">{t("users.districtWideHint")}</p>
      <UsersTable
        users={users.map((u) => ({
          ...u,
          stationId: u.station?.id ?? null,
          twoFactor: !!u.totpEnabledAt,
          lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
        }))}
        stations={stationOptions}
        selfId={actor.id}
      />
    </AdminListPage>
  );
}
