// The network page (ADR 0703) in Chromium: from a tip's connected tips to the graph drawn as SVG and
// the same graph as a table, then on to the network around one entity; axe finds no violation.
import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import { newTip, token } from "./tip-helpers";

test("a supervisor opens the network around a tip and then around the vehicle it shares", async ({ as, request }) => {
  const sup = await as("supervisor");
  const num = String(crypto.randomInt(1000, 9999));
  const series = String.fromCharCode(65 + crypto.randomInt(26), 65 + crypto.randomInt(26));
  const plate = `UP70${series}${num}`;
  const upi = `net${token()}@ybl`;
  const a = await newTip(request, sup, `${token()} gaadi UP 70 ${series} ${num} se maal aata hai, paisa ${upi} pe`);
  const b = await newTip(request, sup, `${token()} wahi gaadi UP70${series}${num} phir dikhi`);
  const c = await newTip(request, sup, `${token()} paisa ${upi} pe bhejte hain`);

  await sup.goto(`/tips/${a.ref}`);
  await sup.getByTestId("network-link").click();
  await expect(sup).toHaveURL(new RegExp(`/network\\?tip=${a.ref}$`));
  const graph = sup.getByTestId("network-graph");
  await expect(graph).toBeVisible();
  for (const ref of [a.ref, b.ref, c.ref])
    await expect(graph.locator(`[data-testid="network-node"][data-node="t:${ref}"]`)).toHaveCount(1);
  await expect(graph.locator(`[data-node="e:vehicle:${plate}"]`)).toHaveCount(1);
  await expect(graph.locator(`[data-node="e:upi:${upi}"]`)).toHaveCount(1);
  await expect(graph.locator("line")).toHaveCount(4);
  const table = sup.getByTestId("network-table");
  await expect(table.locator(`[data-testid="network-row"][data-ref="${a.ref}"]`)).toContainText("Centre");
  await expect(table.locator(`[data-testid="network-row"][data-ref="${b.ref}"]`)).toContainText(plate);
  await expect(sup.getByTestId("network-capped")).toHaveCount(0);
  const axe = await new AxeBuilder({ page: sup }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await sup.screenshot({ path: "test-results/network-tip.png", fullPage: true });

  // From the table to the network around the vehicle: b and a one step out, the UPI id two.
  await table
    .locator(`[data-testid="network-row"][data-ref="${b.ref}"]`)
    .getByTestId("network-entity-link")
    .filter({ hasText: plate })
    .click();
  await expect(sup.getByRole("heading", { level: 1 })).toContainText(plate);
  await expect(sup.getByTestId("network-row")).toHaveCount(2);
  await expect(sup.locator(`[data-testid="network-row"][data-ref="${c.ref}"]`)).toHaveCount(0);
  await expect(sup.getByTestId("network-graph").locator(`[data-node="e:upi:${upi}"]`)).toHaveCount(1);
  await sup.screenshot({ path: "test-results/network-entity.png", fullPage: true });

  // A value that is not an entity: a clear message, no graph.
  await sup.goto("/network?entity=nonsense");
  await expect(sup.getByTestId("network-invalid")).toBeVisible();
});
