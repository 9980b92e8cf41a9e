// Everything the tip workspace shows, read in one place with the viewer's scope. Informant identity
// is never selected: the alias is all an officer sees (the client omits ciphertexts and hashes), and
// not even that for a station-bound officer whose station may not read it (ADR 0606): then it is
// left out here, so no part of the page's response can carry it.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { tipScope, type Viewer } from "../auth/scope";
import { replyMode } from "./reply-window";
import { tipsMentioning } from "../entities/tips-mentioning";
import { presentMessage } from "./present-message";
import { ALIAS_EVENTS, mayReadAlias } from "../auth/alias-access";

const user = { select: { id: true, name: true } } as const;

export async function getTipWorkspace(viewer: Viewer, ref: string) {
  const tip = await db.tip.findFirst({
    where: { ref, ...tipScope(viewer) },
    select: {
      id: true,
      ref: true,
      status: true,
      priority: true,
      category: true,
      channel: true,
      flagged: true,
      receivedAt: true,
      lastActivityAt: true,
      claimedAt: true,
      firstResponseAt: true,
      closedAt: true,
      outcome: true,
      closingSummary: true,
      station: { select: { id: true, name: true, nameHi: true } },
      assignee: user,
      mergedInto: { select: { ref: true } },
      mergedFrom: { select: { ref: true }, orderBy: { ref: "asc" } },
      informant: {
        select: {
          id: true,
          alias: true,
          channel: true,
          blocked: true,
          blockedReason: true,
          lastInboundAt: true,
          addressDestroyedAt: true,
        },
      },
    },
  });
  if (!tip) return null;
  const showAlias = await mayReadAlias(viewer);
  const alias = (a: string) => (showAlias ? a : null);
  const [messages, notes, events, linksFrom, linksTo, otherTips, entities, history] = await Promise.all([
    db.message.findMany({
      where: { tipId: tip.id },
      orderBy: [{ sentAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        direction: true,
        kind: true,
        body: true,
        meta: true,
        deliveryStatus: true,
        deliveryError: true,
        sentAt: true,
        replyToProviderId: true,
        providerMessageId: true,
        sentBy: user,
        informant: { select: { alias: true, identifiers: { select: { hash: true } } } },
        attachments: {
          select: {
            id: true,
            mime: true,
            filename: true,
            size: true,
            sha256: true,
            fetchState: true,
            fetchError: true,
            durationSec: true,
          },
          orderBy: { createdAt: "asc" },
        },
      },
    }),
    db.note.findMany({
      where: { tipId: tip.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, body: true, createdAt: true, author: user },
    }),
    db.tipEvent.findMany({
      where: { tipId: tip.id },
      orderBy: { at: "asc" },
      select: { id: true, type: true, fromValue: true, toValue: true, at: true, actor: user },
    }),
    db.tipLink.findMany({
      where: { fromId: tip.id, to: tipScope(viewer) },
      select: { createdAt: true, to: { select: { ref: true, status: true, preview: true } } },
    }),
    db.tipLink.findMany({
      where: { toId: tip.id, from: tipScope(viewer) },
      select: { createdAt: true, from: { select: { ref: true, status: true, preview: true } } },
    }),
    db.tip.count({ where: { informantId: tip.informant.id, id: { not: tip.id }, ...tipScope(viewer) } }),
    tipsMentioning(viewer, tip.id),
    db.auditLog.findMany({
      where: { tipId: tip.id },
      orderBy: { id: "desc" },
      take: 200,
      select: { id: true, at: true, action: true, actorId: true, actorRole: true, hash: true },
    }),
  ]);
  // Events and history name people and stations by id: resolve them to names for display.
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = [
    ...new Set(
      [...history.map((h) => h.actorId), ...events.flatMap((e) => [e.fromValue, e.toValue])].filter(
        (x): x is string => !!x && uuid.test(x),
      ),
    ),
  ];
  const [users, stations] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.policeStation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  ]);
  const actors = new Map([...users, ...stations].map((u) => [u.id, u.name]));
  const label = (v: string | null) => (v && actors.get(v)) ?? v;
  // Replies resolve reactions to the message they react to.
  const byProviderId = new Map(messages.map((m) => [m.providerMessageId, m.id]));
  const hideValue = (e: { type: string }, v: string | null) => (!showAlias && ALIAS_EVENTS.has(e.type) ? null : v);
  return {
    tip: { ...tip, informant: { ...tip.informant, alias: alias(tip.informant.alias) } },
    otherTips,
    messages: messages.map(({ providerMessageId: _p, replyToProviderId, informant, ...m }) => ({
      ...presentMessage(m, new Set(informant.identifiers.map((i) => i.hash))),
      alias: alias(informant.alias),
      replyToId: replyToProviderId ? (byProviderId.get(replyToProviderId) ?? null) : null,
    })),
    notes,
    events: events.map((e) => ({
      ...e,
      id: String(e.id),
      fromValue: hideValue(e, label(e.fromValue)),
      toValue: hideValue(e, label(e.toValue)),
    })),
    links: [
      ...linksFrom.map((l) => ({ ...l.to, at: l.createdAt })),
      ...linksTo.map((l) => ({ ...l.from, at: l.createdAt })),
    ],
    entities,
    history: history.map((h) => ({
      ...h,
      id: String(h.id),
      actorName: h.actorId ? (actors.get(h.actorId) ?? null) : null,
    })),
    reply: replyMode(tip.informant, tip, { template: env().WHATSAPP_REPLY_TEMPLATE }),
  };
}

export type TipWorkspace = NonNullable<Awaited<ReturnType<typeof getTipWorkspace>>>;

/** Where a merged ref now lives (the page redirects there). Scoped like every read. */
export async function survivorOf(viewer: Viewer, ref: string): Promise<string | null> {
  const tip = await db.tip.findFirst({
    where: { ref, status: "MERGED", ...tipScope(viewer) },
    select: { mergedInto: { select: { ref: true } } },
  });
  return tip?.mergedInto?.ref ?? null;
}
