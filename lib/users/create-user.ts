import type { Db, Tx } from "../db";
import type { Role, Locale } from "../generated/prisma/enums";
import { hashPassword } from "../auth/password";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "../auth/password-policy";
import { AppError } from "../errors";
import { z } from "zod";

export const userInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,32}$/),
  name: z.string().trim().min(1).max(100),
  password: z.string().max(PASSWORD_MAX_LENGTH),
  role: z.enum(["OFFICER", "SUPERVISOR", "ADMIN"]),
  stationId: z.uuid().nullable().optional(),
  districtWide: z.boolean().default(false),
  locale: z.enum(["en", "hi"]).default("en"),
});
export type UserInput = z.input<typeof userInput>;

/** The rules a new account must meet beyond its shape: a strong password, a station for an officer. */
export function assertUserRules(input: {
  password?: string;
  role: Role;
  stationId?: string | null;
  districtWide?: boolean;
}) {
  if (input.password !== undefined && passwordProblem(input.password)) throw new AppError("weakPassword");
  if (input.role === "OFFICER" && !input.stationId && !input.districtWide) throw new AppError("stationRequired");
}

export async function createUser(db: Db | Tx, input: UserInput, opts: { demo?: boolean } = {}) {
  const { password, ...data } = userInput.parse(input);
  assertUserRules({ password, role: data.role, stationId: data.stationId, districtWide: data.districtWide });
  const taken = await db.user.findUnique({ where: { username: data.username }, select: { id: true } });
  if (taken) throw new AppError("conflict", "username taken");
  return db.user.create({
    data: {
      ...data,
      role: data.role as Role,
      locale: data.locale as Locale,
      stationId: data.stationId ?? null,
      // Only officers are scoped by station; the flag means nothing for the other roles.
      districtWide: data.role === "OFFICER" && data.districtWide,
      demo: opts.demo ?? false,
      passwordHash: await hashPassword(password),
    },
    select: { id: true, username: true, role: true },
  });
}
