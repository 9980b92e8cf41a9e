// A raw Server-Sent Events client (node:http, one socket per stream, no browser): what a desk of
// open queues looks like to the server. Keeps the tips each stream was told about.
import http from "node:http";

export type LiveStream = {
  /** Tip ids of the `tip.created` events received. */
  created: Set<string>;
  events: number;
  resyncs: number;
  ready: boolean;
  /** Set when the stream failed or ended before it was closed (and, with `reconnect`, is not retrying). */
  ended?: string;
  lastId?: string;
  /** With `reconnect`: how many times the stream came back after losing its server. */
  reconnects: number;
  close: () => void;
};

/**
 * Opens a live stream. `reconnect` behaves as a browser's EventSource does: when the connection
 * drops or the server ends it, it connects again (through the same URL, e.g. a load balancer) after
 * `retryMs`, sending the last event id it saw as Last-Event-ID, so the server resumes from there.
 */
export function openLiveStream(
  url: string,
  cookie: string,
  opts: { reconnect?: boolean; retryMs?: number } = {},
): LiveStream {
  const s: LiveStream = {
    created: new Set(),
    events: 0,
    resyncs: 0,
    ready: false,
    reconnects: 0,
    close: () => undefined,
  };
  let closing = false;
  let req: http.ClientRequest | undefined;
  let timer: NodeJS.Timeout | undefined;
  const lost = (why: string) => {
    if (closing) return;
    if (!opts.reconnect) {
      s.ended ??= why;
      return;
    }
    s.ended = why;
    timer = setTimeout(() => {
      s.reconnects++;
      connect();
    }, opts.retryMs ?? 500);
  };
  const connect = () => {
    let gone = false;
    const once = (why: string) => {
      if (gone) return;
      gone = true;
      lost(why);
    };
    const headers: Record<string, string> = { cookie, accept: "text/event-stream" };
    if (s.lastId) headers["last-event-id"] = s.lastId;
    req = http.get(url, { agent: false, headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return once(`HTTP ${res.statusCode}`);
      }
      s.ended = undefined;
      res.setEncoding("utf8");
      let buf = "";
      res.on("data", (chunk: string) => {
        buf += chunk;
        let cut: number;
        while ((cut = buf.indexOf("\n\n")) >= 0) {
          frame(s, buf.slice(0, cut));
          buf = buf.slice(cut + 2);
        }
      });
      res.on("end", () => once("ended by the server"));
      res.on("error", (e) => once(e.message));
    });
    req.on("error", (e) => once(e.message));
  };
  connect();
  s.close = () => {
    closing = true;
    if (timer) clearTimeout(timer);
    req?.destroy();
  };
  return s;
}

function frame(s: LiveStream, text: string) {
  let event = "message";
  let data = "";
  for (const line of text.split("\n")) {
    if (line.startsWith("id: ")) s.lastId = line.slice(4);
    else if (line.startsWith("event: ")) event = line.slice(7);
    else if (line.startsWith("data: ")) data += line.slice(6);
  }
  if (event === "ready") s.ready = true;
  if (event === "resync") s.resyncs++;
  if (event !== "tip") return;
  s.events++;
  const d = JSON.parse(data) as { type: string; tipId: string };
  if (d.type === "tip.created") s.created.add(d.tipId);
}

/** The live cursor a page rendered with (in its RSC payload), e.g. `1234:1240:1236`. */
export function renderedCursor(html: string): string | null {
  const m = html.match(/\\*"cursor\\*":\\*"(\d+:\d+:[\d,]*)\\*"/);
  return m ? m[1] : null;
}
