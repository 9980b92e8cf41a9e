import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { formatAddress, normaliseAddress, normalisePhone, parseAddress } from "./address";
import { decrypt, encrypt, hashAddress } from "./crypto";
import { ALIAS_ALPHABET, aliasCandidates, newAlias } from "./alias";

describe("address normalisation", () => {
  it("maps every way of writing one Indian number to the same E.164 digits", () => {
    const forms = [
      "+91 98765-43210",
      "919876543210",
      "whatsapp:+919876543210",
      "+91 (98765) 43210",
      "09876543210",
      "9876543210",
      "0091 98765 43210",
      "tel:+919876543210",
    ];
    expect(new Set(forms.map(normalisePhone))).toEqual(new Set(["919876543210"]));
  });

  it("keeps foreign numbers and rejects junk", () => {
    expect(normalisePhone("+1 (234) 901-3030")).toBe("12349013030");
    expect(normalisePhone("abc")).toBeNull();
    expect(normalisePhone("+0123")).toBeNull();
    expect(normalisePhone("1234567890123456")).toBeNull();
  });

  it("treats a wa_id as the phone number and a BSUID as its own kind", () => {
    expect(normaliseAddress("wa_id", "919876543210")).toEqual({ kind: "phone", value: "919876543210" });
    expect(normaliseAddress("bsuid", " IN.1410018717833190 ")).toEqual({ kind: "bsuid", value: "IN.1410018717833190" });
    expect(normaliseAddress("bsuid", "US.ENT.11815799212886844830")?.value).toBe("US.ENT.11815799212886844830");
    expect(normaliseAddress("bsuid", "not a bsuid")).toBeNull();
    expect(parseAddress(formatAddress({ kind: "bsuid", value: "IN.1" }))).toEqual({ kind: "bsuid", value: "IN.1" });
  });
});

describe("identity hashing", () => {
  it("is a keyed, deterministic hex HMAC that matches across formats", () => {
    const a = hashAddress(normaliseAddress("phone", "+91 98765-43210")!);
    const b = hashAddress(normaliseAddress("wa_id", "919876543210")!);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    // Keyed: a plain SHA-256 of the address (guessable by enumerating numbers) is not what is stored.
    expect(a).not.toBe(crypto.createHash("sha256").update("phone:919876543210").digest("hex"));
    expect(a).toBe(
      crypto.createHmac("sha256", process.env.IDENTITY_PEPPER!).update("phone:919876543210").digest("hex"),
    );
  });

  it("separates kinds: a BSUID never collides with a number", () => {
    expect(hashAddress({ kind: "bsuid", value: "IN.919876543210" })).not.toBe(
      hashAddress({ kind: "phone", value: "919876543210" }),
    );
  });
});

describe("identity encryption", () => {
  it("round-trips under the active key with a fresh IV each time", () => {
    const a = encrypt("phone:919876543210");
    const b = encrypt("phone:919876543210");
    expect(a.keyId).toBe("t2");
    expect(a.cipher).not.toBe(b.cipher);
    expect(a.cipher).not.toContain("9876543210");
    expect(decrypt(a.cipher, a.keyId)).toBe("phone:919876543210");
  });

  it("detects tampering", () => {
    const { cipher, keyId } = encrypt("Ramesh Kumar");
    const buf = Buffer.from(cipher, "base64");
    for (const i of [0, 13, buf.length - 1]) {
      const t = Buffer.from(buf);
      t[i] ^= 1;
      expect(() => decrypt(t.toString("base64"), keyId)).toThrow();
    }
    expect(() => decrypt(cipher.slice(0, 20), keyId)).toThrow();
  });

  it("still decrypts rows written under an older key (rotation) and refuses a relabelled key id", () => {
    // t1 is a retired key still listed in IDENTITY_KEYS: data written under it stays readable.
    const key = Buffer.alloc(32, 7);
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv("aes-256-gcm", key, iv);
    c.setAAD(Buffer.from("t1"));
    const data = Buffer.concat([c.update("phone:911111111111"), c.final()]);
    const old = Buffer.concat([iv, c.getAuthTag(), data]).toString("base64");
    expect(decrypt(old, "t1")).toBe("phone:911111111111");
    expect(() => decrypt(old, "t2")).toThrow();
    expect(() => decrypt(old, "gone")).toThrow(/unknown identity key/);
  });
});

describe("aliases", () => {
  it("look like M-7K3Q and avoid ambiguous characters", () => {
    for (let i = 0; i < 500; i++) {
      const a = newAlias();
      expect(a).toMatch(/^M-[2-9A-HJKMNP-Z]{4}$/);
      expect(a.slice(2)).not.toMatch(/[01ILO]/);
    }
    expect(ALIAS_ALPHABET).toHaveLength(31);
    expect(newAlias(6)).toMatch(/^M-.{6}$/);
  });

  it("are spread over the alphabet", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => newAlias()));
    expect(seen.size).toBeGreaterThan(1990);
  });

  it("come as ten candidates, longer after three misses, each drawn independently", () => {
    const lists = Array.from({ length: 200 }, () => aliasCandidates());
    for (const list of lists) {
      expect(list.map((a) => a.length - 2)).toEqual([4, 4, 4, 5, 5, 5, 6, 6, 6, 6]);
      for (const a of list) expect(a).toMatch(/^M-[2-9A-HJKMNP-Z]+$/);
    }
    expect(new Set(lists.map((l) => l[0])).size).toBeGreaterThan(190);
    expect(new Set(lists.flatMap((l) => l.slice(0, 3))).size).toBeGreaterThan(590);
  });
});
