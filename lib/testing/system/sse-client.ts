// A raw Server-Sent Events client (node:http, one socket per stream, no browser): what a desk of
// open queues looks like to the server. Keeps the tips each stream was told about.
import http from "node:http";

export type LiveStream = {
  /** Tip ids of the `tip.created` events received. */
  created: Set<string>;
  events: number;
  resyncs: number;
  ready: boolean;
  /** Set when the stream failed or ended before it was closed. */
  ended?: string;
  lastId?: string;
  close: () => void;
};

export function openLiveStream(url: string, cookie: string): LiveStream {
  const s: LiveStream = { created: new Set(), events: 0, resyncs: 0, ready: false, close: () => undefined };
  let closing = false;
  const req = http.get(url, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (res) => {
    if (res.statusCode !== 200) {
      s.ended = `HTTP ${res.statusCode}`;
      res.resume();
      return;
    }
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
    res.on("end", () => void (closing || (s.ended ??= "ended by the server")));
  });
  req.on("error", (e) => void (closing || (s.ended ??= e.message)));
  s.close = () => {
    closing = true;
    req.destroy();
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
