import { requirePage } from "@/lib/auth/guard";
import { AppShell } from "@/components/shell/app-shell";
import { env } from "@/lib/env";

// Every page below checks its own permission too; this only draws the shell for a signed-in user.
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("queue:read");
  return (
    <AppShell actor={actor} idleMinutes={env().SESSION_IDLE_MINUTES}>
      {children}
    </AppShell>
  );
}
