// Seeds for integration tests: each call makes uniquely named rows, so tests never collide.
// (Inbound tips in end-to-end tests come through the real webhook routes instead.)
import crypto from "node:crypto";
import { db } from "../db";
import { allocateRef } from "../tips/allocate-ref";
import { indexTipSearch } from "../search/index-tip";
import { hashPassword } from "../auth/password";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import type { Actor } from "../auth/guard";
import type { QueryContext } from "../queue/conditions";
import { DEFAULT_SLA } from "../sla/targets";

const uid = () => crypto.randomBytes(5).toString("hex");

export async function makeStation(name = `Station ${uid()}`) {
  return db.policeStation.create({ data: { name } });
}

/** A user; an officer is district-wide unless the test says otherwise (a station takes precedence anyway). */
export async function makeUser(data: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  return db.user.create({
    data: {
      username: `u${uid()}`,
      name: `User ${uid()}`,
      passwordHash: await hashPassword("correct horse battery"),
      role: "OFFICER",
      districtWide: true,
      ...data,
    },
  });
}

/** A queue query as a new district-wide supervisor makes it now, with the default SLA targets. */
export async function makeSupervisorContext(): Promise<QueryContext> {
  const me = await makeUser({ role: "SUPERVISOR" });
  return {
    viewer: { id: me.id, role: "SUPERVISOR", stationId: null, districtWide: true },
    targets: DEFAULT_SLA,
    now: new Date(),
  };
}

/** The Actor the guard would make for this user, signed in just now. */
export function actorOf(
  u: {
    id: string;
    name: string;
    role: Role;
    stationId: string | null;
    username: string;
    districtWide?: boolean;
    sessionVersion?: number;
  },
  ip = "127.0.0.1",
): Actor {
  return {
    id: u.id,
    name: u.name,
    role: u.role,
    stationId: u.stationId,
    username: u.username,
    districtWide: u.districtWide ?? false,
    sv: u.sessionVersion ?? 1,
    authAt: Math.floor(Date.now() / 1000),
    mustEnrol: false,
    ip,
  };
}

/** An informant and the identifier it is matched by (as ingest makes them). */
export async function makeInformant(data: Partial<Prisma.InformantUncheckedCreateInput> = {}) {
  const row = {
    alias: `M-${uid().toUpperCase()}`,
    channel: "WHATSAPP" as const,
    addressHash: uid() + uid(),
    addressCipher: "test",
    keyId: "t2",
    ...data,
  };
  return db.informant.create({
    data: { ...row, identifiers: { create: { hash: row.addressHash, cipher: row.addressCipher, keyId: row.keyId } } },
  });
}

export async function makeTip(data: Partial<Prisma.TipUncheckedCreateInput> & { text?: string } = {}) {
  const { text = "test tip", ...rest } = data;
  const informantId = rest.informantId ?? (await makeInformant()).id;
  const at = rest.receivedAt ? new Date(rest.receivedAt) : new Date();
  return db.$transaction(async (tx) => {
    const r = await allocateRef(tx, at);
    const tip = await tx.tip.create({
      data: {
        ...r,
        channel: "WHATSAPP",
        preview: text.slice(0, 140),
        searchText: text.normalize("NFKC").toLowerCase(),
        messageCount: 1,
        lastActivityAt: at,
        lastInboundAt: at,
        ...rest,
        informantId,
        receivedAt: at,
      },
    });
    await tx.message.create({
      data: {
        tipId: tip.id,
        informantId,
        direction: "INBOUND",
        kind: "TEXT",
        body: text,
        provider: "META",
        providerMessageId: `wamid.${uid()}`,
        sentAt: at,
      },
    });
    await indexTipSearch(tx, tip.id, text);
    return tip;
  });
}
