import { describe, expect, it } from "vitest";
import { addressProblem, admit, FetchRefused, vet, type Lookup } from "./fetch-policy";
import { parseAllowlist } from "./allowlist";

const allow = parseAllowlist([
  "api.twilio.com",
  "*.exotel.com",
  "media.example.com",
  "http://127.0.0.1:3101",
  "[::1]:8443",
]);
const entry = (host: string) => admit(new URL(host), allow);
const answers =
  (map: Record<string, string[]>): Lookup =>
  async (h) =>
    (map[h] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("fetch allowlist", () => {
  it("admits listed hosts on their scheme and port only", () => {
    expect(entry("https://api.twilio.com/2010-04-01/x").host).toBe("api.twilio.com");
    expect(entry("https://recordings.exotel.com/a.mp3").wildcard).toBe(true);
    expect(entry("http://127.0.0.1:3101/meta").ipLiteral).toBe(true);
    for (const bad of [
      "http://api.twilio.com/x",
      "https://api.twilio.com:8443/x",
      "https://exotel.com.evil.in/x",
      "https://evilexotel.com/x",
      "http://127.0.0.1:3102/",
      "https://127.0.0.1/",
      "ftp://api.twilio.com/",
      "https://u:p@api.twilio.com/",
    ])
      expect(() => entry(bad), bad).toThrow(FetchRefused);
  });

  it("refuses to read an entry it does not understand", () => {
    expect(() => parseAllowlist(["https://host/path"])).toThrow(/cannot read/);
    expect(() => parseAllowlist(["*"])).toThrow(/cannot read/);
  });
});

describe("address vetting", () => {
  const name = entry("https://media.example.com/");
  it("passes public unicast addresses only", () => {
    expect(addressProblem("157.240.1.1", name, null)).toBeNull();
    expect(addressProblem("2a03:2880::1", name, null)).toBeNull();
    for (const a of [
      "127.0.0.1",
      "127.9.9.9",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.169.254",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "198.18.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00:ec2::254",
      "fc00::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:169.254.169.254",
      "::ffff:10.0.0.1",
      "64:ff9b::a9fe:a9fe",
      "2002:a9fe:a9fe::1",
      "2001::1",
    ])
      expect(addressProblem(a, name, null), a).not.toBeNull();
  });

  it("an explicit IP-literal entry opens exactly that loopback address, never link-local", () => {
    const lit = entry("http://127.0.0.1:3101/");
    expect(addressProblem("127.0.0.1", lit, "127.0.0.1")).toBeNull();
    expect(addressProblem("::ffff:127.0.0.1", lit, "127.0.0.1")).toBeNull();
    expect(addressProblem("127.0.0.2", lit, "127.0.0.1")).toMatch(/loopback/);
    const meta = parseAllowlist(["http://169.254.169.254"])[0];
    expect(addressProblem("169.254.169.254", meta, "169.254.169.254")).toMatch(/linkLocal/);
  });

  it("resolves names and refuses when any answer is special (no name opens loopback or private)", async () => {
    const lookup = answers({
      "media.example.com": ["10.0.0.5"],
      "mixed.exotel.com": ["52.1.2.3", "169.254.169.254"],
      "v6.exotel.com": ["::ffff:192.168.0.10"],
      "ok.exotel.com": ["52.1.2.3"],
    });
    await expect(vet(new URL("https://media.example.com/x"), name, lookup)).rejects.toThrow(
      /10\.0\.0\.5 is a private address/,
    );
    await expect(
      vet(new URL("https://mixed.exotel.com/x"), entry("https://mixed.exotel.com/"), lookup),
    ).rejects.toThrow(/linkLocal/);
    await expect(vet(new URL("https://v6.exotel.com/x"), entry("https://v6.exotel.com/"), lookup)).rejects.toThrow(
      /192\.168\.0\.10 is a private address/,
    );
    expect(await vet(new URL("https://ok.exotel.com/x"), entry("https://ok.exotel.com/"), lookup)).toEqual({
      address: "52.1.2.3",
      family: 4,
    });
  });

  it("a resolver failure is worth a retry, not a refusal", async () => {
    const failing: Lookup = async () => Promise.reject(Object.assign(new Error("x"), { code: "EAI_AGAIN" }));
    const err = await vet(new URL("https://media.example.com/"), name, failing).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(FetchRefused);
  });
});
