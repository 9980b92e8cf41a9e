// Must-show (issue 15 item 4, ADR 0609): an URGENT tip nobody claims makes an open desk queue
// alert — listed with a claim button, the alert sound repeating — without a reload, and the alert
// stops once it is claimed. The e2e server sets DESK_UNCLAIMED_ALERT_MINUTES=0 (e2e/env.ts), so the
// recurring `tips.unclaimed` sweep (every minute, on the server's own clock) raises it at its next
// run. The sound is counted where it is asked for: HTMLMediaElement.play on the alert's file.
import { test, expect } from "./fixtures";
import { callAction, newTip, token } from "./tip-helpers";

test("an unclaimed urgent tip alerts an open queue until it is claimed", async ({ as, request }) => {
  test.setTimeout(180_000);
  const officer = await as("officer");
  await officer.addInitScript(() => {
    const w = window as unknown as { __alertPlays: number };
    w.__alertPlays = 0;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (this.src.includes("/sounds/watch-hit.wav")) w.__alertPlays++;
      return play.call(this).catch(() => undefined);
    };
  });
  const plays = () => officer.evaluate(() => (window as unknown as { __alertPlays: number }).__alertPlays);

  await officer.goto("/queue?view=all&dir=desc");
  await expect(officer.getByTestId("live-status")).toHaveAttribute("data-state", "live");
  await officer.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const { ref } = await newTip(request, officer, `Hathiyar ki supply aaj raat ${token()}`);
  const set = await callAction(officer.request, ref, "updateFieldAction", [
    ref,
    { field: "priority", value: "URGENT" },
  ]);
  expect(set.result?.ok).toBe(true);

  // The next sweep (within a minute) lists it on the open queue, and the sound starts and repeats.
  const item = officer.locator(`[data-testid="unclaimed-tip"][data-ref="${ref}"]`);
  await expect(item).toBeVisible({ timeout: 100_000 });
  await expect.poll(plays, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const first = await plays();
  await expect.poll(plays, { timeout: 30_000 }).toBeGreaterThan(first);
  expect(await officer.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await officer.screenshot({ path: "test-results/unclaimed-alert.png", fullPage: true });

  // A claim from the alert ends it: the item goes, and (no other urgent tip unclaimed) so does the sound.
  await item.getByTestId("unclaimed-claim").click();
  await expect(officer.getByTestId("queue-message")).toContainText(ref);
  await expect(item).toHaveCount(0);
  // No other spec makes a tip URGENT, so nothing else keeps the queue alerting.
  await expect(officer.getByTestId("unclaimed-tip")).toHaveCount(0);
  const after = await plays();
  // Longer than the repeat interval (15 s): a running repeat would have played again.
  await officer.waitForTimeout(20_000);
  expect(await plays()).toBe(after);

  // The stage is on the tip's history (audited).
  await officer.goto(`/tips/${ref}`);
  await expect(
    officer.getByTestId("history-panel").locator('[data-testid="audit-row"][data-action="tip.unclaimed_escalated"]'),
  ).toHaveCount(1);
});
