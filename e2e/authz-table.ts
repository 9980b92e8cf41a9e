// The authorisation matrix's rows: every page, route handler (per method) and server action the
// build holds, each with the permission it needs (from lib/auth/permissions.ts) and one request
// that exercises it. The expected answer of each cell is computed from the permission table, not
// written here; `e2e/authz-matrix.spec.ts` also checks that this list and the build agree, so a new
// page, route or action cannot ship without a row.
import type { Permission } from "../lib/auth/permissions";

/**
 * Who may use an entry point: a permission (signed-in, active, holding it), `public` (anyone, the
 * same answer whoever asks), `provider` (only a provider's signature or secret counts: every
 * session gets the same refusal) or `closed` (off in this deployment: 404 for everyone).
 */
export type Access = Permission | "public" | "provider" | "closed";

/** `requestId`, `photoId`: an action request released to the tip's station (with the tip's image and, in the shared fixture, a field photo). */
type Target = { ref: string; id: string; attachmentId: string; requestId: string; photoId: string };

/** The data every row may point at, made fresh by the spec. */
export type Fixture = {
  /** A tip routed to the station-bound officer's own station, and one routed to another station. */
  own: Target;
  other: Target;
};

type Common = {
  access: Access;
  /** Acts on the `other` station's tip: a station-bound officer gets "not found" even when permitted. */
  scoped?: boolean;
  /** Needs an action request on each fresh tip (made by the spec: drafted, approved, notified). */
  request?: boolean;
};

/** `ok`: the statuses that mean "let in" (default 200; the sign-in page sends a signed-in user on with 307). */
export type PageRow = Common & { kind: "page"; page: string; path: (f: Fixture) => string; ok?: number[] };

export type RouteRow = Common & {
  kind: "route";
  route: string;
  method: "GET" | "POST";
  path: (f: Fixture) => string;
  body?: (f: Fixture) => { form?: Record<string, string>; json?: unknown };
  /** Statuses that mean "let in" for this request; for `public`/`provider`/`closed`, the one answer everyone gets. */
  ok: number[];
};

export type ActionRow = Common & {
  kind: "action";
  file: string;
  name: string;
  /** The page the action is posted to (Next runs an action only from a page that imports it). */
  page: (f: Fixture) => string;
  args: (f: Fixture) => unknown[] | FormData;
  /** Ends the caller's sessions: run after every other row. */
  revokes?: boolean;
};

export type Row = PageRow | RouteRow | ActionRow;

const NONE = "00000000-0000-4000-8000-000000000000";
const today = () => new Date().toISOString().slice(0, 10);
/** A form whose required fields are empty: an admin who gets past the permission gets "invalid", and nothing is created. */
const emptyForm = () => new FormData();

export const PAGES: PageRow[] = [
  { kind: "page", page: "/", access: "queue:read", path: () => "/", ok: [307] },
  { kind: "page", page: "/login", access: "public", path: () => "/login?callbackUrl=%2Fqueue", ok: [200, 307] },
  { kind: "page", page: "/account", access: "account:self", path: () => "/account" },
  { kind: "page", page: "/admin", access: "admin:users", path: () => "/admin" },
  { kind: "page", page: "/admin/canned-replies", access: "admin:canned", path: () => "/admin/canned-replies" },
  { kind: "page", page: "/admin/contacts", access: "admin:stations", path: () => "/admin/contacts" },
  { kind: "page", page: "/admin/requests", access: "admin:settings", path: () => "/admin/requests" },
  { kind: "page", page: "/admin/gazetteer", access: "admin:settings", path: () => "/admin/gazetteer" },
  { kind: "page", page: "/admin/stations", access: "admin:stations", path: () => "/admin/stations" },
  { kind: "page", page: "/admin/users", access: "admin:users", path: () => "/admin/users" },
  { kind: "page", page: "/admin/webhooks", access: "admin:webhooks", path: () => "/admin/webhooks" },
  { kind: "page", page: "/dashboard", access: "dashboard:read", path: () => "/dashboard" },
  { kind: "page", page: "/dashboard/report", access: "dashboard:read", path: () => "/dashboard/report" },
  { kind: "page", page: "/queue", access: "queue:read", path: () => "/queue" },
  { kind: "page", page: "/station", access: "station:read", path: () => "/station" },
  {
    kind: "page",
    page: "/station/requests/[id]",
    access: "station:read",
    scoped: true,
    path: (f) => `/station/requests/${f.other.requestId}`,
  },
  {
    kind: "page",
    page: "/tips/[ref]/requests/new",
    access: "request:draft",
    scoped: true,
    path: (f) => `/tips/${f.other.ref}/requests/new`,
  },
  { kind: "page", page: "/tips/[ref]", access: "tip:read", scoped: true, path: (f) => `/tips/${f.other.ref}` },
  { kind: "page", page: "/watchlist", access: "watch:own", path: () => "/watchlist" },
  { kind: "page", page: "/network", access: "tip:read", scoped: true, path: (f) => `/network?tip=${f.other.ref}` },
];

const META_VERIFY = "/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=not-the-token&hub.challenge=1158201444";

export const ROUTES: RouteRow[] = [
  {
    kind: "route",
    route: "/api/auth/[...nextauth]",
    method: "GET",
    access: "public",
    path: () => "/api/auth/providers",
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/auth/[...nextauth]",
    method: "POST",
    access: "public",
    path: () => "/api/auth/callback/credentials",
    body: () => ({ form: { username: "nobody", password: "wrong", json: "true" } }),
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/bench/empty",
    method: "POST",
    access: "closed",
    path: () => "/api/bench/empty",
    body: () => ({ json: {} }),
    ok: [404],
  },
  { kind: "route", route: "/api/health", method: "GET", access: "public", path: () => "/api/health", ok: [200] },
  // Only METRICS_TOKEN's bearer scrapes (ADR 0801): every session, admin included, gets the same 401.
  { kind: "route", route: "/api/metrics", method: "GET", access: "provider", path: () => "/api/metrics", ok: [401] },
  { kind: "route", route: "/api/live", method: "GET", access: "queue:read", path: () => "/api/live", ok: [200] },
  {
    kind: "route",
    route: "/api/media/[id]/original",
    method: "POST",
    access: "media:original",
    scoped: true,
    path: (f) => `/api/media/${f.other.attachmentId}/original`,
    body: () => ({ form: { reason: "authorisation matrix check" } }),
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/queue/rows",
    method: "GET",
    access: "queue:read",
    path: () => "/api/queue/rows?view=all",
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/reports/tips.csv",
    method: "GET",
    access: "report:export",
    path: () => `/api/reports/tips.csv?from=${today()}&to=${today()}`,
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/station/requests/[id]/media/[attachmentId]",
    method: "GET",
    access: "station:read",
    scoped: true,
    path: (f) => `/api/station/requests/${f.other.requestId}/media/${f.other.attachmentId}`,
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/station/requests/[id]/photos/[photoId]",
    method: "GET",
    access: "station:read",
    scoped: true,
    path: (f) => `/api/station/requests/${f.other.requestId}/photos/${f.other.photoId}`,
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/tips/[ref]/live",
    method: "GET",
    access: "tip:read",
    scoped: true,
    path: (f) => `/api/tips/${f.other.ref}/live`,
    ok: [200],
  },
  {
    kind: "route",
    route: "/api/tips/[ref]/media/[id]",
    method: "GET",
    access: "media:read",
    scoped: true,
    path: (f) => `/api/tips/${f.other.ref}/media/${f.other.attachmentId}`,
    ok: [200],
  },
  // Provider endpoints: a session is worth nothing there, only the signature or the secret path.
  {
    kind: "route",
    route: "/api/webhooks/whatsapp",
    method: "GET",
    access: "provider",
    path: () => META_VERIFY,
    ok: [403],
  },
  {
    kind: "route",
    route: "/api/webhooks/whatsapp",
    method: "POST",
    access: "provider",
    path: () => "/api/webhooks/whatsapp",
    body: () => ({ json: { object: "whatsapp_business_account", entry: [] } }),
    ok: [401],
  },
  ...(
    [
      "/api/webhooks/twilio/whatsapp",
      "/api/webhooks/twilio/status",
      "/api/webhooks/twilio/voice",
      "/api/webhooks/twilio/voice/recorded",
      "/api/webhooks/twilio/voice/recording",
      "/api/webhooks/twilio/voice/status",
    ] as const
  ).map((route): RouteRow => ({
    kind: "route",
    route,
    method: "POST",
    access: "provider",
    path: () => route,
    body: () => ({ form: { CallSid: `CA${"0".repeat(32)}`, From: "+919000000000" } }),
    ok: [401],
  })),
  {
    kind: "route",
    route: "/api/webhooks/exotel/[token]/passthru",
    method: "GET",
    access: "provider",
    path: () => "/api/webhooks/exotel/not-the-token/passthru?CallSid=x",
    ok: [401],
  },
  {
    kind: "route",
    route: "/api/webhooks/exotel/[token]/passthru",
    method: "POST",
    access: "provider",
    path: () => "/api/webhooks/exotel/not-the-token/passthru",
    body: () => ({ form: { CallSid: "x" } }),
    ok: [401],
  },
  {
    kind: "route",
    route: "/api/webhooks/exotel/[token]/status",
    method: "POST",
    access: "provider",
    path: () => "/api/webhooks/exotel/not-the-token/status",
    body: () => ({ form: { CallSid: "x" } }),
    ok: [401],
  },
];

const tipPage = (f: Fixture) => `/tips/${f.other.ref}`;
const tipAction = (name: string, access: Permission, args: (f: Fixture) => unknown[]): ActionRow => ({
  kind: "action",
  file: "lib/tips/actions.ts",
  name,
  access,
  scoped: true,
  page: tipPage,
  args,
});

export const ACTIONS: ActionRow[] = [
  {
    kind: "action",
    file: "lib/entities/gazetteer-actions.ts",
    name: "uploadGazetteerAction",
    access: "admin:settings",
    page: () => "/admin/gazetteer",
    args: emptyForm,
  },
  tipAction("claimAction", "tip:claim", (f) => [f.other.ref]),
  tipAction("assignAction", "tip:assign", (f) => [f.other.ref, null]),
  tipAction("updateFieldAction", "tip:update", (f) => [f.other.ref, { field: "priority", value: "HIGH" }]),
  tipAction("addNoteAction", "tip:note", (f) => [f.other.ref, "authorisation matrix note"]),
  tipAction("replyAction", "tip:reply", (f) => [f.other.ref, { text: "" }]),
  tipAction("closeAction", "tip:close", (f) => [f.other.ref, { outcome: "NOT_A_REAL_OUTCOME", summary: "" }]),
  tipAction("reopenAction", "tip:close", (f) => [f.other.ref]),
  tipAction("mergeAction", "tip:merge", (f) => [f.other.ref, { into: f.other.ref }]),
  tipAction("linkAction", "tip:link", (f) => [f.other.ref, { other: f.other.ref }]),
  tipAction("unlinkAction", "tip:link", (f) => [f.other.ref, { other: f.other.ref }]),
  tipAction("blockInformantAction", "informant:block", (f) => [f.other.ref, { blocked: "maybe" }]),
  // Grading (ADR 0707, 0709): a grade outside the scale and a mark without a boolean change nothing.
  {
    ...tipAction("gradeTipAction", "tip:grade", (f) => [f.other.ref, { source: "9", intel: "Z", handling: "X" }]),
    file: "lib/grading/actions.ts",
  },
  {
    ...tipAction("markAbusingAction", "informant:flag", (f) => [f.other.ref, { abusing: "maybe" }]),
    file: "lib/grading/actions.ts",
  },
  // An empty phrase is refused as invalid (nothing stored); an unknown id is "not found".
  {
    kind: "action",
    file: "lib/watch/actions.ts",
    name: "addWatchAction",
    access: "watch:own",
    page: () => "/watchlist",
    args: () => [{ kind: "PHRASE", value: "" }],
  },
  {
    kind: "action",
    file: "lib/watch/actions.ts",
    name: "removeWatchAction",
    access: "watch:own",
    page: () => "/watchlist",
    args: () => [NONE],
  },
  {
    kind: "action",
    file: "lib/queue/actions.ts",
    name: "claimTipAction",
    access: "tip:claim",
    scoped: true,
    page: () => "/queue",
    args: (f) => [f.other.id],
  },
  {
    kind: "action",
    file: "lib/queue/actions.ts",
    name: "bulkAssignAction",
    access: "tip:assign",
    page: () => "/queue",
    args: () => [[], null],
  },
  {
    kind: "action",
    file: "lib/queue/actions.ts",
    name: "bulkSetFieldAction",
    access: "tip:bulk",
    page: () => "/queue",
    args: () => [[], { field: "priority", value: "HIGH" }],
  },
  {
    kind: "action",
    file: "lib/queue/actions.ts",
    name: "bulkCloseAction",
    access: "tip:bulk",
    page: () => "/queue",
    args: () => [[], { outcome: "DUPLICATE", summary: "" }],
  },
  {
    kind: "action",
    file: "lib/queue/actions.ts",
    name: "handOverShiftAction",
    access: "shift:handover",
    page: () => "/queue",
    args: () => [NONE, NONE],
  },
  // Action requests (ADR 0600): on a fresh tip with a released request at each station.
  {
    kind: "action",
    file: "lib/requests/actions.ts",
    name: "draftRequestAction",
    access: "request:draft",
    scoped: true,
    page: (f) => `/tips/${f.other.ref}/requests/new`,
    args: (f) => [f.other.ref, { what: "" }],
  },
  {
    kind: "action",
    file: "lib/requests/actions.ts",
    name: "approveRequestAction",
    access: "request:approve",
    scoped: true,
    request: true,
    page: tipPage,
    args: (f) => [f.other.requestId],
  },
  {
    kind: "action",
    file: "lib/requests/actions.ts",
    name: "closeRequestAction",
    access: "request:draft",
    scoped: true,
    request: true,
    page: tipPage,
    args: (f) => [f.other.requestId],
  },
  {
    kind: "action",
    file: "lib/requests/actions.ts",
    name: "tellInformantAction",
    access: "tip:reply",
    scoped: true,
    request: true,
    page: tipPage,
    args: (f) => [f.other.requestId],
  },
  {
    kind: "action",
    file: "lib/requests/actions.ts",
    name: "acknowledgeRequestAction",
    access: "station:act",
    scoped: true,
    request: true,
    page: (f) => `/station/requests/${f.other.requestId}`,
    args: (f) => [f.other.requestId],
  },
  {
    kind: "action",
    file: "lib/requests/actions.ts",
    name: "reportRequestAction",
    access: "station:act",
    scoped: true,
    request: true,
    page: (f) => `/station/requests/${f.other.requestId}`,
    args: (f) => {
      const form = new FormData();
      form.set("requestId", f.other.requestId);
      form.set("kind", "NOT_A_REAL_KIND");
      return form;
    },
  },
  {
    kind: "action",
    file: "lib/stations/actions.ts",
    name: "createContactAction",
    access: "admin:stations",
    page: () => "/admin/contacts",
    args: emptyForm,
  },
  {
    kind: "action",
    file: "lib/stations/actions.ts",
    name: "setContactActiveAction",
    access: "admin:stations",
    page: () => "/admin/contacts",
    args: () => [NONE, true],
  },
  {
    kind: "action",
    file: "lib/media/actions.ts",
    name: "retryMediaFetchAction",
    access: "admin:webhooks",
    page: () => "/admin/webhooks",
    args: () => [NONE],
  },
  {
    kind: "action",
    file: "lib/stations/actions.ts",
    name: "createStationAction",
    access: "admin:stations",
    page: () => "/admin/stations",
    args: emptyForm,
  },
  {
    kind: "action",
    file: "lib/stations/actions.ts",
    name: "updateStationAction",
    access: "admin:stations",
    page: () => "/admin/stations",
    args: () => [NONE, { name: "" }],
  },
  {
    kind: "action",
    file: "lib/stations/actions.ts",
    name: "setStationAliasAction",
    access: "admin:stations",
    page: () => "/admin/stations",
    args: () => [NONE, true],
  },
  {
    kind: "action",
    file: "lib/requests/settings-actions.ts",
    name: "saveRequestSettingsAction",
    access: "admin:settings",
    page: () => "/admin/requests",
    args: emptyForm,
  },
  {
    kind: "action",
    file: "lib/users/actions.ts",
    name: "createUserAction",
    access: "admin:users",
    page: () => "/admin/users",
    args: emptyForm,
  },
  {
    kind: "action",
    file: "lib/users/actions.ts",
    name: "updateUserAction",
    access: "admin:users",
    page: () => "/admin/users",
    args: () => [{ field: "districtWide", userId: NONE, value: true }],
  },
  {
    kind: "action",
    file: "lib/tips/canned-reply-actions.ts",
    name: "saveCannedReplyAction",
    access: "admin:canned",
    page: () => "/admin/canned-replies",
    args: () => [{}],
  },
  {
    kind: "action",
    file: "lib/auth/account-actions.ts",
    name: "startEnrolmentAction",
    access: "account:self",
    page: () => "/account",
    args: () => [],
  },
  {
    kind: "action",
    file: "lib/auth/account-actions.ts",
    name: "confirmEnrolmentAction",
    access: "account:self",
    page: () => "/account",
    args: () => ["000000"],
  },
  {
    kind: "action",
    file: "lib/auth/account-actions.ts",
    name: "signOutEverywhereAction",
    access: "account:self",
    page: () => "/account",
    args: () => [],
    revokes: true,
  },
  {
    kind: "action",
    file: "lib/i18n/set-locale.ts",
    name: "setLocale",
    access: "public",
    page: () => "/login",
    args: () => ["en"],
  },
  {
    kind: "action",
    file: "lib/i18n/set-locale.ts",
    name: "adoptUserLocale",
    access: "public",
    page: () => "/login",
    args: () => [],
  },
];

export const ROWS: Row[] = [...PAGES, ...ROUTES, ...ACTIONS];
