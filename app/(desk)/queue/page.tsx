import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { parseQueueParams, effectiveSort } from "@/lib/queue/params";
import { loadQueue } from "@/lib/queue/load-queue";
import { listQueueOptions } from "@/lib/queue/list-options";
import { slaTargets } from "@/lib/sla/settings";
import { QueueView } from "@/components/queue/queue-view";
import { liveCursor } from "@/lib/live/bus";
import { pageTitle } from "@/lib/i18n/page-title";
import { renderNow } from "@/lib/time/now";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("common", "nav.queue");

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("queue:read");
  const params = parseQueueParams(await searchParams);
  // Taken before the rows are read: the live stream starts from it, so nothing committed while the page loads is missed.
  const cursor = await liveCursor();
  const [initial, targets, options, t] = await Promise.all([
    loadQueue(actor, params),
    slaTargets(),
    listQueueOptions(actor),
    getTranslations("queue"),
  ]);
  return (
    <main className="mx-auto max-w-screen-2xl space-y-2 p-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <QueueView
        initial={initial}
        cursor={cursor}
        params={params}
        sort={effectiveSort(params)}
        targets={targets}
        serverNow={renderNow()}
        me={{ id: actor.id, canAssign: can(actor.role, "tip:assign"), canHandover: can(actor.role, "shift:handover") }}
        stations={options.stations}
        users={options.users}
      />
    </main>
  );
}
