// The demo supervisor's sign-in code for the benches that read supervisor pages (dashboard, scale):
// gives the supervisor a second factor (bench/dashboard/enrol-supervisor.ts, with the bench server's
// environment: same database, same secrets) and returns a current TOTP code from it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Secret, TOTP } from "otpauth";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/** `env`: the server's environment (DATABASE_URL and the secrets it seals with). */
export function supervisorCode(env) {
  const r = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/dashboard/enrol-supervisor.ts"],
    { cwd: root, env, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`enrolling the supervisor failed: ${r.stderr}`);
  return new TOTP({ secret: Secret.fromBase32(r.stdout.trim()), digits: 6, period: 30 }).generate();
}
