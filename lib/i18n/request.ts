// next-intl without locale routing: the locale comes from a cookie that is set from the user's
// saved preference at sign-in and whenever they switch (lib/i18n/set-locale.ts).
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./locales";
import { TIME_ZONE } from "../time/ist";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  return { locale, messages: loadMessages(locale), timeZone: TIME_ZONE };
});
