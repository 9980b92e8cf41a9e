import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

export default async function Home() {
  const actor = await requirePage("queue:read");
  redirect(can(actor.role, "dashboard:read") && actor.role === "SUPERVISOR" ? "/dashboard" : "/queue");
}
