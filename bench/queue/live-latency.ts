// Live latency: with the queue open in Chromium, how long from posting a signed WhatsApp webhook
// until its row is in the page, over 20 posts. Starts its own server (PGlite) on QUEUE_BENCH_PORT.
// Usage: NEXT_DIST_DIR=.next-queue node node_modules/tsx/dist/cli.mjs bench/queue/live-latency.ts
import fs from "node:fs";
import os from "node:os";
import { chromium, request as pwRequest } from "@playwright/test";
import { postWhatsAppTo, startServer, testPhone } from "../../e2e/queue-servers";
import { whatsappText } from "../../e2e/webhooks";
import { percentile, signInCookie } from "./http";

const PORT = Number(process.env.QUEUE_BENCH_PORT ?? 3410);
const POSTS = Number(process.env.QUEUE_BENCH_POSTS ?? 20);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const server = await startServer({ port: PORT, fresh: true });
const browser = await chromium.launch({ executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined });
try {
  const cookie = await signInCookie(server.url, "officer", "mukhbir-officer");
  const context = await browser.newContext({ baseURL: server.url });
  await context.addCookies(
    cookie.split("; ").map((kv) => ({ name: kv.split("=")[0], value: kv.slice(kv.indexOf("=") + 1), url: server.url })),
  );
  const page = await context.newPage();
  await page.goto("/queue");
  await page.getByTestId("live-status").and(page.locator('[data-state="live"]')).waitFor();
  const api = await pwRequest.newContext();
  const ms: number[] = [];
  for (let i = 0; i < POSTS; i++) {
    const text = `latency probe ${i} ${Date.now().toString(36)}`;
    const t0 = performance.now();
    const res = await postWhatsAppTo(api, server.url, whatsappText(testPhone(), text));
    if (res.status() !== 200) throw new Error(`webhook → ${res.status()}`);
    await page.getByTestId("queue-table").locator("tbody tr", { hasText: text }).waitFor();
    ms.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(
    `posts: ${POSTS}; webhook sent → row visible: p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
  );
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; ${new Date().toISOString()}`,
  );
  await api.dispose();
} finally {
  await browser.close();
  await server.stop();
}
