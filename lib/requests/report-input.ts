// An action report as the station's form sends it. An FIR number is `number/year` (0123/2026, as
// registers write it); arrests are a count; a recovery names what and how much.
import { z } from "zod";
import { AppError } from "../errors";

export const REPORT_KINDS = ["ACTION_TAKEN", "FIR_REGISTERED", "ARREST", "RECOVERY", "NOT_FOUND"] as const;
export const FIR_NUMBER = /^\d{1,6}\/(19|20)\d{2}$/;

const schema = z.object({
  kind: z.enum(REPORT_KINDS),
  firNumber: z.string().trim().max(20).default(""),
  arrests: z.string().trim().max(4).default(""),
  seizedWhat: z.string().trim().max(200).default(""),
  seizedQty: z.string().trim().max(100).default(""),
  details: z.string().trim().max(2000).default(""),
});

export type ReportInput = {
  kind: (typeof REPORT_KINDS)[number];
  firNumber: string | null;
  arrests: number | null;
  seizedWhat: string | null;
  seizedQty: string | null;
  details: string;
};

export function parseReport(raw: Record<string, unknown>): ReportInput {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError("invalid");
  const v = r.data;
  if (v.kind === "FIR_REGISTERED" && !FIR_NUMBER.test(v.firNumber)) throw new AppError("firNumberInvalid");
  if (v.firNumber && !FIR_NUMBER.test(v.firNumber)) throw new AppError("firNumberInvalid");
  let arrests: number | null = null;
  if (v.arrests) {
    if (!/^\d{1,3}$/.test(v.arrests)) throw new AppError("invalid");
    arrests = Number(v.arrests);
  }
  if (v.kind === "ARREST" && !arrests) throw new AppError("invalid");
  if (v.kind === "RECOVERY" && !v.seizedWhat) throw new AppError("invalid");
  return {
    kind: v.kind,
    firNumber: v.firNumber || null,
    arrests,
    seizedWhat: v.seizedWhat || null,
    seizedQty: v.seizedQty || null,
    details: v.details,
  };
}
