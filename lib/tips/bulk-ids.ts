import { z } from "zod";

/** Selected tip ids for a bulk action: at most one page's worth, no duplicates. */
export const bulkIds = z
  .array(z.uuid())
  .min(1)
  .max(200)
  .transform((ids) => [...new Set(ids)]);
