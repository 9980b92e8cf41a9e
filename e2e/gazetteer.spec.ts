// Admin → Gazetteer (ADR 0704) in Chromium: a file with broken rows is refused with each row named
// and nothing changes; a good file (the shipped one plus a new locality) is used at once, and the
// next tip naming the new place shows it among its entities.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { newTip, token } from "./tip-helpers";

const shipped = fs.readFileSync(path.resolve("lib/entities/gazetteer/prayagraj.csv"), "utf8").trimEnd();
const csv = (text: string) => ({ name: "places.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

test("an admin uploads a replacement gazetteer: broken rows named and nothing changed, then a good file used at once", async ({
  as,
  request,
}) => {
  const admin = await as("admin");
  await admin.goto("/admin/gazetteer");
  const before = await admin.getByTestId("gazetteer-row").count();

  await admin.getByTestId("gazetteer-file").setInputFiles(csv(`${shipped}\nvillage,Foo,फू,\nstation,Bar\n`));
  await admin.getByTestId("gazetteer-upload").click();
  const errors = admin.getByTestId("gazetteer-errors");
  await expect(errors.locator("li")).toHaveCount(2);
  await expect(errors).toContainText("kind must be station or locality");
  await expect(errors).toContainText("expected 3 or 4 comma-separated fields");
  await expect(admin.getByTestId("action-error")).toContainText("Nothing has changed");
  await admin.reload();
  await expect(admin.getByTestId("gazetteer-row")).toHaveCount(before);

  const place = `Zq${Array.from({ length: 6 }, () => String.fromCharCode(97 + crypto.randomInt(26))).join("")}pur`;
  await admin.getByTestId("gazetteer-file").setInputFiles(csv(`${shipped}\nlocality,${place},नयापुर,\n`));
  await admin.getByTestId("gazetteer-upload").click();
  await expect(admin.getByTestId("gazetteer-saved")).toBeVisible();
  await expect(admin.locator(`[data-testid="gazetteer-row"][data-name="${place}"]`)).toBeVisible();
  await expect(admin.getByTestId("gazetteer-source")).toHaveAttribute("data-kind", "upload");
  await admin.screenshot({ path: "test-results/gazetteer.png", fullPage: true });

  const { ref } = await newTip(request, admin, `${token()} ${place} ke paas daru bikti hai`);
  await admin.goto(`/tips/${ref}`);
  await expect(admin.locator(`[data-testid="entity"][data-kind="place"][data-value="${place}"]`)).toBeVisible();
  // Put the shipped list back (as an upload) for the other specs.
  await admin.goto("/admin/gazetteer");
  await admin.getByTestId("gazetteer-file").setInputFiles(csv(shipped));
  await admin.getByTestId("gazetteer-upload").click();
  await expect(admin.getByTestId("gazetteer-saved")).toBeVisible();
});
