import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { listContacts } from "@/lib/stations/contacts";
import { listStations } from "@/lib/stations/stations";
import { AdminListPage } from "@/components/admin/admin-list-page";
import { ContactForm } from "@/components/admin/contact-form";
import { ContactsTable } from "@/components/admin/contacts-table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "contacts.title");

export default async function ContactsPage() {
  await requirePage("admin:stations");
  const [t, contacts, stations] = await Promise.all([
    getTranslations("admin"),
    listContacts(),
    listStations({ activeOnly: true }),
  ]);
  return (
    <AdminListPage
      title={t("contacts.title")}
      intro={<p className="text-sm text-slate-700">{t("contacts.intro")}</p>}
      createTitle={t("contacts.create")}
      createForm={<ContactForm stations={stations.map((s) => ({ id: s.id, name: s.name }))} />}
    >
      <ContactsTable
        contacts={contacts.map((c) => ({
          id: c.id,
          name: c.name,
          phone: c.phone,
          channel: c.channel,
          role: c.role,
          active: c.active,
          station: c.station?.name ?? t("contacts.districtWide"),
        }))}
      />
    </AdminListPage>
  );
}
