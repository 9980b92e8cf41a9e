#!/usr/bin/env node
// Reads V8 .cpuprofile files (from `node --cpu-prof`, e.g. per-row.ts with QUEUE_BENCH_CPU_PROF):
// self time by package or file (--by=file, default) or by function (--by=fn). Given two profiles,
// prints B − A divided by --per (e.g. the extra rows B rendered: 200 requests × 75 rows = 15000) —
// the per-row cost by where it is spent. Next's compiled runtime (react-dom/server, Flight,
// htmlescape) is resolved to its source files through the source map Next ships beside it.
//   node bench/queue/cpu-profile.mjs a.cpuprofile [b.cpuprofile] [--per=15000] [--by=fn] [--top=30]
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { SourceMapConsumer } = require("source-map-js");
const opt = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split("=")[1] ?? d;
const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const BY = opt("by", "file");
const PER = Number(opt("per", "1"));
const TOP = Number(opt("top", "30"));

const maps = new Map();
function sourceOf(url, line, column) {
  const file = url.replace(/^file:\/\//, "");
  if (!maps.has(file))
    maps.set(
      file,
      fs.existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, "utf8"))) : null,
    );
  const pos = maps.get(file)?.originalPositionFor({ line: line + 1, column });
  return pos?.source
    ? `${pos.source.replace(/^.*?(dist\/compiled\/|src\/)/, "")}${BY === "fn" ? `:${pos.line}` : ""}`
    : null;
}

function keyOf({ functionName: fn, url, lineNumber: line, columnNumber: col }) {
  if (fn.startsWith("(")) return fn; // (garbage collector), (program), …
  if (url.includes("next/dist/compiled/next-server/")) {
    const src = sourceOf(url, line, col);
    if (src) return src;
  }
  const short = (url || "(native)").replace(/^.*\/(node_modules|\.next[^/]*)\//, "$1/");
  const where = short.includes("server/chunks")
    ? `chunk ${short.split("/").pop()}`
    : (short.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? short);
  return BY === "fn" ? `${fn || "(anon)"} ${where}:${line}:${col}` : where;
}

/** Microseconds of self time per key, idle excluded. */
function selfTime(file) {
  const p = JSON.parse(fs.readFileSync(file, "utf8"));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const out = new Map();
  p.samples.forEach((id, i) => {
    const cf = nodes.get(id).callFrame;
    if (cf.functionName === "(idle)") return;
    const k = keyOf(cf);
    out.set(k, (out.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  return out;
}

const [a, b] = files.map(selfTime);
const keys = new Set([...a.keys(), ...(b?.keys() ?? [])]);
const rows = [...keys]
  .map((k) => [k, ((b ? (b.get(k) ?? 0) - (a.get(k) ?? 0) : a.get(k)) ?? 0) / PER])
  .sort((x, y) => y[1] - x[1]);
const unit = PER === 1 ? "ms" : "µs";
const show = (us) => (PER === 1 ? us / 1000 : us).toFixed(2).padStart(10);
console.log(
  `${b ? "B − A" : "self time"}${PER === 1 ? "" : ` per ${PER}`}: ${show(rows.reduce((s, [, v]) => s + v, 0))} ${unit}`,
);
for (const [k, v] of rows.slice(0, TOP)) console.log(`${show(v)} ${unit}  ${k}`);
