// A local stand-in for the provider APIs the app calls, for tests, e2e, demos and load runs:
//   Meta Graph   GET  /meta/v23.0/{media-id}                → media URL, mime, sha256, size
//                GET  /meta/download/{media-id}             → the bytes (bearer token required)
//                POST /meta/v23.0/{phone-number-id}/messages → records the send, returns a wamid
//   Twilio       GET  /twilio/2010-04-01/Accounts/{sid}/Messages/{MM}/Media/{ME}, …/Recordings/{RE}
//                POST /twilio/2010-04-01/Accounts/{sid}/Messages.json → returns an SM… sid
//   Exotel       GET  /exotel/recordings/{name}
//                GET  /exotel/v1/Accounts/{sid}/Calls/{CallSid}.json → the Call Details API (calls
//                     registered with POST /_exotel/calls or addExotelCall; 404 for any other)
//   Redirects    GET  /redirect?to={url}                    → 302 to that URL (a CDN hop, or a hostile one)
//   Control      GET /_calls (what was called), POST /_reset, POST /_media (add media), POST /_fail
//                (fail the next N calls of a route with a status), POST /_exotel/calls, GET /_health
// Media ids and URLs pick a fixture by name: `photo-123`, `voice-…`, `video-…`, `doc-…`,
// `sticker-…`; `expired-…` answers like an expired WhatsApp media id.
// Standalone: `tsx scripts/fake-providers.ts --port 3301 [--meta-token T] [--twilio-sid S --twilio-token T]
// [--exotel-key K --exotel-token T]` (without credentials it accepts any).
import http from "node:http";
import crypto from "node:crypto";
import { buildFixtures, type FakeMedia } from "./fake-media";
import { realWaId } from "../ingest/testing/meta-fixtures";

export type FakeCall = {
  at: string;
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status?: number;
  response?: unknown;
};
type Media = FakeMedia & {
  announcedSha256?: string;
  /** The download URL Graph answers with (default: this server's). */ url?: string;
};
/** What Exotel's Call Details API knows about a call (its documented fields; Exotel's own number formats). */
export type ExotelCall = {
  Sid: string;
  From: string;
  To?: string;
  Status?: string;
  Direction?: string;
  RecordingUrl?: string | null;
  Duration?: string;
};
export type FakeOptions = {
  port?: number;
  host?: string;
  metaToken?: string;
  twilioSid?: string;
  twilioToken?: string;
  exotelKey?: string;
  exotelToken?: string;
};

export type FakeProviders = {
  url: string;
  port: number;
  calls: FakeCall[];
  fixtures: Record<string, FakeMedia>;
  addMedia(id: string, media: Media): void;
  addExotelCall(call: ExotelCall): void;
  /**
   * The next `count` calls of `route` answer `status`. `onlyIf`: only calls whose path, query or
   * raw body contains it (a test's own tip ref or media id), so a job of another test that runs in the same drain
   * neither takes the failure nor fails.
   */
  failNext(route: string, count: number, status?: number, body?: unknown, onlyIf?: string): void;
  reset(): void;
  close(): Promise<void>;
};

const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const hex = (n: number) => crypto.randomBytes(n).toString("hex");

export async function startFakeProviders(opts: FakeOptions = {}): Promise<FakeProviders> {
  const fixtures = await buildFixtures();
  const custom = new Map<string, Media>();
  const failures = new Map<string, { count: number; status: number; body?: unknown; onlyIf?: string }>();
  const exotelCalls = new Map<string, ExotelCall>();
  const calls: FakeCall[] = [];

  const pick = (name: string): Media | undefined => {
    if (custom.has(name)) return custom.get(name);
    const kind = Object.keys(fixtures).find((k) => name.toLowerCase().includes(k));
    return kind ? fixtures[kind] : undefined;
  };
  const basicOk = (h: string | undefined, user?: string, pass?: string) =>
    !user || h === "Basic " + Buffer.from(`${user}:${pass ?? ""}`).toString("base64");
  const bearerOk = (h: string | undefined) =>
    !!h?.startsWith("Bearer ") && (!opts.metaToken || h === `Bearer ${opts.metaToken}`);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const p = url.pathname;
    const raw = await readBody(req);
    // The provider call being answered (control endpoints are not recorded); the answer helpers fill in its response.
    const recorded: { call?: FakeCall } = {};
    const json = (status: number, body: unknown) => {
      if (recorded.call) Object.assign(recorded.call, { status, response: body });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const bytes = (m: Media) => {
      if (recorded.call)
        Object.assign(recorded.call, { status: 200, response: { mime: m.mime, size: m.bytes.length } });
      res.writeHead(200, { "content-type": m.mime, "content-length": String(m.bytes.length) });
      res.end(m.bytes);
    };
    const graphError = (status: number, code: number, message: string) =>
      json(status, { error: { message, type: "OAuthException", code, fbtrace_id: hex(6) } });

    // Control endpoints.
    if (p === "/_health") return json(200, { ok: true });
    if (p === "/_calls") return json(200, calls);
    if (p === "/_reset" && req.method === "POST") return (reset(), json(200, { ok: true }));
    if (p === "/_media" && req.method === "POST") {
      const b = JSON.parse(raw.toString("utf8")) as { id: string; mime: string; base64: string; sha256?: string };
      custom.set(b.id, { mime: b.mime, bytes: Buffer.from(b.base64, "base64"), announcedSha256: b.sha256 });
      return json(200, { ok: true });
    }
    if (p === "/_exotel/calls" && req.method === "POST") {
      const b = JSON.parse(raw.toString("utf8")) as ExotelCall;
      exotelCalls.set(b.Sid, b);
      return json(200, { ok: true });
    }
    if (p === "/_fail" && req.method === "POST") {
      const b = JSON.parse(raw.toString("utf8")) as { route: string; count: number; status?: number; body?: unknown };
      failures.set(b.route, { count: b.count, status: b.status ?? 500, body: b.body });
      return json(200, { ok: true });
    }

    const route = routeOf(req.method ?? "GET", p);
    const call: FakeCall = {
      at: new Date().toISOString(),
      route,
      method: req.method ?? "GET",
      path: p + url.search,
      headers: pickHeaders(req.headers),
      body: parseBody(req.headers["content-type"], raw),
    };
    recorded.call = call;
    calls.push(call);
    const fail = failures.get(route);
    if (fail && fail.count > 0 && (!fail.onlyIf || (call.path + raw.toString("utf8")).includes(fail.onlyIf))) {
      fail.count -= 1;
      return json(fail.status, fail.body ?? { error: { message: "injected failure", code: 1 } });
    }

    switch (route) {
      case "meta.media": {
        if (!bearerOk(req.headers.authorization)) return graphError(401, 190, "Invalid OAuth access token.");
        const id = decodeURIComponent(p.split("/").pop()!);
        const m = id.startsWith("expired") ? undefined : pick(id);
        if (!m)
          return graphError(
            400,
            100,
            `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          );
        const origin = `http://${req.headers.host}`;
        return json(200, {
          messaging_product: "whatsapp",
          url: m.url ?? `${origin}/meta/download/${encodeURIComponent(id)}?ext=${Date.now()}`,
          mime_type: m.mime,
          sha256: m.announcedSha256 ?? sha256(m.bytes),
          file_size: m.bytes.length,
          id,
        });
      }
      case "meta.download": {
        if (!bearerOk(req.headers.authorization)) return json(401, {});
        const m = pick(decodeURIComponent(p.split("/").pop()!));
        return m ? bytes(m) : json(404, {});
      }
      case "meta.send": {
        if (!bearerOk(req.headers.authorization)) return graphError(401, 190, "Invalid OAuth access token.");
        const b = parseBody(req.headers["content-type"], raw) as { to?: string; recipient?: string };
        const input = b.to ?? b.recipient ?? "";
        // Meta's real id format: base64 of a record holding the recipient's number.
        return json(200, {
          messaging_product: "whatsapp",
          contacts: [{ input, wa_id: input }],
          messages: [{ id: realWaId(/^\d+$/.test(input) ? input : "0") }],
        });
      }
      case "twilio.media":
      case "twilio.recording": {
        if (!basicOk(req.headers.authorization, opts.twilioSid, opts.twilioToken))
          return json(401, { code: 20003, message: "Authenticate", status: 401 });
        const name = p.split("/").pop()!;
        const m =
          route === "twilio.recording"
            ? name.endsWith(".mp3")
              ? fixtures.mp3
              : fixtures.wav
            : (pick(name) ?? fixtures.photo);
        return bytes(m);
      }
      case "twilio.send": {
        if (!basicOk(req.headers.authorization, opts.twilioSid, opts.twilioToken))
          return json(401, { code: 20003, message: "Authenticate", status: 401 });
        const f = new URLSearchParams(raw.toString("utf8"));
        const sid = `SM${hex(16)}`;
        return json(201, {
          sid,
          status: "queued",
          to: f.get("To"),
          from: f.get("From"),
          body: f.get("Body"),
          account_sid: p.split("/")[4],
          num_media: "0",
          direction: "outbound-api",
          date_created: new Date().toUTCString(),
          uri: `${p.replace(/\.json$/, "")}/${sid}.json`,
        });
      }
      case "exotel.recording": {
        if (!basicOk(req.headers.authorization, opts.exotelKey, opts.exotelToken)) return json(401, {});
        return bytes(fixtures.mp3);
      }
      case "exotel.call": {
        if (!basicOk(req.headers.authorization, opts.exotelKey, opts.exotelToken))
          return json(401, {
            RestException: { Status: 401, Message: "Authentication is required to view this resource." },
          });
        const c = exotelCalls.get(
          decodeURIComponent(
            p
              .split("/")
              .pop()!
              .replace(/\.json$/, ""),
          ),
        );
        if (!c) return json(404, { RestException: { Status: 404, Message: "The requested resource was not found" } });
        const now = new Date().toISOString().replace("T", " ").slice(0, 19);
        return json(200, {
          Call: {
            Sid: c.Sid,
            ParentCallSid: null,
            DateCreated: now,
            DateUpdated: now,
            AccountSid: p.split("/")[4],
            To: c.To ?? "08047112233",
            From: c.From,
            PhoneNumberSid: c.To ?? "08047112233",
            Status: c.Status ?? "completed",
            StartTime: now,
            EndTime: now,
            Duration: c.Duration ?? "42",
            Price: "1.500",
            Direction: c.Direction ?? "inbound",
            AnsweredBy: null,
            ForwardedFrom: null,
            CallerName: null,
            Uri: `${p}`,
            RecordingUrl: c.RecordingUrl ?? null,
          },
        });
      }
      case "redirect": {
        const to = url.searchParams.get("to") ?? "/";
        Object.assign(call, { status: 302, response: { location: to } });
        res.writeHead(302, { location: to });
        return res.end();
      }
      default:
        return json(404, { error: "no such fake route" });
    }
  });

  function reset() {
    calls.length = 0;
    custom.clear();
    failures.clear();
    exotelCalls.clear();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    port,
    calls,
    fixtures,
    addMedia: (id, m) => void custom.set(id, m),
    addExotelCall: (c) => void exotelCalls.set(c.Sid, c),
    failNext: (route, count, status = 500, body, onlyIf) => void failures.set(route, { count, status, body, onlyIf }),
    reset,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function routeOf(method: string, p: string): string {
  if (/^\/meta\/v[\d.]+\/[^/]+\/messages$/.test(p) && method === "POST") return "meta.send";
  if (/^\/meta\/download\/[^/]+$/.test(p)) return "meta.download";
  if (/^\/meta\/v[\d.]+\/[^/]+$/.test(p) && method === "GET") return "meta.media";
  if (/^\/twilio\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(p) && method === "POST") return "twilio.send";
  if (/^\/twilio\/2010-04-01\/Accounts\/[^/]+\/Messages\/[^/]+\/Media\/[^/]+$/.test(p)) return "twilio.media";
  if (/^\/twilio\/2010-04-01\/Accounts\/[^/]+\/Recordings\/[^/]+$/.test(p)) return "twilio.recording";
  if (/^\/exotel\/recordings\/[^/]+$/.test(p)) return "exotel.recording";
  if (/^\/exotel\/v1\/Accounts\/[^/]+\/Calls\/[^/]+$/.test(p) && method === "GET") return "exotel.call";
  if (p === "/redirect") return "redirect";
  return "unknown";
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseBody(type: string | undefined, raw: Buffer): unknown {
  if (!raw.length) return null;
  const text = raw.toString("utf8");
  if (type?.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (type?.includes("x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  return text;
}

function pickHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ["authorization", "content-type"]) if (typeof h[k] === "string") out[k] = h[k] as string;
  return out;
}
