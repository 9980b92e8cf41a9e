import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users/list-users";
import { listStations } from "@/lib/stations/stations";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("users.title") };
}

export default async function UsersPage() {
  const actor = await requirePage("admin:users");
  const t = await getTranslations("admin");
  const [users, stations] = await Promise.all([listUsers(), listStations({ activeOnly: true })]);
  const stationOptions = stations.map((s) => ({ id: s.id, name: s.name }));
  return (
    <main className="mx-auto max-w-screen-xl space-y-6 p-4">
      <h1 className="text-xl font-semibold">{t("users.title")}</h1>
      <section aria-labelledby="new-user" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-user" className="mb-3 font-semibold">{t("users.create")}</h2>
        <CreateUserForm stations={stationOptions} />
      </section>
      <p className="text-sm text-slate-600">{t("users.districtWideHint")}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("users.title")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="p-2">{t("users.username")}</th>
              <th scope="col" className="p-2">{t("users.name")}</th>
              <th scope="col" className="p-2">{t("users.role")}</th>
              <th scope="col" className="p-2">{t("users.station")}</th>
              <th scope="col" className="p-2">{t("users.twoFactor")}</th>
              <th scope="col" className="p-2">{t("users.status")}</th>
              <th scope="col" className="p-2">{t("users.password")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow
                key={u.id}
                user={{ ...u, stationId: u.station?.id ?? null, twoFactor: !!u.totpEnabledAt, lastSignInAt: u.lastSignInAt?.toISOString() ?? null }}
                stations={stationOptions}
                self={u.id === actor.id}
              />
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
