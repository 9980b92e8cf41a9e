// Keyset cursors: the sort values of a boundary row plus its id, as opaque base64url JSON.
// A tampered cursor is just ignored (the first page is shown), never an error.
import { z } from "zod";

const cursorSchema = z
  .array(z.union([z.string().max(100), z.number()]))
  .min(2)
  .max(3);

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(raw: string | undefined, length: number): (string | number)[] | undefined {
  if (!raw) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success && parsed.data.length === length ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
