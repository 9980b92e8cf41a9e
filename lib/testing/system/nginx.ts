// Debian's nginx as a test's child process, in front of app instances: the load balancer of the
// cluster scenario. The proxy settings are deploy/nginx/mukhbir-proxy.conf, the same file a
// deployment includes, so the test exercises the deployed configuration; only the wrapper (ports,
// temp folders, no TLS) is the test's own. Runs without touching system files (`nginx -p DIR`).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitFor } from "./stack";

const root = path.resolve(__dirname, "../../..");
export const PROXY_CONF = path.join(root, "deploy/nginx/mukhbir-proxy.conf");

// Debian installs it in /usr/sbin, which a non-root PATH may lack.
const NGINX_BIN = fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

export type Nginx = { url: string; port: number; dir: string; stop: () => Promise<void> };

export async function startNginx(opts: { port: number; upstreams: number[] }): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-nginx-"));
  const servers = opts.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join("\n");
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `  ${t}_temp_path ${dir}/${t};`)
    .join("\n");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root;\n" : ""}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
${temp}
  upstream mukhbir {
${servers}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${opts.port};
    include ${PROXY_CONF};
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX_BIN, ["-p", dir, "-c", path.join(dir, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (b) => (stderr += b));
  let failed: string | undefined;
  child.on("error", (e) => (failed = `${e.message} (the cluster test needs Debian's nginx: apt-get install nginx)`));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor(
    "nginx to answer",
    async () => {
      if (failed) throw new Error(`nginx did not start: ${failed}`);
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      return fetch(`${url}/api/health`).then(
        (r) => r.status > 0,
        () => false,
      );
    },
    20_000,
    100,
  );
  return {
    url,
    port: opts.port,
    dir,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
