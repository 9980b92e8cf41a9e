import type { Db, Tx } from "../db";
import type { Role, Locale } from "../generated/prisma/enums";
import { hashPassword } from "../auth/password";
import { AppError } from "../errors";
import { z } from "zod";

export const userInput = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,32}$/),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10).max(256),
  role: z.enum(["OFFICER", "SUPERVISOR", "ADMIN"]),
  stationId: z.uuid().nullable().optional(),
  locale: z.enum(["en", "hi"]).default("en"),
});
export type UserInput = z.input<typeof userInput>;

export async function createUser(db: Db | Tx, input: UserInput) {
  const { password, ...data } = userInput.parse(input);
  const taken = await db.user.findUnique({ where: { username: data.username }, select: { id: true } });
  if (taken) throw new AppError("conflict", "username taken");
  return db.user.create({
    data: { ...data, role: data.role as Role, locale: data.locale as Locale, stationId: data.stationId ?? null, passwordHash: await hashPassword(password) },
    select: { id: true, username: true, role: true },
  });
}
