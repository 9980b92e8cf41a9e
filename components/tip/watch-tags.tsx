import { getTranslations } from "next-intl/server";
import type { WatchTag } from "@/lib/watch/watch-items";

/** The watch items this tip's messages named (ADR 0702): own and shared ones. */
export async function WatchTags({ tags }: { tags: WatchTag[] }) {
  if (!tags.length) return null;
  const t = await getTranslations("watch");
  return (
    <section
      aria-label={t("tagsTitle")}
      className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
      data-testid="watch-tags"
    >
      <h2 className="font-semibold text-amber-950">{t("tagsTitle")}</h2>
      <ul className="flex flex-wrap gap-1">
        {tags.map((w) => (
          <li
            key={w.watchId}
            className="rounded bg-amber-200 px-2 py-0.5 text-amber-950"
            data-testid="watch-tag"
            lang=""
          >
            {w.value}
            {w.shared && <span className="ml-1 text-xs">· {t("tagShared")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
