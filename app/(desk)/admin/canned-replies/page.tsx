import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { listCannedReplies } from "@/lib/tips/canned-replies";
import { AdminListPage } from "@/components/admin/admin-list-page";
import { CannedReplyForm } from "@/components/admin/canned-reply-form";
import { CannedRepliesTable } from "@/components/admin/canned-replies-table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("adminCanned", "title");

export default async function CannedRepliesPage() {
  await requirePage("admin:canned");
  const [t, replies] = await Promise.all([getTranslations("adminCanned"), listCannedReplies()]);
  return (
    <AdminListPage
      title={t("title")}
      intro={<p className="text-sm text-slate-600">{t("intro")}</p>}
      createTitle={t("create")}
      createForm={<CannedReplyForm />}
    >
      <CannedRepliesTable
        replies={replies.map((r) => ({
          id: r.id,
          title: r.title,
          bodyEn: r.bodyEn,
          bodyHi: r.bodyHi,
          active: r.active,
        }))}
      />
    </AdminListPage>
  );
}
