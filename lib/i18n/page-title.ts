// A page's generateMetadata from the catalogs: `export const generateMetadata = pageTitle("admin", "users.title")`.
import { getTranslations } from "next-intl/server";

export function pageTitle(namespace: string, key: string) {
  return async () => ({ title: (await getTranslations(namespace))(key) });
}
