// Related tips (same gang, same vehicle, same place). A link is stored once and shown from both
// sides; linking twice, in either direction, changes nothing.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { findScopedTip, type ScopedTip } from "./find-scoped-tip";
import { recordChange } from "./record-change";

export const linkInput = z.object({
  other: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^EM-\d{4}-\d{6}$/),
});

function otherRefOf(ref: string, input: unknown) {
  const parsed = linkInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "ref");
  if (parsed.data.other === ref) throw new AppError("invalid", "a tip cannot be linked to itself");
  return parsed.data.other;
}

/** Runs `fn` on both tips of a link, each found through the actor's scope, in one transaction. */
function withPair<T>(
  actor: Viewer,
  ref: string,
  input: unknown,
  fn: (tx: Tx, a: ScopedTip, b: ScopedTip) => Promise<T>,
) {
  const otherRef = otherRefOf(ref, input);
  return db.$transaction(async (tx) =>
    fn(tx, await findScopedTip(tx, actor, ref), await findScopedTip(tx, actor, otherRef)),
  );
}

export async function linkTips(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  return withPair(actor, ref, input, async (tx, a, b) => {
    const exists = await tx.tipLink.findFirst({
      where: {
        OR: [
          { fromId: a.id, toId: b.id },
          { fromId: b.id, toId: a.id },
        ],
      },
    });
    if (exists) return { created: false };
    await tx.tipLink.create({ data: { fromId: a.id, toId: b.id } });
    await recordChange(tx, { actor, tip: a, type: "linked", to: b.ref });
    await recordChange(tx, { actor, tip: b, type: "linked", to: a.ref });
    return { created: true };
  });
}

export async function unlinkTips(actor: Viewer & { ip?: string | null }, ref: string, input: unknown) {
  return withPair(actor, ref, input, async (tx, a, b) => {
    const gone = await tx.tipLink.deleteMany({
      where: {
        OR: [
          { fromId: a.id, toId: b.id },
          { fromId: b.id, toId: a.id },
        ],
      },
    });
    if (!gone.count) return { removed: false };
    await recordChange(tx, { actor, tip: a, type: "unlinked", to: b.ref });
    await recordChange(tx, { actor, tip: b, type: "unlinked", to: a.ref });
    return { removed: true };
  });
}
