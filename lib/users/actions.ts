"use server";
// Admin → Users: each action checks the permission on the server, then one lib/users mutation.
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { adminCreateUser } from "./admin-create-user";
import { updateUser, type UserChange } from "./update-user";
import { userInput } from "./create-user";
import { AppError, runAction } from "../errors";

export async function createUserAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor("admin:users");
    const parsed = userInput.safeParse({
      username: form.get("username"),
      name: form.get("name"),
      password: form.get("password"),
      role: form.get("role"),
      stationId: form.get("stationId") || null,
      districtWide: form.get("districtWide") === "true",
      locale: form.get("locale") || "en",
    });
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join(".")).join(",");
      throw new AppError("invalid", fields, { fields });
    }
    await adminCreateUser(actor, parsed.data);
    revalidatePath("/admin/users");
  });
}

export async function updateUserAction(change: UserChange) {
  return runAction(async () => {
    const actor = await requireActor("admin:users");
    await updateUser(actor, change);
    revalidatePath("/admin/users");
  });
}
