// A TCP proxy between the app and PostgreSQL that can cut the line, for database outages:
//   open       forwards both ways;
//   refuse     resets every connection (RST), existing and new — a database that is down or restarting;
//   drop       accepts new connections but never forwards them, and black-holes existing ones: bytes
//              are read and thrown away in both directions, nothing is closed — a network partition,
//              where only the app's own timeouts can tell. When the line is restored the held
//              connections are reset: the partition healed, and the bytes lost in between mean
//              their streams cannot resume (a real heal resumes them; either way the app learns at once);
//   blackhole  like drop, but the held connections stay black-holed after the restore (a firewall or
//              NAT that lost their state drops their packets silently): the app must give up on them
//              by its own timeouts. New connections after the restore are forwarded.
import net from "node:net";

export type ProxyMode = "open" | "refuse" | "drop" | "blackhole";

export type TcpProxy = {
  port: number;
  mode: () => ProxyMode;
  setMode: (m: ProxyMode) => void;
  /** Connections accepted, reset, black-holed so far. */
  stats: { accepted: number; reset: number; blackholed: number };
  /** `postgresql://…` with host and port replaced by the proxy's. */
  urlFor: (databaseUrl: string) => string;
  close: () => Promise<void>;
};

type Pair = { client: net.Socket; upstream?: net.Socket; holed: boolean };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "open";
  const pairs = new Set<Pair>();
  const stats = { accepted: 0, reset: 0, blackholed: 0 };

  const reset = (p: Pair) => {
    pairs.delete(p);
    stats.reset++;
    p.client.resetAndDestroy();
    p.upstream?.resetAndDestroy();
  };
  const hole = (p: Pair) => {
    if (p.holed) return;
    p.holed = true;
    stats.blackholed++;
  };

  const server = net.createServer((client) => {
    stats.accepted++;
    const p: Pair = { client, holed: false };
    pairs.add(p);
    client.on("error", () => undefined);
    client.on("close", () => {
      pairs.delete(p);
      p.upstream?.destroy();
    });
    if (mode === "refuse") return reset(p);
    if (mode === "drop" || mode === "blackhole") {
      hole(p);
      client.on("data", () => undefined);
      return;
    }
    const upstream = net.connect(target.port, target.host);
    p.upstream = upstream;
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    upstream.on("error", () => client.destroy());
    upstream.on("close", () => {
      // While black-holed the app must not learn that the other side went away either.
      if (!p.holed) client.destroy();
    });
    client.on("data", (d) => void (p.holed || upstream.write(d)));
    upstream.on("data", (d) => void (p.holed || client.write(d)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    stats,
    mode: () => mode,
    setMode: (m) => {
      const before = mode;
      mode = m;
      if (m === "refuse") for (const p of [...pairs]) reset(p);
      if (m === "drop" || m === "blackhole") for (const p of pairs) hole(p);
      if (m === "open" && before === "drop") for (const p of [...pairs]) if (p.holed) reset(p);
    },
    urlFor: (databaseUrl) => {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of [...pairs]) {
          p.client.destroy();
          p.upstream?.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
