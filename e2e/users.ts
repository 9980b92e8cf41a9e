// Creating a user the way an admin does, through Admin → Users.
import { expect, type Page } from "@playwright/test";

export type NewUser = {
  username: string;
  name?: string;
  password: string;
  role?: "OFFICER" | "SUPERVISOR" | "ADMIN";
  station?: string;
  districtWide?: boolean;
};

export function uniqueName(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export async function createUser(admin: Page, u: NewUser) {
  await admin.goto("/admin/users");
  await admin.getByLabel("Username", { exact: true }).fill(u.username);
  await admin
    .getByLabel("Name", { exact: true })
    .first()
    .fill(u.name ?? `Test ${u.username}`);
  await admin.getByLabel("Initial password (12+ characters)").fill(u.password);
  await admin
    .getByLabel("Role")
    .first()
    .selectOption(u.role ?? "OFFICER");
  if (u.station) await admin.getByLabel("Police station").first().selectOption({ label: u.station });
  if (u.districtWide) await admin.getByLabel("District-wide").first().check();
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText("User created.")).toBeVisible();
  return admin.getByTestId(`user-${u.username}`);
}

/** The demo admin creates a user with a fresh name (`prefix…`); returns the admin's page, the name and the user's row. */
export async function adminCreates(
  as: (who: "admin") => Promise<Page>,
  prefix: string,
  password: string,
  u: Omit<NewUser, "username" | "password"> = {},
) {
  const admin = await as("admin");
  const username = uniqueName(prefix);
  const row = await createUser(admin, { ...u, username, password });
  return { admin, username, row };
}
