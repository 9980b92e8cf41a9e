// `npm run simulate -- --url http://localhost:3000 --rate 5 --duration 60`
// Realistic signed webhook traffic for every provider — WhatsApp Cloud API messages of every type
// (and batches), Twilio WhatsApp and voice calls with recordings, Exotel calls — in Hindi, English
// and Hinglish, with photos, voice notes, locations, calls and duplicate deliveries. The media it
// mentions is served by the fake provider API, which it starts itself (or pass --fake-url): start
// the app with WHATSAPP_API_BASE=<fake>/meta/v23.0, TWILIO_API_BASE=<fake>/twilio,
// EXOTEL_API_BASE=<fake>/exotel (Exotel calls are confirmed there) and FETCH_ALLOWED_HOSTS=<fake
// origin> so it fetches from there. Delivery receipts for the app's replies are sent back too. Secrets come from flags,
// the same environment variables the app reads, or the demo's DATA_DIR/demo-secrets.json (whose API
// bases already point at the fakes' port: `npm start` + this command need no configuration). Stops by itself after --duration s or --count events.
import { startFakeProviders, type FakeCall } from "../lib/simulate/fake-providers";
import {
  exotelCall,
  makeInformants,
  metaMessage,
  metaRequest,
  metaStatusRequest,
  rng,
  twilioCall,
  twilioMessageStatus,
  twilioWhatsApp,
  type Informant,
  type SimConfig,
  type SimRequest,
} from "../lib/simulate/traffic";
import crypto from "node:crypto";
import { buildFixtures } from "../lib/simulate/fake-media";
import { demoFakeOrigin, readDemoSecrets } from "../lib/demo-secrets";

type Args = Record<string, string>;
function parseArgs(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++)
    if (argv[i].startsWith("--"))
      out[argv[i].slice(2)] = argv[i + 1]?.startsWith("--") || argv[i + 1] === undefined ? "true" : argv[++i];
  return out;
}

const MIX: [string, number][] = [
  ["meta.text", 30],
  ["meta.followup", 8],
  ["meta.image", 10],
  ["meta.audio", 9],
  ["meta.video", 2],
  ["meta.document", 3],
  ["meta.sticker", 2],
  ["meta.location", 6],
  ["meta.contacts", 2],
  ["meta.interactive", 2],
  ["meta.reaction", 3],
  ["meta.unsupported", 1],
  ["meta.batch", 4],
  ["twilio.whatsapp", 8],
  ["twilio.call", 5],
  ["exotel.call", 5],
];

export type SimStats = {
  sent: number;
  byLabel: Record<string, Record<string, number>>;
  latencies: number[];
  errors: number;
};

export async function send(req: SimRequest, stats: SimStats) {
  const t0 = performance.now();
  let code = "ERR";
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    code = String(res.status);
  } catch {
    stats.errors += 1;
  }
  stats.latencies.push(performance.now() - t0);
  stats.sent += 1;
  const l = (stats.byLabel[req.label] ??= {});
  l[code] = (l[code] ?? 0) + 1;
  return code;
}

export async function simulate(args: Args) {
  // Flags first, then the environment the app reads, then the demo's generated settings (ADR 0800):
  // `npm run simulate` against `npm start`'s demo needs no flags at all.
  const demo = readDemoSecrets(args["data-dir"] ?? process.env.DATA_DIR ?? "./.data") ?? {};
  const env: Record<string, string | undefined> = {
    ...demo,
    ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)),
  };
  const url = (args.url ?? "http://localhost:3000").replace(/\/+$/, "");
  const rate = Number(args.rate ?? 5);
  const duration = Number(args.duration ?? 60);
  const count = args.count ? Number(args.count) : Infinity;
  const rnd = rng(Number(args.seed ?? Date.now() % 1e9));
  // The demo's API bases point at the fakes on a port of its own: serve there, with its credentials.
  const demoFake = demoFakeOrigin(demo);
  const fakePort = args["fake-port"]
    ? Number(args["fake-port"])
    : demoFake && env.WHATSAPP_API_BASE === demo.WHATSAPP_API_BASE
      ? Number(new URL(demoFake).port)
      : 0;
  const fake = args["fake-url"]
    ? null
    : await startFakeProviders({
        port: fakePort,
        ...(demoFake
          ? {
              metaToken: demo.WHATSAPP_ACCESS_TOKEN,
              twilioSid: demo.TWILIO_ACCOUNT_SID,
              twilioToken: demo.TWILIO_AUTH_TOKEN,
              exotelKey: demo.EXOTEL_API_KEY,
              exotelToken: demo.EXOTEL_API_TOKEN,
            }
          : {}),
      });
  const fakeUrl = (args["fake-url"] ?? fake!.url).replace(/\/+$/, "");
  const cfg: SimConfig = {
    url,
    fakeUrl,
    publicUrl: (args["public-url"] ?? process.env.PUBLIC_BASE_URL ?? url).replace(/\/+$/, ""),
    appSecret: args["app-secret"] ?? env.WHATSAPP_APP_SECRET ?? "",
    phoneNumberId: args["phone-number-id"] ?? (env.WHATSAPP_PHONE_NUMBER_IDS ?? "").split(",")[0] ?? "",
    twilioSid: args["twilio-sid"] ?? env.TWILIO_ACCOUNT_SID ?? "AC00000000000000000000000000000000",
    twilioToken: args["twilio-token"] ?? env.TWILIO_AUTH_TOKEN ?? "",
    twilioNumber: (args["twilio-number"] ?? env.TWILIO_WHATSAPP_FROM ?? "+14155238886").replace(/^whatsapp:/, ""),
    exotelToken: args["exotel-token"] ?? env.EXOTEL_WEBHOOK_TOKEN ?? "",
  };
  if (!cfg.appSecret || !cfg.phoneNumberId)
    throw new Error(
      "need --app-secret and --phone-number-id (or WHATSAPP_APP_SECRET / WHATSAPP_PHONE_NUMBER_IDS, or a demo started with `npm start` whose DATA_DIR holds demo-secrets.json)",
    );
  const only = args.only?.split(",");
  const mix = MIX.filter(([k]) => !only || only.some((o) => k.startsWith(o)));
  // WhatsApp webhooks announce each file's SHA-256 (base64); the fake serves these exact bytes.
  const fixtureSha = Object.fromEntries(
    Object.entries(fake?.fixtures ?? (await buildFixtures())).map(([k, v]) => [
      k,
      crypto.createHash("sha256").update(v.bytes).digest("base64"),
    ]),
  );
  const informants = makeInformants(Number(args.informants ?? 40), rnd);
  const dupRate = Number(args.duplicates ?? 0.06);
  const stats: SimStats = { sent: 0, byLabel: {}, latencies: [], errors: 0 };
  const inflight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => (inflight.add(p), p.finally(() => inflight.delete(p)));
  const pickType = () => {
    const total = mix.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [k, w] of mix) if ((r -= w) < 0) return k;
    return mix[0][0];
  };

  console.log(
    `simulating → ${url} at ${rate}/s for ${duration}s${count < Infinity ? ` (max ${count} events)` : ""}; fake providers at ${fakeUrl}`,
  );
  if (fake && demoFake && fake.url === demoFake)
    console.log(
      `  using the demo's generated provider settings (${args["data-dir"] ?? process.env.DATA_DIR ?? "./.data"}/demo-secrets.json); the demo fetches media from these fakes`,
    );
  else if (fake)
    console.log(
      `  the app must fetch media from it: WHATSAPP_API_BASE=${fakeUrl}/meta/v23.0 TWILIO_API_BASE=${fakeUrl}/twilio EXOTEL_API_BASE=${fakeUrl}/exotel FETCH_ALLOWED_HOSTS=${fakeUrl}`,
    );

  async function event(kind: string) {
    const who: Informant = informants[Math.floor(rnd() * informants.length)];
    let reqs: SimRequest[];
    if (kind === "meta.batch") {
      const others = [who, informants[Math.floor(rnd() * informants.length)]];
      reqs = [
        metaRequest(
          cfg,
          others.map((w) => ({
            who: w,
            messages: [metaMessage("text", rnd, w, fixtureSha), metaMessage("image", rnd, w, fixtureSha)],
          })),
          "meta.batch",
        ),
      ];
    } else if (kind.startsWith("meta.")) {
      const req = metaRequest(cfg, [{ who, messages: [metaMessage(kind.slice(5), rnd, who, fixtureSha)] }], kind);
      who.lastWamid = (JSON.parse(req.body!).entry[0].changes[0].value.messages[0] as { id: string }).id;
      reqs = [req];
    } else if (kind === "twilio.whatsapp") reqs = [twilioWhatsApp(cfg, who, rnd)];
    else if (kind === "twilio.call") reqs = twilioCall(cfg, who, rnd);
    else reqs = exotelCall(cfg, who, rnd);
    for (const req of reqs) {
      if (req.setup) {
        await fetch(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          signal: AbortSignal.timeout(10_000),
        }).then((r) => r.arrayBuffer());
        continue;
      }
      // A provider retrying (or delivering twice at once): the same bytes, the same signature.
      if (rnd() < dupRate) {
        const copies = 1 + Math.floor(rnd() * 3);
        await Promise.all([
          send(req, stats),
          ...Array.from({ length: copies }, () => send({ ...req, label: `${req.label} (duplicate)` }, stats)),
        ]);
      } else await send(req, stats);
    }
  }

  // Delivery receipts for what the app sent through the fake: sent → delivered → read.
  const acked = new Map<string, number>();
  async function receipts() {
    if (!fake) return;
    const sends = fake.calls.filter(
      (c: FakeCall) => (c.route === "meta.send" || c.route === "twilio.send") && c.status && c.status < 300,
    );
    for (const c of sends) {
      const meta = c.route === "meta.send";
      const id = meta
        ? (c.response as { messages: { id: string }[] }).messages[0].id
        : (c.response as { sid: string }).sid;
      const step = acked.get(id) ?? 0;
      if (step >= 3) continue;
      acked.set(id, step + 1);
      const status = ["sent", "delivered", "read"][step];
      if (meta) {
        const b = c.body as { to?: string; recipient?: string };
        track(send(metaStatusRequest(cfg, [{ id, status, recipient: b.to ?? b.recipient ?? "" }]), stats));
      } else track(send(twilioMessageStatus(cfg, id, (c.response as { to: string }).to, status), stats));
    }
  }

  const started = Date.now();
  let events = 0;
  while (Date.now() - started < duration * 1000 && events < count) {
    track(event(pickType()));
    events += 1;
    if (events % Math.max(1, rate) === 0) void receipts();
    const next = started + (events * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  while (inflight.size) await Promise.all([...inflight]);
  await new Promise((r) => setTimeout(r, 1500));
  await receipts();
  while (inflight.size) await Promise.all([...inflight]);
  // The app fetches the media, recordings and call details it was told about after answering the
  // webhooks: keep the fakes serving until they have been quiet for 2 s (at most 20 s more), so a
  // demo is not left retrying against a closed port.
  if (fake) {
    const until = Date.now() + 20_000;
    const last = () => (fake.calls.length ? Date.parse(fake.calls[fake.calls.length - 1].at) : 0);
    while (Date.now() < until && Date.now() - last() < 2_000) await new Promise((r) => setTimeout(r, 250));
  }
  await fake?.close();

  const lat = [...stats.latencies].sort((a, b) => a - b);
  const q = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(1) : "-");
  console.log(
    `\n${events} events, ${stats.sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; latency p50 ${q(0.5)} ms, p99 ${q(0.99)} ms; network errors ${stats.errors}`,
  );
  for (const [label, codes] of Object.entries(stats.byLabel).sort())
    console.log(
      `  ${label.padEnd(28)} ${Object.entries(codes)
        .map(([c, n]) => `${c}×${n}`)
        .join("  ")}`,
    );
  return { events, stats };
}

if (process.argv[1] && /simulate\.[tj]s$/.test(process.argv[1])) {
  simulate(parseArgs(process.argv.slice(2))).then(
    ({ stats }) => process.exit(stats.errors ? 1 : 0),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
