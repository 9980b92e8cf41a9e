import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { networkHref, type Network } from "@/lib/connections/network";
import { formatDateTime } from "@/lib/time/format";

/** The graph as a table: one row per tip with the entities it names (the drawn edges), centre first. */
export async function NetworkTable({ net }: { net: Network }) {
  const t = await getTranslations("network");
  const tk = await getTranslations("tip");
  const locale = await getLocale();
  const named = new Map<string, { kind: string; value: string }[]>();
  for (const e of net.edges) named.set(e.ref, [...(named.get(e.ref) ?? []), { kind: e.kind, value: e.value }]);
  const tips = [...net.tips].sort((a, b) => a.hop - b.hop || b.receivedAt.getTime() - a.receivedAt.getTime());
  return (
    <table className="w-full text-left text-sm" data-testid="network-table">
      <caption className="sr-only">{t("tableCaption")}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1 pr-2">
            {t("col.tip")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("col.hop")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("col.received")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("col.status")}
          </th>
          <th scope="col" className="py-1">
            {t("col.names")}
          </th>
        </tr>
      </thead>
      <tbody>
        {tips.map((x) => (
          <tr key={x.ref} className="border-b border-slate-100 align-top" data-testid="network-row" data-ref={x.ref}>
            <th scope="row" className="py-1 pr-2 font-normal">
              <Link href={`/tips/${x.ref}`} className="font-mono text-brand-700 underline">
                {x.ref}
              </Link>
            </th>
            <td className="py-1 pr-2">{t(`hop.${x.hop}`)}</td>
            <td className="py-1 pr-2">
              <time dateTime={x.receivedAt.toISOString()}>{formatDateTime(x.receivedAt, locale, "compact")}</time>
            </td>
            <td className="py-1 pr-2">{tk(`statusName.${x.status}`)}</td>
            <td className="py-1">
              <ul className="flex flex-wrap gap-1">
                {(named.get(x.ref) ?? []).map((e) => (
                  <li key={`${e.kind}:${e.value}`}>
                    <Link
                      href={networkHref(e)}
                      className="rounded bg-amber-50 px-1 text-xs text-brand-700 underline"
                      data-testid="network-entity-link"
                    >
                      {tk(`entityKind.${e.kind}`)}:{" "}
                      <span className="font-mono" lang="">
                        {e.value}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
