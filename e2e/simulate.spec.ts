// The simulator's traffic — every provider, every WhatsApp type, calls, duplicates — is accepted
// by the real app and processed: media fetched from the fake provider API, acknowledgements sent.
import { test, expect } from "./fixtures";
import { E2E } from "./env";
import { simulate } from "../scripts/simulate";

test("simulated signed traffic for Meta, Twilio and Exotel is all accepted and processed", async ({ as, request }) => {
  test.setTimeout(120_000);
  await request.post(`${E2E.fakeUrl}/_reset`);
  const env = E2E.serverEnv;
  const { stats } = await simulate({
    url: E2E.baseUrl,
    "fake-url": E2E.fakeUrl,
    "public-url": env.PUBLIC_BASE_URL,
    rate: "8",
    duration: "30",
    count: "60",
    seed: "20261129",
    duplicates: "0.15",
    "app-secret": env.WHATSAPP_APP_SECRET,
    "phone-number-id": env.WHATSAPP_PHONE_NUMBER_IDS,
    "twilio-sid": env.TWILIO_ACCOUNT_SID,
    "twilio-token": env.TWILIO_AUTH_TOKEN,
    "twilio-number": env.TWILIO_WHATSAPP_FROM,
    "exotel-token": env.EXOTEL_WEBHOOK_TOKEN,
  });
  expect(stats.errors).toBe(0);
  const labels = Object.keys(stats.byLabel);
  for (const [label, codes] of Object.entries(stats.byLabel)) expect(Object.keys(codes), label).toEqual(["200"]);
  for (const p of ["meta.", "twilio.", "exotel."])
    expect(
      labels.some((l) => l.startsWith(p)),
      p,
    ).toBe(true);
  expect(labels.some((l) => l.endsWith("(duplicate)"))).toBe(true);

  // The media the traffic mentioned was fetched from the fake, and acknowledgements went out.
  type Call = { route: string; status?: number };
  await expect
    .poll(
      async () => {
        const calls = (await (await request.get(`${E2E.fakeUrl}/_calls`)).json()) as Call[];
        return [...new Set(calls.filter((c) => c.status === 200 || c.status === 201).map((c) => c.route))].sort();
      },
      { timeout: 60_000 },
    )
    .toEqual(expect.arrayContaining(["meta.download", "meta.media", "meta.send", "twilio.send", "exotel.recording"]));

  const admin = await as("admin");
  await admin.goto("/admin/webhooks");
  const summary = admin.getByTestId("webhook-summary");
  for (const p of ["WhatsApp (Meta) · Processed", "Twilio · Processed", "Exotel · Processed"])
    await expect(summary).toContainText(p);
  await expect(admin.getByTestId("webhook-events").locator("tbody tr").first()).toBeVisible();
});
