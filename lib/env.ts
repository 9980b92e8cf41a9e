// The only place that reads process.env. Validated once; a bad or missing value stops start-up
// with a message naming the variable. Every variable is documented in .env.example.
import { z } from "zod";
import { demoSecrets } from "./demo-secrets";
import { parseAllowlist } from "./net/allowlist";
import { DEFAULT_FETCH_HOSTS } from "./net/default-hosts";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);
const secret = (min: number) => z.string().min(min, `must be at least ${min} characters`);

export { DEFAULT_FETCH_HOSTS };

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DEMO_MODE: bool.default(false),
  /** In demo mode, seed a few dozen example tips once (when there are none). */
  DEMO_TIPS: bool.default(true),
  DATABASE_URL: z.url().optional(),
  /** Owner role for migrations (ADR 0014); unset = DATABASE_URL (one role, with a warning). */
  MIGRATION_DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  /** PostgreSQL: give up on a connection after this long, and on a statement (client and server side). */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** A webhook whose store has not committed by then answers 503 (the provider retries; a late commit makes the retry a duplicate). */
  WEBHOOK_DEADLINE_MS: z.coerce.number().int().positive().default(4_000),
  PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
  APP_VERSION: z.string().default("dev"),
  /** Names this process in /api/health (X-Instance-Id): which instance answered, behind a balancer. Random when unset. */
  INSTANCE_ID: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .optional(),

  AUTH_SECRET: secret(32),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** Absolute session lifetime from sign-in, whatever the activity (one shift). */
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Who must use a second factor: ADMIN and SUPERVISOR (privileged), or everyone (all). */
  REQUIRE_2FA: z.enum(["privileged", "all"]).default("privileged"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Upper bound of the per-username slow-down (seconds): a delay, never a refusal. */
  LOGIN_SLOWDOWN_MAX_SECONDS: z.coerce.number().min(0).max(30).default(5),
  /** Reverse proxies in front that append to X-Forwarded-For; 0 = the socket address is the client. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Accounts without a sign-in for this many days are disabled by a daily job (0 = never). */
  INACTIVE_DISABLE_DAYS: z.coerce.number().int().min(0).default(90),
  /** Lets monitoring read /api/health details (version, engine, migrations) without a session. */
  HEALTH_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Bearer token Prometheus presents to /api/metrics; unset = /api/metrics answers 404 (ADR 0801). */
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  /** HMAC key of the audit chain and its checkpoints; keep it outside the database (ADR 0015). */
  AUDIT_KEY: secret(32),
  ADMIN_USERNAME: z.string().min(3).optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),

  /** HMAC key for informant addresses: changing it orphans every informant match. */
  IDENTITY_PEPPER: secret(32),
  /**
   * Peppers that rows may still be hashed under while `npm run identity:rotate` moves them to
   * IDENTITY_PEPPER (comma-separated). Matching tries them too; keep them ~30 days after a rotation,
   * for redeliveries and statuses of messages received before it.
   */
  IDENTITY_PREVIOUS_PEPPERS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** AES-256-GCM keys as `id:base64(32 bytes)`, comma-separated; rotation adds a key. */
  IDENTITY_KEYS: z.string().min(1),
  IDENTITY_ACTIVE_KEY: z.string().min(1),

  THREAD_WINDOW_HOURS: z.coerce.number().positive().default(24),
  /** The district gazetteer CSV (ADR 0701); unset: Prayagraj's, shipped in lib/entities/gazetteer/. */
  GAZETTEER_CSV: z.string().min(1).optional(),

  WHATSAPP_VERIFY_TOKEN: z.string().default(""),
  WHATSAPP_APP_SECRET: z.string().default(""),
  WHATSAPP_ACCESS_TOKEN: z.string().default(""),
  WHATSAPP_PHONE_NUMBER_IDS: list.default([]),
  WHATSAPP_API_BASE: z.url().default("https://graph.facebook.com/v23.0"),
  WHATSAPP_REPLY_TEMPLATE: z.string().default(""),
  WHATSAPP_REPLY_TEMPLATE_LANG: z.string().default("en"),
  /** Approved template for the desk's fixed "action taken" message outside the 24-hour window (ADR 0607); one body parameter, the ref. */
  WHATSAPP_ACTION_TEMPLATE: z.string().default("informant_action_taken"),
  WHATSAPP_ACTION_TEMPLATE_LANG: z.string().default("hi"),

  TWILIO_ACCOUNT_SID: z.string().default(""),
  TWILIO_AUTH_TOKEN: z.string().default(""),
  TWILIO_WHATSAPP_FROM: z.string().default(""),
  TWILIO_API_BASE: z.url().default("https://api.twilio.com"),
  /** Sender for SMS to stations' duty contacts (a Twilio number); empty: SMS contacts cannot be notified. */
  TWILIO_SMS_FROM: z.string().default(""),

  /** Approved WhatsApp template that tells a station's duty contacts of a new request (ADR 0602). */
  STATION_NOTIFY_TEMPLATE: z.string().default("station_action_request"),
  STATION_NOTIFY_TEMPLATE_LANG: z.string().default("en"),
  /** The template for an overdue request's escalation to the station's senior officer (ADR 0604); same four parameters. */
  STATION_ESCALATION_TEMPLATE: z.string().default("station_request_overdue"),
  /**
   * Minutes an URGENT tip may sit unclaimed before the open desk queues alert (ADR 0609), unless the
   * `requests` Setting sets `unclaimedAlertMinutes`. The e2e server sets 0 to see the alert at once.
   */
  DESK_UNCLAIMED_ALERT_MINUTES: z.coerce.number().int().min(0).max(1440).default(3),

  /** Secret path segment of Exotel's webhook URLs (Exotel signs nothing): empty turns Exotel off. */
  EXOTEL_WEBHOOK_TOKEN: z.union([z.literal(""), secret(32)]).default(""),
  EXOTEL_SID: z.string().default(""),
  EXOTEL_API_KEY: z.string().default(""),
  EXOTEL_API_TOKEN: z.string().default(""),
  /** Exotel's API subdomain: Singapore cluster api.exotel.com, Mumbai api.in.exotel.com. */
  EXOTEL_API_BASE: z.url().default("https://api.exotel.com"),

  STORAGE: z.enum(["local", "s3"]).default("local"),
  S3_ENDPOINT: z.string().default(""),
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().default(""),
  S3_ACCESS_KEY_ID: z.string().default(""),
  S3_SECRET_ACCESS_KEY: z.string().default(""),
  /** Server-side encryption of stored media: "" = the bucket's default, AES256 (SSE-S3) or aws:kms (ADR 0802). */
  S3_SSE: z.enum(["", "AES256", "aws:kms"]).default(""),
  /** The KMS key for S3_SSE=aws:kms; empty = the account's default KMS key. */
  S3_SSE_KMS_KEY_ID: z.string().default(""),
  /** Bodies larger than this go up as multipart uploads in parts of this size (MiB, 5 or more). */
  S3_PART_SIZE_MB: z.coerce.number().int().min(5).max(512).default(8),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /** A media or recording download (all hops and the body) taking longer is abandoned and retried. */
  MEDIA_FETCH_TIMEOUT_SECONDS: z.coerce.number().positive().default(600),
  /** Hosts media, recordings and call details may be fetched from (docs/decisions/0210-one-fetch-policy.md). */
  FETCH_ALLOWED_HOSTS: list.default(DEFAULT_FETCH_HOSTS),

  /** Days without an inbound message after which an informant's encrypted address and name are destroyed (0 = never). */
  RETENTION_ADDRESS_DAYS: z.coerce.number().int().min(0).default(90),
  /** Days after which stored webhook payloads are emptied (0 = never); the event rows stay. */
  RETENTION_PAYLOAD_DAYS: z.coerce.number().int().min(0).default(30),

  ACK_ENABLED: bool.default(true),
  ACK_TEXT_EN: z.string().default(""),
  ACK_TEXT_HI: z.string().default(""),

  WORKER_ENABLED: bool.default(true),
  /** A job whose lock was not renewed for this long is taken to be orphaned by a dead process and run again (running jobs' locks are renewed 4× per period). */
  JOB_STALE_SECONDS: z.coerce.number().positive().default(60),
  /** Enables /api/bench/* reference routes for bench/ingest; 404 otherwise. */
  BENCH_ROUTES: bool.default(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

/** Parses a raw environment; exported for tests. Demo mode fills missing secrets from DATA_DIR. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const demo = ["true", "1", "yes"].includes(raw.DEMO_MODE ?? "");
  const input = demo ? { ...demoSecrets(raw.DATA_DIR ?? "./.data"), ...stripEmpty(raw) } : stripEmpty(raw);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.DEMO_MODE && !isLocalUrl(env.PUBLIC_BASE_URL))
    throw new EnvError(
      `Invalid configuration: demo mode (known passwords) runs only on this machine, but PUBLIC_BASE_URL is ${env.PUBLIC_BASE_URL}. Set DATABASE_URL and real secrets for a deployment.`,
    );
  const keys = parseKeys(env.IDENTITY_KEYS);
  if (!keys.has(env.IDENTITY_ACTIVE_KEY))
    throw new EnvError(
      `Invalid configuration: IDENTITY_ACTIVE_KEY "${env.IDENTITY_ACTIVE_KEY}" is not in IDENTITY_KEYS`,
    );
  try {
    parseAllowlist(env.FETCH_ALLOWED_HOSTS);
  } catch (e) {
    throw new EnvError(`Invalid configuration: ${(e as Error).message}`);
  }
  // A call's caller and recording are only trusted once Exotel's API confirms them (ADR 0211).
  if (env.EXOTEL_WEBHOOK_TOKEN && !(env.EXOTEL_SID && env.EXOTEL_API_KEY && env.EXOTEL_API_TOKEN))
    throw new EnvError(
      "Invalid configuration: EXOTEL_WEBHOOK_TOKEN needs EXOTEL_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN (calls are confirmed with Exotel's API)",
    );
  return env;
}

/** localhost, 127.x, ::1 or *.localhost: the only origins demo mode may serve. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `id:base64` pairs → Map(id → 32-byte key). */
export function parseKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(":");
    const key = Buffer.from(b64 ?? "", "base64");
    if (!id || key.length !== 32)
      throw new EnvError("Invalid configuration: IDENTITY_KEYS entries must be id:base64(32 bytes)");
    keys.set(id, key);
  }
  return keys;
}

function stripEmpty(raw: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
}

let cached: Env | undefined;

/** Reads the environment again (a script or test that changes configuration in-process, e.g. a key rotation). */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth reads its base URL from the environment itself; derive it from ours.
    process.env.NEXTAUTH_URL = cached.PUBLIC_BASE_URL;
  }
  return cached;
}

/** At a process's start (the server, `npm start`'s preparation): a bad configuration prints its message and exits 1. */
export function envOrExit(): Env {
  try {
    return env();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
