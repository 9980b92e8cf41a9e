import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("refuses short passwords and the shipped common ones, whatever their case", () => {
    expect(passwordProblem("short-pass1")).toBe("tooShort");
    expect(passwordProblem("qwerty123456")).toBe("common");
    expect(passwordProblem("QWERTY123456")).toBe("common");
    expect(passwordProblem("1qaz2wsx3edc")).toBe("common");
    expect(passwordProblem("administrator")).toBe("common");
  });
  it("accepts a long uncommon passphrase, and counts characters, not bytes", () => {
    expect(passwordProblem("ganga-kinare-chai-9")).toBeNull();
    expect(passwordProblem("मुखबिर-डेस्क-नौ")).toBeNull();
    expect(passwordProblem("मुखबिर")).toBe("tooShort");
  });
  it("keeps the README's demo passwords valid", () => {
    for (const p of ["mukhbir-officer", "mukhbir-officer2", "mukhbir-supervisor", "mukhbir-admin"])
      expect(passwordProblem(p)).toBeNull();
  });
});
