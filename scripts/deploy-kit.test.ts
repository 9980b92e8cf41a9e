// The deploy kit's nginx configuration (deploy/nginx/mukhbir.conf with the proxy settings it
// includes, deploy/nginx/mukhbir-proxy.conf), as shipped, run by Debian's nginx in front of two
// stand-in backends (ADR 0803); the cluster test runs the same proxy file before real instances. Only the machine-specific values are
// substituted: listen ports, upstream addresses, certificate paths (a throw-away self-signed one),
// log paths. It checks what the README and issue 17 ask of the proxy: TLS (and http → https),
// X-Forwarded-For overwritten (a client's forged entry never reaches the app), live streams not
// buffered (an event arrives while the stream is still open), the body limit (413 before the app),
// /api/metrics not exposed, both instances used and a dead one skipped for GETs.
// The systemd unit is checked with systemd-analyze when it is installed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const nginxBin = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-nginx-"));

type Seen = {
  backend: string;
  url: string;
  xff: string | undefined;
  proto: string | undefined;
  host: string | undefined;
};
const seen: Seen[] = [];
let releaseStream: () => void = () => {};
const backends: http.Server[] = [];
let nginx: ChildProcess | null = null;
let httpsPort = 0;
let httpPort = 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function backend(name: string): Promise<number> {
  const server = http.createServer((req, res) => {
    seen.push({
      backend: name,
      url: req.url!,
      xff: req.headers["x-forwarded-for"] as string | undefined,
      proto: req.headers["x-forwarded-proto"] as string | undefined,
      host: req.headers.host,
    });
    if (req.url === "/api/live") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write("event: ready\ndata: {}\n\n");
      // Held open until the test has read the first event through nginx.
      // The proxy may have closed it already (at its own shutdown or a reload): then there is nothing to end.
      releaseStream = () => {
        if (!res.writableEnded && !res.destroyed) res.end("event: bye\ndata: {}\n\n");
      };
      return;
    }
    req.resume().on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end(`${name} ${req.url}`));
  });
  backends.push(server);
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r((server.address() as net.AddressInfo).port)));
}

function request(opts: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  tls?: boolean;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const lib = opts.tls === false ? http : https;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        host: "127.0.0.1",
        port: opts.tls === false ? httpPort : httpsPort,
        path: opts.path,
        method: opts.method ?? "GET",
        headers: { host: "mukhbir.example.in", ...opts.headers },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        let body = "";
        res
          .setEncoding("utf8")
          .on("data", (c: string) => (body += c))
          .on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

beforeAll(async () => {
  if (!nginxBin) throw new Error("nginx is not installed: `apt-get install nginx` (.ci/run installs it)");
  const [a, b] = [await backend("a"), await backend("b")];
  [httpsPort, httpPort] = [await freePort(), await freePort()];
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  const ssl = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      "/CN=mukhbir.example.in",
      "-days",
      "1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { encoding: "utf8" },
  );
  expect(ssl.status, ssl.stderr).toBe(0);

  const site = fs
    .readFileSync(path.join(root, "deploy/nginx/mukhbir.conf"), "utf8")
    .replace("server 127.0.0.1:3000 ", `server 127.0.0.1:${a} `)
    .replace("server 127.0.0.1:3001 ", `server 127.0.0.1:${b} `)
    .replace(/listen \[::\]:\d+[^;]*;\n/g, "")
    .replace(/listen 80;/, `listen 127.0.0.1:${httpPort};`)
    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${httpsPort} ssl http2;`)
    .replace("/etc/ssl/mukhbir/fullchain.pem", cert)
    .replace("/etc/ssl/mukhbir/privkey.pem", key)
    .replace("/var/log/nginx/mukhbir.access.log", path.join(dir, "access.log"))
    .replace(
      "include /etc/nginx/snippets/mukhbir-proxy.conf;",
      `include ${path.join(root, "deploy/nginx/mukhbir-proxy.conf")};`,
    );
  fs.writeFileSync(path.join(dir, "mukhbir.conf"), site);
  // nginx's workers drop to an unprivileged user when started as root: its temp folders must be theirs to write.
  fs.chmodSync(dir, 0o755);
  for (const t of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    fs.mkdirSync(path.join(dir, t), { mode: 0o777 });
  for (const t of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.chmodSync(path.join(dir, t), 0o777);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `${t}_temp_path ${path.join(dir, t)};`)
    .join("\n  ");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;\nworker_processes 1;\npid ${path.join(dir, "nginx.pid")};\nerror_log ${path.join(dir, "error.log")} warn;\nevents { worker_connections 64; }\nhttp {\n  ${temp}\n  access_log off;\n  include ${path.join(dir, "mukhbir.conf")};\n}\n`,
  );
  const t = spawnSync(nginxBin, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
  expect(t.status, t.stderr).toBe(0);
  nginx = spawn(nginxBin, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((r) =>
      net
        .connect(httpsPort, "127.0.0.1")
        .once("connect", function (this: net.Socket) {
          this.destroy();
          r(true);
        })
        .once("error", () => r(false)),
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  releaseStream();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once("exit", r));
    nginx.kill("SIGQUIT");
    await exited;
  }
  await Promise.all(backends.map((s) => new Promise((r) => s.close(r))));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("deploy/nginx/mukhbir.conf under nginx", () => {
  it("serves TLS, redirects http to https, and tells the app the scheme and host", async () => {
    const r = await request({ path: "/queue" });
    expect(r.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ url: "/queue", proto: "https", host: "mukhbir.example.in" });
    const plain = await request({ path: "/queue?x=1", tls: false });
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe("https://mukhbir.example.in/queue?x=1");
    expect(r.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("overwrites X-Forwarded-For with the client's address: a forged entry never reaches the app", async () => {
    await request({
      path: "/login",
      headers: { "x-forwarded-for": "203.0.113.66, 198.51.100.7", "x-real-ip": "203.0.113.66" },
    });
    expect(seen.at(-1)).toMatchObject({ url: "/login", xff: "127.0.0.1" });
  });

  it("streams live events unbuffered: the first event arrives while the stream is still open", async () => {
    const first = await new Promise<string>((resolve, reject) => {
      const req = https.request(
        {
          host: "127.0.0.1",
          port: httpsPort,
          path: "/api/live",
          headers: { host: "mukhbir.example.in", accept: "text/event-stream" },
          rejectUnauthorized: false,
          agent: false,
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8").on("data", (c: string) => {
            text += c;
            // The backend has not ended the response yet: this can only have come through unbuffered.
            if (text.includes("event: ready")) resolve(text);
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(first).toContain("event: ready");
    expect(first).not.toContain("event: bye");
    releaseStream();
  });

  it("refuses a body over the limit before it reaches an instance, and does not expose /api/metrics", async () => {
    const before = seen.length;
    const big = await request({
      path: "/api/webhooks/whatsapp",
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(3 * 1024 * 1024, 0x20),
    });
    expect(big.status).toBe(413);
    const metrics = await request({ path: "/api/metrics", headers: { authorization: "Bearer anything" } });
    expect(metrics.status).toBe(404);
    expect(seen.length).toBe(before);
    const ok = await request({
      path: "/api/webhooks/whatsapp",
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(512 * 1024, 0x20),
    });
    expect(ok.status, fs.readFileSync(path.join(dir, "error.log"), "utf8").slice(-2000)).toBe(200);
  });

  it("uses both instances, and a GET still succeeds when one of them is down", async () => {
    const from = seen.length;
    for (let i = 0; i < 6; i++) expect((await request({ path: `/api/health?i=${i}` })).status).toBe(200);
    expect(new Set(seen.slice(from).map((s) => s.backend))).toEqual(new Set(["a", "b"]));
    await new Promise((r) => backends[0].close(r));
    backends[0].closeAllConnections();
    for (let i = 0; i < 4; i++) {
      const r = await request({ path: `/api/health?down=${i}` });
      expect(r.status).toBe(200);
      expect(r.body.startsWith("b ")).toBe(true);
    }
  });
});

describe("deploy/systemd/mukhbir@.service", () => {
  it("names the start script, the graceful stop and the one writable folder", () => {
    const unit = fs.readFileSync(path.join(root, "deploy/systemd/mukhbir@.service"), "utf8");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/mukhbir\/scripts\/start\.mjs$/m);
    expect(unit).toMatch(/^Environment=PORT=%i$/m);
    expect(unit).toMatch(/^Environment=MUKHBIR_REUSE_BUILD=1$/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    expect(unit).toMatch(/^ReadWritePaths=\/var\/lib\/mukhbir$/m);
    expect(fs.existsSync(path.join(root, "scripts/start.mjs"))).toBe(true);
    const env = fs.readFileSync(path.join(root, "deploy/systemd/mukhbir.env.example"), "utf8");
    expect(env).toMatch(/^TRUSTED_PROXY_HOPS=1$/m);
    // Every variable the example sets is one lib/env.ts knows.
    const known = fs.readFileSync(path.join(root, "lib/env.ts"), "utf8");
    for (const name of env.match(/^[A-Z0-9_]+(?==)/gm) ?? []) expect(known, name).toContain(`${name}:`);
  });
});
