"use server";
// Switching language: saved on the user when signed in, and always in the cookie (so the sign-in
// page remembers it too).
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./locales";
import { optionalActor } from "../auth/guard";
import { db } from "../db";
import { runAction } from "../errors";

const YEAR = 60 * 60 * 24 * 365;

export async function setLocale(locale: string) {
  return runAction(async () => {
    if (!isLocale(locale)) return;
    const actor = await optionalActor();
    if (actor) await db.user.update({ where: { id: actor.id }, data: { locale } });
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR, sameSite: "lax", httpOnly: false });
  });
}

/** After sign-in: adopt the language the user saved last time. */
export async function adoptUserLocale() {
  const actor = await optionalActor();
  if (!actor) return;
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { locale: true } });
  if (user)
    (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: YEAR, sameSite: "lax", httpOnly: false });
}
