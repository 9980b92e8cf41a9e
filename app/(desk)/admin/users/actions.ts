"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/guard";
import { runAction } from "@/lib/errors";
import { adminCreateUser } from "@/lib/users/admin-create-user";
import { updateUser, type UserChange } from "@/lib/users/update-user";
import { userInput } from "@/lib/users/create-user";
import { AppError } from "@/lib/errors";

export async function createUserAction(_: unknown, form: FormData) {
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
    if (!parsed.success) throw new AppError("invalid", parsed.error.issues.map((i) => i.path.join(".")).join(","), { fields: parsed.error.issues.map((i) => i.path.join(".")).join(",") });
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
