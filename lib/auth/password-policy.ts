// The password rule for every password a person chooses (admin create/reset, `npm run user:create`,
// the first admin from ADMIN_PASSWORD): at least 12 characters and not one of the 49,233 most common
// passwords (lib/auth/common-passwords.txt: the ranked frequency list zxcvbn ships, MIT, from public
// breach corpora; lower-cased). Length beats complexity rules (NIST SP 800-63B §5.1.1.2).
import fs from "node:fs";
import path from "node:path";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), "lib", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter(Boolean),
  );
  return common;
}

export type PasswordProblem = "tooShort" | "tooLong" | "common";

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  if (commonPasswords().has(password.toLowerCase())) return "common";
  return null;
}
