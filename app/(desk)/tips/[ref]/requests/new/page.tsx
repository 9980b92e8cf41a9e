import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { reaches } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { findScopedTip } from "@/lib/tips/find-scoped-tip";
import { auditTipView } from "@/lib/tips/audit-tip-view";
import { defaultDue, requestSettings } from "@/lib/requests/settings";
import { toIstLocal } from "@/lib/requests/due-time";
import { mayReadAlias } from "@/lib/auth/alias-access";
import { BriefEditor } from "@/components/requests/brief-editor";

export async function generateMetadata(props: PageProps<"/tips/[ref]/requests/new">) {
  const { ref } = await props.params;
  return { title: (await getTranslations("requests"))("editorTitle", { ref }) };
}

export default async function NewRequestPage(props: PageProps<"/tips/[ref]/requests/new">) {
  const actor = await requirePage("request:draft");
  const { ref } = await props.params;
  const scoped = await findScopedTip(db, actor, ref).catch(() => notFound());
  await auditTipView(actor, { id: scoped.id, ref });
  const [t, tt, tip, messages, stations, settings, showAlias] = await Promise.all([
    getTranslations("requests"),
    getTranslations("tip"),
    db.tip.findUniqueOrThrow({
      where: { id: scoped.id },
      select: { ref: true, priority: true, stationId: true, informant: { select: { alias: true } } },
    }),
    db.message.findMany({
      where: { tipId: scoped.id, direction: "INBOUND" },
      orderBy: { sentAt: "asc" },
      select: { id: true, kind: true, body: true, attachments: { select: { id: true, mime: true, fetchState: true } } },
    }),
    db.policeStation.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    requestSettings(),
    mayReadAlias(actor),
  ]);
  const attachments = messages.flatMap((m) => m.attachments);
  return (
    <main className="mx-auto max-w-screen-xl space-y-4 p-4" data-testid="brief-page">
      <h1 className="text-xl font-semibold">{t("editorTitle", { ref: tip.ref })}</h1>
      <p className="text-sm text-slate-700">{t("editorIntro")}</p>
      <BriefEditor
        tipRef={tip.ref}
        alias={showAlias ? tip.informant.alias : null}
        texts={messages.filter((m) => m.body.trim()).map((m) => ({ id: m.id, body: m.body }))}
        images={attachments
          .filter((a) => a.fetchState === "STORED" && a.mime.startsWith("image/"))
          .map((a) => ({ id: a.id, url: `/api/tips/${tip.ref}/media/${a.id}` }))}
        voiceCount={attachments.filter((a) => a.mime.startsWith("audio/")).length}
        stations={stations.filter((s) => reaches(actor, s.id))}
        stationId={tip.stationId}
        dueDefault={toIstLocal(defaultDue(settings, tip.priority))}
        dueHours={settings.dueHours[tip.priority]}
        priorityLabel={tt(`priorityName.${tip.priority}`)}
        sendFirst={settings.sendFirst.includes(tip.priority)}
      />
    </main>
  );
}
