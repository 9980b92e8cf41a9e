import { describe, expect, it } from "vitest";
import { audioDuration } from "./duration";
import { voiceOgg, recordingWav, recordingMp3 } from "../simulate/fake-media";

const read = (b: Buffer) =>
  audioDuration("audio/ogg", b.subarray(0, 4096), b.subarray(Math.max(0, b.length - 65536)), b.length);

describe("audioDuration", () => {
  it("reads Ogg/Opus duration from the last page's granule position minus pre-skip", () => {
    expect(read(voiceOgg(4))).toBeCloseTo(4.0, 1);
    expect(read(voiceOgg(61))).toBeCloseTo(61, 0);
  });
  it("reads WAV duration from its header", () => {
    const w = recordingWav(6);
    expect(audioDuration("audio/wav", w.subarray(0, 4096), w.subarray(-65536), w.length)).toBe(6);
  });
  it("gives no duration rather than a guess for MP3 or garbage", () => {
    const m = recordingMp3(3);
    expect(audioDuration("audio/mpeg", m.subarray(0, 4096), m.subarray(-65536), m.length)).toBeNull();
    expect(audioDuration("audio/ogg", Buffer.from("OggS garbage"), Buffer.from("x"), 12)).toBeNull();
  });
});
