import { describe, expect, it } from "vitest";
import { clientAddress, trustedHops } from "./client-address.cjs";

describe("client address", () => {
  it("is the socket with no trusted proxy, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", 0)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:10.1.2.3", "1.1.1.1, 2.2.2.2", 0)).toBe("10.1.2.3");
    expect(clientAddress("::1", undefined, 0)).toBe("::1");
  });

  it("is the entry the trusted proxies appended, not what the client wrote before them", () => {
    // client forged "6.6.6.6"; nginx appended the real peer 198.51.100.7; nginx connects from 10.0.0.2
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    // two proxies: edge appended the client, the inner proxy appended the edge
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("takes the farthest known address when fewer proxies wrote than configured", () => {
    expect(clientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
  });

  it("reads TRUSTED_PROXY_HOPS as start-up validates it", () => {
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("2")).toBe(2);
    expect(trustedHops("-1")).toBe(0);
    expect(trustedHops("lots")).toBe(0);
  });
});
