import { requirePage } from "@/lib/auth/guard";
import { AppShell } from "@/components/shell/app-shell";
import { env } from "@/lib/env";

// Every page below checks its own permission too; this only draws the shell for a signed-in user
// (also one who still has to set up their second factor: the account page lives in this shell).
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("queue:read", { enrolment: true });
  return (
    <AppShell actor={actor} idleMinutes={env().SESSION_IDLE_MINUTES}>
      {children}
    </AppShell>
  );
}
