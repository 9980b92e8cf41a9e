import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { auditTipView } from "@/lib/tips/audit-tip-view";
import { db } from "@/lib/db";
import { getTipWorkspace } from "@/lib/tips/get-tip-workspace";
import { findScopedTip } from "@/lib/tips/find-scoped-tip";
import { listCannedReplies } from "@/lib/tips/canned-replies";
import { slaTargets } from "@/lib/sla/settings";
import { isClosed } from "@/lib/tips/status";
import { TipHeader } from "@/components/tip/tip-header";
import { Timeline } from "@/components/tip/timeline";
import { ReplyBox } from "@/components/tip/reply-box";
import { NoteForm } from "@/components/tip/note-form";
import { TipControls } from "@/components/tip/tip-controls";
import { ClosePanel } from "@/components/tip/close-panel";
import { EntitiesPanel } from "@/components/tip/entities-panel";
import { LinksPanel } from "@/components/tip/links-panel";
import { HistoryPanel } from "@/components/tip/history-panel";
import { BlockInformant } from "@/components/tip/block-informant";
import { LiveRefresh } from "@/components/tip/live-refresh";
import { RequestsPanel } from "@/components/requests/requests-panel";
import { liveCursor } from "@/lib/live/bus";
import { matchKeysOfText } from "@/lib/search/match-keys";
import { tipWatchTags } from "@/lib/watch/watch-items";
import { WatchTags } from "@/components/tip/watch-tags";
import { connectedTips } from "@/lib/connections/connected-tips";
import { ConnectedTips } from "@/components/tip/connected-tips";
import { renderNow } from "@/lib/time/now";
import { tipGrading } from "@/lib/grading/tip-grading";
import { GradePanel } from "@/components/grading/grade-panel";
import { MarkAbusing } from "@/components/grading/mark-abusing";

export async function generateMetadata(props: PageProps<"/tips/[ref]">) {
  const { ref } = await props.params;
  return { title: ref };
}

export default async function TipPage(props: PageProps<"/tips/[ref]">) {
  const actor = await requirePage("tip:read");
  const { ref } = await props.params;
  const search = await props.searchParams;
  // Audit the view first (scoped lookup: a miss is "not found"), so the history shown includes it.
  const seen = await findScopedTip(db, actor, ref).catch(() => notFound());
  // Taken before the workspace is read: the live stream delivers whatever this snapshot did not see.
  const cursor = await liveCursor();
  await auditTipView(actor, { id: seen.id, ref });
  const ws = await getTipWorkspace(actor, ref);
  if (!ws) notFound();
  const { tip } = ws;
  // A merged duplicate lives on in its survivor; `?stay=1` still shows the duplicate's own record.
  if (tip.status === "MERGED" && tip.mergedInto && search.stay !== "1")
    redirect(`/tips/${tip.mergedInto.ref}?merged=${ref}`);

  const t = await getTranslations("tip");
  // Arrived from a queue search: the words it matched are highlighted (ADR 0700).
  const [targets, stations, officers, canned, match, watchTags, connected, grading] = await Promise.all([
    slaTargets(),
    db.policeStation.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, nameHi: true },
    }),
    can(actor.role, "tip:assign")
      ? db.user.findMany({
          where: { active: true },
          orderBy: { name: "asc" },
          select: { id: true, name: true, stationId: true, role: true },
        })
      : Promise.resolve([]),
    listCannedReplies({ activeOnly: true }),
    matchKeysOfText(typeof search.q === "string" ? search.q : undefined),
    tipWatchTags(actor, tip.id),
    connectedTips(actor, tip.id),
    tipGrading(actor, tip.id),
  ]);
  const mergedFrom = typeof search.merged === "string" ? search.merged : null;
  const closed = isClosed(tip.status);

  return (
    <main className="mx-auto max-w-screen-2xl p-4" data-testid="tip-page" data-ref={tip.ref}>
      <LiveRefresh key={tip.ref} tipRef={tip.ref} cursor={cursor} />
      {mergedFrom && (
        <p
          role="status"
          className="mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm"
          data-testid="merged-notice"
        >
          {t("mergedNotice", { from: mergedFrom })}
        </p>
      )}
      <TipHeader ws={ws} targets={targets} serverNow={renderNow()} />
      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
        <section aria-label={t("timeline")} className="space-y-4">
          <Timeline ws={ws} stations={stations} match={match} />
          <ReplyBox tipRef={tip.ref} reply={ws.reply} canned={canned} allowed={can(actor.role, "tip:reply")} />
          <NoteForm tipRef={tip.ref} />
        </section>
        <aside className="space-y-4">
          <WatchTags tags={watchTags} />
          <TipControls
            tipRef={tip.ref}
            closed={closed}
            status={tip.status}
            priority={tip.priority}
            category={tip.category}
            stationId={tip.station?.id ?? null}
            assigneeId={tip.assignee?.id ?? null}
            mine={tip.assignee?.id === actor.id}
            canMove={can(actor.role, "tip:move")}
            stations={stations}
            officers={officers}
          />
          <GradePanel
            tipRef={tip.ref}
            grading={grading}
            canGrade={can(actor.role, "tip:grade") && tip.status !== "MERGED"}
          />
          <RequestsPanel actor={actor} tipId={tip.id} tipRef={tip.ref} open={!closed} />
          <ClosePanel tipRef={tip.ref} status={tip.status} outcome={tip.outcome} summary={tip.closingSummary} />
          <EntitiesPanel entities={ws.entities} />
          <ConnectedTips tipRef={tip.ref} tips={connected} />
          <LinksPanel
            tipRef={tip.ref}
            links={ws.links}
            mergedFrom={tip.mergedFrom.map((m) => m.ref)}
            mergedInto={tip.mergedInto?.ref ?? null}
            canMerge={!closed}
          />
          {can(actor.role, "informant:block") && (
            <BlockInformant tipRef={tip.ref} alias={tip.informant.alias ?? ""} blocked={tip.informant.blocked} />
          )}
          {can(actor.role, "informant:flag") && (
            <MarkAbusing tipRef={tip.ref} alias={tip.informant.alias ?? ""} abusing={grading.abusing} />
          )}
          <HistoryPanel history={ws.history} />
        </aside>
      </div>
    </main>
  );
}
