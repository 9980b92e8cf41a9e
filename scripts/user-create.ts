// `npm run user:create -- --username admin --name "Admin" --role ADMIN [--station "Kotwali"]`
// The password is read from the MUKHBIR_PASSWORD variable or asked for (never a command-line flag,
// which would land in shell history and `ps`).
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { db, raw, closeDb } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { createUser } from "../lib/users/create-user";

const { values } = parseArgs({
  options: { username: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "OFFICER" }, station: { type: "string" } },
});
if (!values.username) {
  console.error('Usage: npm run user:create -- --username NAME [--name "Full name"] [--role OFFICER|SUPERVISOR|ADMIN] [--station NAME]');
  process.exit(2);
}
let password = process.env.MUKHBIR_PASSWORD ?? "";
if (!password) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Password (10+ characters): ");
  rl.close();
}
await migrate(raw());
const station = values.station ? await db.policeStation.findUnique({ where: { name: values.station }, select: { id: true } }) : null;
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
  });
  console.log(`Created ${user.role} ${user.username}`);
} catch (e) {
  console.error(`Could not create the user: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
