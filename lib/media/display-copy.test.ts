import { describe, it, expect } from "vitest";
import sharp from "sharp";
import { stripImage } from "./display-copy";

const exif = {
  IFD0: { Make: "Xiaomi", Model: "Redmi Note 12" },
  IFD3: {
    GPSLatitudeRef: "N",
    GPSLatitude: "25/1 26/1 3000/100",
    GPSLongitudeRef: "E",
    GPSLongitude: "81/1 50/1 4200/100",
  },
};

describe("stripImage", () => {
  it("drops EXIF (GPS, device) and bakes the orientation into the pixels", async () => {
    const input = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#336699" } })
      .withExifMerge(exif)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(await sharp(input).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    expect(input.includes(Buffer.from("Redmi"))).toBe(true);
    const out = await stripImage(input);
    const meta = await sharp(out.data).metadata();
    expect(out.mime).toBe("image/jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Orientation 6 = rotate 90°: the copy is upright without needing the tag.
    expect([meta.width, meta.height]).toEqual([100, 200]);
    expect(out.data.includes(Buffer.from("Redmi"))).toBe(false);
  });

  it("keeps transparency as PNG, without metadata", async () => {
    const input = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .withExif(exif)
      .toBuffer();
    const out = await stripImage(input);
    expect(out.mime).toBe("image/png");
    expect((await sharp(out.data).metadata()).exif).toBeUndefined();
  });
});
