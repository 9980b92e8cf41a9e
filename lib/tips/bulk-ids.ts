import { z } from "zod";
import { AppError } from "../errors";

/** Selected tip ids for a bulk action: at most one page's worth, no duplicates. */
export const bulkIds = z
  .array(z.uuid())
  .min(1)
  .max(200)
  .transform((ids) => [...new Set(ids)]);

/** Parses bulk input; bad input is the caller's mistake (400), not a server fault. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError("invalid");
  return r.data;
}
