import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./hsts";

describe("HSTS", () => {
  it("is sent for an https deployment only", () => {
    expect(strictTransportSecurity("https://mukhbir.example.in")).toBe("max-age=31536000; includeSubDomains");
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });
});
