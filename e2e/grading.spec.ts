// Source and information grading (ADR 0707) in Chromium against the real server: an officer grades
// a tip on its page, the queue shows the grade in its column and filters by it on the server; a grade
// outside the scale (a tampered form) gets the clear message and changes nothing.
import { test, expect } from "./fixtures";
import { newTip, token } from "./tip-helpers";

test("an officer grades a tip; the queue shows the grade and filters by it", async ({ as, request }) => {
  const officer = await as("officer");
  const shared = token();
  const graded = await newTip(request, officer, `grading ${token()} ${shared} sharab ki bhatti`);
  const ungraded = await newTip(request, officer, `grading ${token()} ${shared} ganja ki dukaan`);

  // Before grading: the queue suggests the source evaluation from the (new, untested) alias.
  const queue = `/queue?view=all&q=${shared}`;
  await officer.goto(queue);
  const table = officer.getByTestId("queue-table");
  const row = (ref: string) => table.locator("tbody tr", { hasText: ref });
  await expect(row(graded.ref).getByTestId("grade-cell")).toContainText("2?");
  await expect(table.getByRole("columnheader", { name: "Grade" })).toBeVisible();

  await officer.goto(`/tips/${graded.ref}`);
  const panel = officer.getByTestId("grade-panel");
  await expect(panel.getByTestId("grade-current")).toHaveText("Not graded yet");
  await expect(panel.getByTestId("grade-suggested")).toContainText("2 — Untested");
  await panel.getByLabel("Source evaluation").selectOption("1");
  await panel.getByLabel("Information assessment").selectOption("B");
  await panel.getByLabel("Handling code").selectOption("C");
  await panel.getByRole("button", { name: "Save grade" }).click();
  await expect(panel.getByTestId("grade-current")).toHaveText("Grade: 1B C");
  await expect(officer.getByTestId("event").filter({ hasText: "graded the tip" })).toBeVisible();

  // The queue: the grade in its column; the filters narrow the rows on the server (the URL says so).
  await officer.goto(queue);
  await expect(row(graded.ref).getByTestId("grade-cell")).toHaveText("1B C");
  await expect(row(ungraded.ref)).toBeVisible();
  await officer.getByTestId("filter-source").selectOption("1");
  await expect(officer).toHaveURL(/source=1/);
  await expect(row(graded.ref)).toBeVisible();
  await expect(row(ungraded.ref)).toHaveCount(0);
  await officer.getByTestId("filter-intel").selectOption("E");
  await expect(officer).toHaveURL(/intel=E/);
  await expect(row(graded.ref)).toHaveCount(0);
  await officer.goto(`${queue}&source=none`);
  await expect(row(ungraded.ref)).toBeVisible();
  await expect(row(graded.ref)).toHaveCount(0);
});

test("a grade outside the scale is refused with a clear message and changes nothing", async ({ as, request }) => {
  const officer = await as("officer");
  const { ref } = await newTip(request, officer, `grading ${token()} bad grade`);
  await officer.goto(`/tips/${ref}`);
  const panel = officer.getByTestId("grade-panel");
  // A tampered form: a source evaluation the scale does not have.
  const source = panel.getByLabel("Source evaluation");
  await source.evaluate((el) => el.append(new Option("4", "4")));
  await source.selectOption("4");
  await panel.getByRole("button", { name: "Save grade" }).click();
  await expect(panel.getByTestId("action-error")).toHaveText(
    "The grade must be on the 3x5x2 scale: source 1, 2 or 3; information A to E; handling P or C. Nothing was changed.",
  );
  await officer.reload();
  await expect(officer.getByTestId("grade-panel").getByTestId("grade-current")).toHaveText("Not graded yet");
});

test("a false report and a supervisor's abuse mark: the alias's next tip warns and suggests 3; the mark is lifted", async ({
  as,
  request,
}) => {
  const officer = await as("officer");
  const sup = await as("supervisor");
  const first = await newTip(request, officer, `grading ${token()} framing first`);

  // The supervisor marks the alias on its first tip, and closes that tip as false information.
  await sup.goto(`/tips/${first.ref}`);
  const mark = sup.getByTestId("abusing-panel");
  await mark.getByLabel("Why (kept in the audit trail)").fill("named the same rivals in every tip");
  await mark.getByRole("button", { name: /as abusing the line/ }).click();
  await expect(mark.getByRole("button", { name: /Lift the abuse mark/ })).toBeVisible();
  const close = sup.getByTestId("close-panel");
  await close.getByLabel("Outcome").selectOption("FALSE_INFORMATION");
  await close.getByLabel("Closing summary").fill("nothing found at the address; rivals named");
  await close.getByRole("button", { name: "Close tip" }).click();
  await expect(sup.getByTestId("tip-status")).toHaveAttribute("data-status", "CLOSED");

  // The same informant writes again: a new tip, which warns and suggests source evaluation 3.
  const second = await newTip(request, officer, `grading ${token()} framing second`, first.from);
  expect(second.ref).not.toBe(first.ref);
  await officer.goto(`/tips/${second.ref}`);
  const grade = officer.getByTestId("grade-panel");
  await expect(grade.getByTestId("abusing-warning")).toBeVisible();
  await expect(grade.getByTestId("grade-suggested")).toContainText("3 — Not reliable");
  await officer.goto(`/queue?view=all&q=${second.ref}`);
  const row = officer.getByTestId("queue-table").locator("tbody tr", { hasText: second.ref });
  await expect(row.getByTestId("abusing-mark")).toBeVisible();

  // Lifted by the supervisor: the warning goes; the false report still counts against the alias.
  await sup.goto(`/tips/${second.ref}`);
  await sup
    .getByTestId("abusing-panel")
    .getByRole("button", { name: /Lift the abuse mark/ })
    .click();
  await expect(sup.getByTestId("abusing-panel").getByRole("button", { name: /as abusing the line/ })).toBeVisible();
  await officer.goto(`/tips/${second.ref}`);
  await expect(officer.getByTestId("grade-panel").getByTestId("abusing-warning")).toHaveCount(0);
  await expect(officer.getByTestId("grade-panel").getByTestId("grade-suggested")).toContainText("3 — Not reliable");
});
