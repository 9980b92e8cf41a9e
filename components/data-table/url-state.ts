"use client";
// Table state in the URL: sorting writes `sort`/`dir` and drops the page cursor; pages are links.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type UrlKeys = { sort: string; dir: string; after: string; before: string };
export const DEFAULT_URL_KEYS: UrlKeys = { sort: "sort", dir: "dir", after: "after", before: "before" };

export function useUrlState(keys: UrlKeys = DEFAULT_URL_KEYS) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const hrefWith = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      const s = next.toString();
      return s ? `${pathname}?${s}` : pathname;
    },
    [params, pathname],
  );

  const setSort = useCallback(
    (id: string, desc: boolean) =>
      router.push(
        hrefWith({ [keys.sort]: id, [keys.dir]: desc ? "desc" : "asc", [keys.after]: null, [keys.before]: null }),
        { scroll: false },
      ),
    [router, hrefWith, keys],
  );

  const pageHref = useCallback(
    (which: "after" | "before", cursor: string) =>
      hrefWith({ [keys.after]: which === "after" ? cursor : null, [keys.before]: which === "before" ? cursor : null }),
    [hrefWith, keys],
  );

  return { hrefWith, setSort, pageHref };
}
