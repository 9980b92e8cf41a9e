import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { listCannedReplies } from "@/lib/tips/canned-replies";
import { CannedReplyForm } from "@/components/admin/canned-reply-form";
import { CannedRepliesTable } from "@/components/admin/canned-replies-table";

export async function generateMetadata() {
  return { title: (await getTranslations("adminCanned"))("title") };
}

export default async function CannedRepliesPage() {
  await requirePage("admin:canned");
  const t = await getTranslations("adminCanned");
  const replies = await listCannedReplies();
  return (
    <main className="mx-auto max-w-screen-lg space-y-6 p-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <section aria-labelledby="new-canned" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-canned" className="mb-3 font-semibold">{t("create")}</h2>
        <CannedReplyForm />
      </section>
      <CannedRepliesTable replies={replies.map((r) => ({ id: r.id, title: r.title, bodyEn: r.bodyEn, bodyHi: r.bodyHi, active: r.active }))} />
    </main>
  );
}
