// `--watch-items=N` of the ingest bench (issue 16: ingest with 10,000 watch items within 10 % of
// none): N watch items a district might keep — vehicles and two-word phrases in Hinglish and
// Devanagari — parsed by the app's own parseWatch (so their keys are what an officer's would be),
// inserted as a supervisor's shared watches. A few may match the bench's messages, as some would.
//   tsx --conditions=react-server bench/ingest/seed-watch.ts <N>   (DATABASE_URL: the migrated bench database)
import crypto from "node:crypto";
import pg from "pg";
import { parseWatch } from "../../lib/watch/parse-watch";
import { currentGazetteer } from "../../lib/entities/current-gazetteer";

const n = Number(process.argv[2] ?? "10000");
const WORDS = [
  ..."smack ganja charas afeem heroin daru tharra katta tamancha pistol goli chori dakaiti lootpaat jua satta"
    .split(" ")
    .concat(
      "supari rangdari kidnapping apaharan chhedkhani dhamki nakli note hawala tasker giroh adda bhatti".split(" "),
    )
    .concat("गांजा चरस अफीम तमंचा कट्टा सट्टा जुआ रंगदारी अपहरण छेड़खानी धमकी नकली गिरोह अड्डा भट्ठी तस्कर".split(" "))
    // Words the bench's messages also use, as a district's real watches would: most messages then
    // overlap some item and queue a `watch.match` job, the dearer path.
    .concat("sharab शराब drug स्नैचिंग".split(" ")),
];
const pick = <T>(xs: T[]) => xs[crypto.randomInt(0, xs.length)];
const letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
const vehicle = () =>
  `UP${crypto.randomInt(11, 96)}${pick([...letters])}${pick([...letters])}${crypto.randomInt(1000, 10000)}`;

const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
await c.connect();
const owner = (
  await c.query(
    `INSERT INTO "User" ("id", "username", "name", "passwordHash", "role", "updatedAt")
     VALUES (gen_random_uuid(), 'bench-watch-' || md5(random()::text), 'Bench SP', 'x', 'SUPERVISOR', now()) RETURNING "id"`,
  )
).rows[0].id as string;
const seen = new Set<string>();
const rows: unknown[][] = [];
const gazetteer = currentGazetteer();
while (rows.length < n) {
  const input =
    rows.length % 2 === 0
      ? ({ kind: "ENTITY", entityKind: "vehicle", value: vehicle() } as const)
      : ({ kind: "PHRASE", value: `${pick(WORDS)} ${pick(WORDS)} ${crypto.randomInt(1, 1000)}` } as const);
  const p = parseWatch(input, gazetteer);
  if (!p.ok || seen.has(`${p.kind}:${p.normalised}`)) continue;
  seen.add(`${p.kind}:${p.normalised}`);
  rows.push([p.kind, p.entityKind, p.value, p.normalised, p.keys]);
}
for (let i = 0; i < rows.length; i += 1000) {
  const chunk = rows.slice(i, i + 1000);
  await c.query(
    `INSERT INTO "WatchItem" ("id", "kind", "entityKind", "value", "normalised", "keys", "ownerId", "shared")
     SELECT gen_random_uuid(), r.kind::"WatchKind", r."entityKind", r.value, r.normalised, r.keys, $2::uuid, true
     FROM jsonb_to_recordset($1::jsonb) AS r(kind text, "entityKind" text, value text, normalised text, keys text[])`,
    [
      JSON.stringify(
        chunk.map(([kind, entityKind, value, normalised, keys]) => ({ kind, entityKind, value, normalised, keys })),
      ),
      owner,
    ],
  );
}
await c.query(`ANALYZE "WatchItem"`);
console.error(`seeded ${rows.length} watch items`);
await c.end();
