import { describe, expect, it } from "vitest";
import { informantPhrases } from "./phrases";

const kinds = (t: string, alias?: string) => informantPhrases(t, alias).map((h) => `${h.kind}:${h.text}`);

describe("informant-pointing phrases", () => {
  it("finds first-person places in English, Hinglish and Hindi", () => {
    expect(kinds("Liquor is sold from my house opposite the temple")).toEqual(["place:my house"]);
    expect(kinds("right opposite my shop, near our village school")).toEqual(["place:my shop", "place:our village"]);
    expect(kinds("mere ghar ke saamne daaru bikti hai")).toEqual(["place:mere ghar"]);
    expect(kinds("मेरे घर के सामने शराब बिकती है")).toEqual(["place:मेरे घर"]);
  });

  it("finds relationships and the informant as a witness", () => {
    expect(kinds("My brother-in-law knows him; I saw the truck")).toEqual([
      "relation:My brother-in-law",
      "witness:I saw",
    ]);
    expect(kinds("mera padosi hi maal rakhta hai, maine dekha")).toEqual([
      "relation:mera padosi",
      "witness:maine dekha",
    ]);
    expect(kinds("हमारे पड़ोसी के घर में, मैंने देखा")).toEqual(["relation:हमारे पड़ोसी", "witness:मैंने देखा"]);
  });

  it("finds the alias whatever its case", () => {
    expect(kinds("informant m-7k3q says", "M-7K3Q")).toEqual(["alias:m-7k3q"]);
  });

  it("leaves a cleaned brief alone", () => {
    expect(
      informantPhrases("House opposite the Hanuman temple, Mohalla Kareli. Illicit liquor sold after 8 pm.", "M-7K3Q"),
    ).toEqual([]);
    expect(informantPhrases("Myhouse mentions nothing; the mystery shop")).toEqual([]);
  });
});
