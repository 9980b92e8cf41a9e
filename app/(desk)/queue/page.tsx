import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("common"))("nav.queue") };
}

export default async function QueuePage() {
  await requirePage("queue:read");
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-screen-2xl p-4">
      <h1 className="text-xl font-semibold">{t("nav.queue")}</h1>
    </main>
  );
}
