// The suggested source evaluation from an alias's track record (ADR 0708). Pure: the queue computes
// it per row from one standing row, the tip page from the same row, the unit tests from numbers.
import type { SourceGrade } from "../generated/prisma/enums";

export type Standing = {
  /** Tips that led to action (ACTIONED, FIR_REGISTERED, ARREST_MADE, RECOVERY_SEIZURE). */
  actioned: number;
  /** Tips closed as FALSE_INFORMATION. */
  falseInfo: number;
  /** Tips closed as SPAM_ABUSE. */
  abuse: number;
  /** A supervisor marked the alias as abusing the line to frame others. */
  abusing: boolean;
};

/** Why the suggestion is what it is (shown beside it, never the numbers to a station-bound officer). */
export type Basis = "abusing" | "discredited" | "proven" | "mixed" | "untested";
export type Suggestion = { grade: SourceGrade; basis: Basis };

/** Actioned tips an alias needs, with nothing against it, before it is suggested as reliable. */
export const PROVEN_AFTER = 2;
/** Actioned tips that outweigh one false or malicious one for a "reliable" suggestion. */
export const ACTIONED_PER_DISCREDIT = 4;

export function suggestSource(s: Standing): Suggestion {
  const against = s.falseInfo + s.abuse;
  if (s.abusing) return { grade: "NOT_RELIABLE", basis: "abusing" };
  // More false or malicious tips than useful ones: not reliable, however many there were.
  if (against > 0 && against >= s.actioned) return { grade: "NOT_RELIABLE", basis: "discredited" };
  if (s.actioned >= PROVEN_AFTER && s.actioned >= ACTIONED_PER_DISCREDIT * against)
    return { grade: "RELIABLE", basis: "proven" };
  return { grade: "UNTESTED", basis: against === 0 ? "untested" : "mixed" };
}

export const NO_STANDING: Standing = { actioned: 0, falseInfo: 0, abuse: 0, abusing: false };
