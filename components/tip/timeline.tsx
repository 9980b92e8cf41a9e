// One timeline in time order: the informant's and our messages, internal notes and what happened
// to the tip. Server-rendered; the page re-renders when the live stream says something changed.
import { getTranslations, getLocale } from "next-intl/server";
import type { TipWorkspace } from "@/lib/tips/get-tip-workspace";
import { MessageItem } from "./message-item";
import { formatDateTime } from "@/lib/time/format";
import type { MatchKeys } from "@/lib/search/query";

type Item =
  | { kind: "message"; at: Date; key: string; m: TipWorkspace["messages"][number] }
  | { kind: "note"; at: Date; key: string; n: TipWorkspace["notes"][number] }
  | { kind: "event"; at: Date; key: string; e: TipWorkspace["events"][number] };

const ENUM_EVENTS: Record<string, string> = {
  status_changed: "statusName",
  priority_changed: "priorityName",
  category_changed: "categoryName",
  closed: "outcomeName",
  reopened: "outcomeName",
};

export async function Timeline({
  ws,
  stations,
  match,
}: {
  ws: TipWorkspace;
  stations: { id: string; name: string }[];
  match?: MatchKeys | null;
}) {
  const t = await getTranslations("tip");
  const locale = await getLocale();
  const time = (d: Date) => formatDateTime(d, locale, "short");
  const items: Item[] = [
    ...ws.messages.map((m) => ({ kind: "message" as const, at: m.sentAt, key: `m${m.id}`, m })),
    ...ws.notes.map((n) => ({ kind: "note" as const, at: n.createdAt, key: `n${n.id}`, n })),
    ...ws.events.map((e) => ({ kind: "event" as const, at: e.at, key: `e${e.id}`, e })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const value = (type: string, v: string | null) => {
    if (!v) return t("none");
    const ns = ENUM_EVENTS[type];
    if (ns && t.has(`${ns}.${v}`)) return t(`${ns}.${v}`);
    if (type === "reopened" && t.has(`statusName.${v}`)) return t(`statusName.${v}`);
    return stations.find((s) => s.id === v)?.name ?? v;
  };

  return (
    <ol className="space-y-3" data-testid="timeline">
      {items.map((item) => {
        if (item.kind === "message")
          return (
            <li key={item.key}>
              <MessageItem m={item.m} tipRef={ws.tip.ref} time={time(item.at)} match={match} />
            </li>
          );
        if (item.kind === "note")
          return (
            <li
              key={item.key}
              data-testid="note"
              className="rounded-lg border border-dashed border-amber-400 bg-amber-50 p-3 text-sm"
            >
              <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-amber-800">
                {t("noteLabel")} · {item.n.author.name} · <time dateTime={item.at.toISOString()}>{time(item.at)}</time>
              </p>
              <p className="whitespace-pre-wrap">{item.n.body}</p>
            </li>
          );
        const e = item.e;
        const known = t.has(`event.${e.type}`);
        return (
          <li key={item.key} data-testid="event" data-type={e.type} className="flex gap-2 px-2 text-xs text-slate-600">
            <span aria-hidden>•</span>
            <span>
              {known
                ? t(`event.${e.type}`, {
                    actor: e.actor?.name ?? t("system"),
                    from: value(e.type, e.fromValue),
                    to: value(e.type, e.toValue),
                  })
                : e.type}{" "}
              · <time dateTime={item.at.toISOString()}>{time(item.at)}</time>
            </span>
          </li>
        );
      })}
      {items.length === 0 && <li className="text-sm text-slate-500">{t("emptyTimeline")}</li>}
    </ol>
  );
}
