// Demo data: Prayagraj police stations and one user per role. Runs only in demo mode and is
// idempotent (a restart keeps existing data and adds nothing twice). Demo users are flagged `demo`:
// a start outside demo mode disables them (lib/demo/disable-demo-users.ts). The two officers work
// the district's desk, so they are district-wide; the supervisor and admin enrol a second factor at
// their first sign-in, like any privileged account.
import { db } from "../db";
import { createUser } from "../users/create-user";
import { env } from "../env";

export const DEMO_USERS = [
  {
    username: "officer",
    password: "mukhbir-officer",
    name: "SI Ramesh Yadav",
    role: "OFFICER" as const,
    districtWide: true,
  },
  {
    username: "officer2",
    password: "mukhbir-officer2",
    name: "HC Sunita Verma",
    role: "OFFICER" as const,
    districtWide: true,
  },
  {
    username: "supervisor",
    password: "mukhbir-supervisor",
    name: "SP Crime Anjali Singh",
    role: "SUPERVISOR" as const,
  },
  { username: "admin", password: "mukhbir-admin", name: "Admin Vikas Mishra", role: "ADMIN" as const },
];

export const DEMO_STATIONS: [string, string][] = [
  ["Civil Lines", "सिविल लाइंस"],
  ["Kotwali", "कोतवाली"],
  ["Dhoomanganj", "धूमनगंज"],
  ["Kydganj", "कीडगंज"],
  ["Naini", "नैनी"],
  ["Jhunsi", "झूंसी"],
  ["Phaphamau", "फाफामऊ"],
  ["Colonelganj", "कर्नलगंज"],
  ["Kareli", "करेली"],
  ["Shivkuti", "शिवकुटी"],
];

export async function seedDemo() {
  for (const [name, nameHi] of DEMO_STATIONS)
    await db.policeStation.upsert({ where: { name }, update: {}, create: { name, nameHi, district: "Prayagraj" } });
  for (const u of DEMO_USERS) {
    const exists = await db.user.findUnique({
      where: { username: u.username },
      select: { id: true, demo: true, active: true },
    });
    if (!exists) await createUser(db, { ...u, locale: "en" }, { demo: true });
    // Disabled by a start outside demo mode: back in demo mode, they work again.
    else if (exists.demo && !exists.active)
      await db.user.update({ where: { id: exists.id }, data: { active: true }, select: { id: true } });
  }
  // A few dozen realistic tips through the real ingest pipeline, once (lib/demo/seed-tips.ts).
  // Imported only when there is nothing yet: it pulls in sharp (libvips) and the simulator's
  // texts, which a server that finds its demo data in place never needs (ADR 0807).
  if (env().DEMO_TIPS && (await db.tip.count()) === 0) await (await import("./seed-tips")).seedDemoTips();
}
