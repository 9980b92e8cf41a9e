// The fetch policy (ADR 0210) through the real `media.fetch` job: media and recording URLs that
// point at loopback, cloud metadata, a private address, a name resolving to loopback, or an allowed
// host redirecting to an internal one are refused; the target never sees a request; the job ends
// FAILED with the reason. The allowlist names the fake provider's exact IP:port (as tests must), and
// a second local server plays the internal target the policy does not allow.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({
  metaToken: "test-access-token",
  exotelKey: "exo-key",
  exotelToken: "exo-token",
});
const target = await startFakeProviders();
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;
process.env.EXOTEL_API_BASE = `${fake.url}/exotel`;
// `localhost` as a *name* entry: names never open special addresses, so it resolves and is refused.
// 169.254.169.254 even as an explicit entry: link-local (cloud metadata) is never reachable.
process.env.FETCH_ALLOWED_HOSTS = `http://127.0.0.1:${fake.port}, http://localhost:${target.port}, http://169.254.169.254`;

const { db, enqueue, drain, registerHandlers } = await import("../testing/job-kit");
const { makeTip } = await import("../testing/factories");

const uid = () => crypto.randomBytes(4).toString("hex");
const internal = () => `http://127.0.0.1:${target.port}/internal/${uid()}`;

async function fetchJob(provider: "META" | "EXOTEL", providerRef: string) {
  const tip = await makeTip();
  const message = await db.message.findFirstOrThrow({ where: { tipId: tip.id }, select: { id: true } });
  const a = await db.attachment.create({ data: { messageId: message.id, provider, providerRef } });
  await db.$transaction((tx) =>
    enqueue(tx, "media.fetch", { attachmentId: a.id }, { dedupeKey: `media.fetch:${a.id}` }),
  );
  await drain();
  const job = await db.job.findFirstOrThrow({
    where: { kind: "media.fetch", payload: { equals: { attachmentId: a.id } } },
  });
  return { attachment: await db.attachment.findUniqueOrThrow({ where: { id: a.id } }), job };
}

/** A WhatsApp media id whose Graph answer carries `url` as the download URL. */
function whatsappMediaAt(url: string) {
  const id = `photo-${uid()}`;
  fake.addMedia(id, { ...fake.fixtures.photo, url });
  return id;
}

beforeAll(() => registerHandlers());
beforeEach(() => (fake.reset(), target.reset()));
afterAll(async () => {
  await fake.close();
  await target.close();
});

const cases: [string, () => string, RegExp][] = [
  ["127.0.0.1 (not on the allowlist)", internal, /not on the fetch allowlist/],
  [
    "169.254.169.254 (cloud metadata, even when listed)",
    () => "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    /refused 169\.254\.169\.254: 169\.254\.169\.254 is a linkLocal address/,
  ],
  ["a private address", () => "http://10.20.30.40/recording.mp3", /not on the fetch allowlist/],
  [
    "a host name that resolves to loopback",
    () => `http://localhost:${target.port}/internal/${uid()}`,
    /refused localhost:\d+: (127\.0\.0\.1|::1) is a loopback address/,
  ],
  [
    "an allowed host that redirects to an internal one",
    () => `${fake.url}/redirect?to=${encodeURIComponent(internal())}`,
    /refused http:\/\/127\.0\.0\.1:\d+: not on the fetch allowlist/,
  ],
  [
    "an allowed host that redirects to cloud metadata",
    () => `${fake.url}/redirect?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`,
    /refused 169\.254\.169\.254: .* linkLocal/,
  ],
  [
    "an allowed host that redirects to a name resolving to loopback",
    () => `${fake.url}/redirect?to=${encodeURIComponent(`http://localhost:${target.port}/x`)}`,
    /loopback address/,
  ],
];

describe("media fetch refusals", () => {
  for (const [name, url, reason] of cases) {
    it(`WhatsApp media URL → ${name}: refused, target untouched, job FAILED with the reason`, async () => {
      const { attachment, job } = await fetchJob("META", whatsappMediaAt(url()));
      expect(attachment.fetchState).toBe("FAILED");
      expect(attachment.fetchError).toMatch(reason);
      expect(attachment.storageKey).toBeNull();
      expect(job).toMatchObject({ state: "FAILED", attempts: 1 });
      expect(job.lastError).toMatch(reason);
      expect(target.calls).toEqual([]);
      // The Graph lookup itself was allowed (the fake is on the list); the download never left.
      expect(fake.calls.map((c) => c.route).filter((r) => r !== "meta.media" && r !== "redirect")).toEqual([]);
    });

    it(`Exotel recording URL → ${name}: refused, target untouched, job FAILED with the reason`, async () => {
      const { attachment, job } = await fetchJob("EXOTEL", url());
      expect(attachment).toMatchObject({ fetchState: "FAILED", storageKey: null });
      expect(attachment.fetchError).toMatch(reason);
      expect(job.state).toBe("FAILED");
      expect(target.calls).toEqual([]);
    });
  }

  it("credentials follow no redirect off the provider's own host", async () => {
    // An allowed second host (the target, by its exact IP:port) reached through a redirect from Exotel's API host.
    const { env } = await import("../env");
    const before = env().FETCH_ALLOWED_HOSTS;
    // env() is read once per process; this test swaps the parsed list the same way start-up would have.
    (env() as { FETCH_ALLOWED_HOSTS: string[] }).FETCH_ALLOWED_HOSTS = [
      `http://127.0.0.1:${fake.port}`,
      `http://127.0.0.1:${target.port}`,
    ];
    try {
      const cdn = `http://127.0.0.1:${target.port}/exotel/recordings/${uid()}.mp3`;
      const { attachment } = await fetchJob("EXOTEL", `${fake.url}/redirect?to=${encodeURIComponent(cdn)}`);
      // The target (another host) answered without Exotel's credentials, so its own check refused it.
      expect(fake.calls[0]).toMatchObject({
        route: "redirect",
        headers: { authorization: "Basic " + Buffer.from("exo-key:exo-token").toString("base64") },
      });
      expect(target.calls).toHaveLength(1);
      expect(target.calls[0].headers.authorization).toBeUndefined();
      expect(attachment.fetchState).toBe("STORED");
    } finally {
      (env() as { FETCH_ALLOWED_HOSTS: string[] }).FETCH_ALLOWED_HOSTS = before;
    }
  });
});
