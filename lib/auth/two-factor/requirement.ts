// Who must use a second factor: admins and supervisors always; officers too with REQUIRE_2FA=all.
// Anyone may enrol; once enrolled, a code is asked at every sign-in.
import type { Role } from "../../generated/prisma/enums";
import { env } from "../../env";

export function secondFactorRequired(role: Role): boolean {
  return role !== "OFFICER" || env().REQUIRE_2FA === "all";
}
