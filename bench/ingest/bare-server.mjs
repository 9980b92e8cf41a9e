// The "minimum" reference for bench/ingest: node:http + pg, verifying the Meta signature on the
// raw body and inserting one row per message (idempotent on the message id). No framework, no
// ORM, no identity handling, no threading: what any ingest endpoint must at least do.
//   node bench/ingest/bare-server.mjs --port 3390 --db postgresql://… --secret S
import http from "node:http";
import crypto from "node:crypto";
import pg from "pg";

const arg = (k, d) => {
  const i = process.argv.indexOf(`--${k}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const port = Number(arg("port", "3390"));
const secret = arg("secret", "bench-secret");
const pool = new pg.Pool({ connectionString: arg("db"), max: 10 });
await pool.query(
  `CREATE TABLE IF NOT EXISTS bench_message (id text PRIMARY KEY, sender text NOT NULL, body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
);

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    const raw = Buffer.concat(chunks);
    const expected = Buffer.from("sha256=" + crypto.createHmac("sha256", secret).update(raw).digest("hex"));
    const got = Buffer.from(String(req.headers["x-hub-signature-256"] ?? ""));
    if (got.length !== expected.length || !crypto.timingSafeEqual(got, expected)) return res.writeHead(401).end();
    try {
      const body = JSON.parse(raw.toString("utf8"));
      for (const e of body.entry)
        for (const c of e.changes)
          for (const m of c.value.messages ?? [])
            await pool.query(
              `INSERT INTO bench_message (id, sender, body) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
              [m.id, m.from, m.text?.body ?? ""],
            );
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    } catch {
      res.writeHead(500).end();
    }
  });
});
server.listen(port, "127.0.0.1", () => console.log(`bare ingest on ${port}`));
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => server.close(() => pool.end().then(() => process.exit(0))));
