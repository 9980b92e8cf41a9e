// `npm run user:create -- --username admin --name "Admin" --role ADMIN [--station "Kotwali" | --district-wide]`
// The password is read from the MUKHBIR_PASSWORD variable or asked for (never a command-line flag,
// which would land in shell history and `ps`). It must meet the password policy (12+ characters,
// not a common password); an officer needs a station or --district-wide.
import "./demo-default";
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { db, raw, closeDb } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate-database";
import { createUser } from "../lib/users/create-user";
import { passwordProblem } from "../lib/auth/password-policy";
import { env } from "../lib/env";
import { AppError } from "../lib/errors";

const { values } = parseArgs({
  options: {
    username: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "OFFICER" },
    station: { type: "string" },
    "district-wide": { type: "boolean", default: false },
  },
});
if (!values.username) {
  console.error(
    'Usage: npm run user:create -- --username NAME [--name "Full name"] [--role OFFICER|SUPERVISOR|ADMIN] [--station NAME | --district-wide]',
  );
  process.exit(2);
}
let password = process.env.MUKHBIR_PASSWORD ?? "";
if (!password) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Password (12+ characters, not a common one): ");
  rl.close();
}
const problem = passwordProblem(password);
if (problem) {
  console.error(
    problem === "common"
      ? "That password is on the list of common passwords: choose another."
      : "The password needs at least 12 characters.",
  );
  process.exit(1);
}
await migrateDatabase(env(), raw());
const station = values.station
  ? await db.policeStation.findUnique({ where: { name: values.station }, select: { id: true } })
  : null;
if (values.station && !station) {
  console.error(`No police station named "${values.station}"`);
  process.exit(1);
}
try {
  const user = await createUser(db, {
    username: values.username,
    name: values.name ?? values.username,
    password,
    role: values.role as "OFFICER",
    stationId: station?.id ?? null,
    districtWide: values["district-wide"],
  });
  console.log(`Created ${user.role} ${user.username}`);
} catch (e) {
  const why =
    e instanceof AppError && e.code === "stationRequired"
      ? "an officer needs --station NAME or --district-wide"
      : e instanceof Error
        ? e.message
        : String(e);
  console.error(`Could not create the user: ${why}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
