// Gives the demo supervisor a second factor for the dashboard bench (supervisors need one, ADR 0010)
// and prints its base32 secret, from which bench/dashboard/run.mjs computes the sign-in code. Runs
// with the bench server's environment (same database, same demo secrets).
import { db, closeDb } from "../../lib/db";
import { seal } from "../../lib/auth/two-factor/secret-box";
import { newTotpSecret } from "../../lib/auth/two-factor/totp";

const secret = newTotpSecret();
await db.user.update({
  where: { username: "supervisor" },
  data: { totpSecret: seal(secret), totpEnabledAt: new Date(), totpLastStep: null },
  select: { id: true },
});
console.log(secret);
await closeDb();
