// One coded error type. Expected failures carry a code that maps to an i18n message
// (errors.<code>) and an HTTP status; anything else is logged and shown generically.
import { track } from "./lifecycle/shutdown";
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "notFound"
  | "invalid"
  | "conflict"
  | "locked"
  | "unavailable"
  | "weakPassword"
  | "stationRequired"
  | "instructionsRequired"
  | "dueInPast"
  | "firNumberInvalid"
  | "photoInvalid"
  | "mobileInvalid"
  | "gradeOutOfScale";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  invalid: 400,
  conflict: 409,
  locked: 423,
  unavailable: 503,
  weakPassword: 400,
  stationRequired: 400,
  instructionsRequired: 400,
  dueInPast: 400,
  firNumberInvalid: 400,
  photoInvalid: 400,
  mobileInvalid: 400,
  gradeOutOfScale: 400,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly detail?: Record<string, string | number>,
  ) {
    super(message ?? code);
  }
  get status() {
    return STATUS[this.code];
  }
}

export type ActionResult<T = unknown> =
  { ok: true; data?: T } | { ok: false; code: ErrorCode; detail?: Record<string, string | number> };

/** Runs a server action body: AppErrors become a coded result, anything else is logged and generic. */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    // Tracked: a shutdown lets an officer's action finish before the process exits.
    return { ok: true, data: await track(fn()) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, detail: e.detail };
    if (isNextControlFlow(e)) throw e;
    console.error("[action] unexpected error:", e instanceof Error ? e.message : "unknown");
    return { ok: false, code: "unavailable" };
  }
}

/** redirect() and notFound() throw special errors that must pass through. */
export function isNextControlFlow(e: unknown) {
  const digest = (e as { digest?: unknown })?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND")
  );
}
