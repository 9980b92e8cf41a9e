import { getTranslations } from "next-intl/server";

export type TableView = { columns: string[]; rows: (string | number)[][] };

/**
 * A chart with its accessible twin: the same numbers as a real <table> inside <details>, so
 * screen readers, keyboard users and anyone who wants exact figures can read them.
 */
export async function ChartCard({
  id,
  title,
  table,
  empty,
  className = "",
  children,
}: {
  id: string;
  title: string;
  table: TableView;
  empty?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations("dashboard");
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm print:break-inside-avoid print:shadow-none ${className}`}
    >
      <h2 id={`${id}-title`} className="mb-2 text-sm font-semibold text-slate-800">
        {title}
      </h2>
      {empty ? (
        <p className="py-8 text-center text-sm text-slate-500">{t("charts.empty")}</p>
      ) : (
        <div aria-hidden="true">{children}</div>
      )}
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer text-brand-600 hover:underline">{t("charts.showTable")}</summary>
        <DataTableView caption={title} table={table} />
      </details>
    </section>
  );
}

export function DataTableView({
  caption,
  table,
  hideCaption = true,
}: {
  caption: string;
  table: TableView;
  hideCaption?: boolean;
}) {
  return (
    // A scrolling box must be reachable by keyboard (WCAG 2.1.1): it takes focus and is named by its table.
    <div
      className="mt-2 max-h-96 overflow-auto print:max-h-none print:overflow-visible"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className={hideCaption ? "sr-only" : "mb-1 text-left font-semibold"}>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th
                key={i}
                scope="col"
                className={`border-b border-slate-300 px-2 py-1 font-medium ${i > 0 ? "text-right" : ""}`}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i} className="odd:bg-slate-50">
              {r.map((v, j) =>
                j === 0 ? (
                  <th key={j} scope="row" className="px-2 py-1 font-normal">
                    {v}
                  </th>
                ) : (
                  <td key={j} className="px-2 py-1 text-right tabular-nums">
                    {v}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
