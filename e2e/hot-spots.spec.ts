// Hot spots on the dashboard (ADR 0705) in Chromium: a UPI id three new tips name is listed with its
// count, and its link opens the queue filtered to exactly those tips.
import { test, expect } from "./fixtures";
import { newTip, token } from "./tip-helpers";

test("a supervisor sees today's hot spots and opens the queue filtered to one", async ({ as, request }) => {
  const sup = await as("supervisor");
  const upi = `hot${token()}@ybl`;
  const refs: string[] = [];
  for (let i = 0; i < 3; i++) refs.push((await newTip(request, sup, `${token()} paisa ${upi} pe jaata hai`)).ref);

  await sup.goto("/dashboard?range=today");
  const item = sup.locator(`[data-testid="hot-spot"][data-entity="upi:${upi}"]`);
  await expect(item).toBeVisible();
  await expect(item.getByTestId("hot-spot-tips")).toHaveText("3 tips");
  await sup.getByTestId("hot-spots").screenshot({ path: "test-results/hot-spots.png" });
  await item.getByRole("link").click();
  await expect(sup).toHaveURL(/\/queue\?.*entity=upi/);
  await expect(sup.getByTestId("received-filter")).toBeVisible();
  const rows = sup.getByTestId("queue-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const ref of refs) await expect(rows.filter({ hasText: ref })).toHaveCount(1);
});
