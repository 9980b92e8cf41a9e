// The grading scale, UK 3x5x2 (ADR 0707): source evaluation 1-3, information assessment A-E,
// handling code P/C. Pure, so the server, the queue's cells and the tip page share one list.
import { z } from "zod";
import type { HandlingCode, IntelGrade, SourceGrade } from "../generated/prisma/enums";

/** Source evaluation by its number on the scale, in order: 1 reliable, 2 untested, 3 not reliable. */
export const SOURCE_GRADES = ["RELIABLE", "UNTESTED", "NOT_RELIABLE"] as const satisfies readonly SourceGrade[];
export const INTEL_GRADES = ["A", "B", "C", "D", "E"] as const satisfies readonly IntelGrade[];
export const HANDLING_CODES = ["P", "C"] as const satisfies readonly HandlingCode[];

export type SourceNumber = "1" | "2" | "3";
export const sourceNumber = (g: SourceGrade): SourceNumber => String(SOURCE_GRADES.indexOf(g) + 1) as SourceNumber;
export const sourceOfNumber = (n: SourceNumber): SourceGrade => SOURCE_GRADES[Number(n) - 1];

export type Grade = { source: SourceGrade; intel: IntelGrade; handling: HandlingCode };

/** What an officer submits: the scale's own symbols ("2", "B", "P"). Anything else is outside the scale. */
export const gradeInput = z.object({
  source: z.enum(["1", "2", "3"]),
  intel: z.enum(INTEL_GRADES),
  handling: z.enum(HANDLING_CODES),
});

export function parseGrade(input: unknown): Grade | null {
  const r = gradeInput.safeParse(input);
  return r.success ? { source: sourceOfNumber(r.data.source), intel: r.data.intel, handling: r.data.handling } : null;
}

/** The written form officers know, e.g. "2B P". */
export const formatGrade = (g: Grade) => `${sourceNumber(g.source)}${g.intel} ${g.handling}`;
