#!/usr/bin/env node
// Synthesises public/sounds/new-tip.wav, the queue's new-tip chime: two short sine notes (E6 then
// A6) with a soft attack and exponential decay, 16-bit mono PCM at 22.05 kHz (~17 KB). Generated
// rather than downloaded, so its licence is ours. Run: node lib/queue/make-chime.mjs [watch]
import fs from "node:fs";
import path from "node:path";

const RATE = 22_050;
// `watch`: the watch-hit alert (ADR 0702), three falling notes so it is told apart from a new tip.
const watch = process.argv[2] === "watch";
const notes = watch
  ? [
      { freq: 1760.0, start: 0, dur: 0.14 },
      { freq: 1318.5, start: 0.12, dur: 0.14 },
      { freq: 1760.0, start: 0.24, dur: 0.18 },
    ]
  : [
      { freq: 1318.5, start: 0, dur: 0.18 },
      { freq: 1760.0, start: 0.14, dur: 0.28 },
    ];
const total = Math.ceil(RATE * 0.42);
const samples = new Float32Array(total);
for (const n of notes) {
  const from = Math.floor(n.start * RATE);
  const len = Math.floor(n.dur * RATE);
  for (let i = 0; i < len && from + i < total; i++) {
    const t = i / RATE;
    const env = Math.min(1, t / 0.005) * Math.exp(-t * 14);
    samples[from + i] += 0.45 * env * (Math.sin(2 * Math.PI * n.freq * t) + 0.25 * Math.sin(4 * Math.PI * n.freq * t));
  }
}
const data = Buffer.alloc(total * 2);
for (let i = 0; i < total; i++) data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i])) * 32_767), i * 2);
const header = Buffer.alloc(44);
header.write("RIFF", 0);
header.writeUInt32LE(36 + data.length, 4);
header.write("WAVE", 8);
header.write("fmt ", 12);
header.writeUInt32LE(16, 16); // PCM chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28);
header.writeUInt16LE(2, 32);
header.writeUInt16LE(16, 34);
header.write("data", 36);
header.writeUInt32LE(data.length, 40);
const out = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  watch ? "../../public/sounds/watch-hit.wav" : "../../public/sounds/new-tip.wav",
);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, Buffer.concat([header, data]));
console.log(`wrote ${out} (${header.length + data.length} bytes)`);
