import { describe, expect, it } from "vitest";
import { signRequest, EMPTY_SHA256, uriEncode } from "./sigv4";

describe("SigV4", () => {
  it("matches AWS's documented S3 GET Object example", () => {
    const h = signRequest(
      {
        method: "GET",
        url: "https://examplebucket.s3.amazonaws.com/test.txt",
        headers: { host: "examplebucket.s3.amazonaws.com", range: "bytes=0-9", "x-amz-content-sha256": EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
        date: new Date("2013-05-24T00:00:00Z"),
      },
      { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "s3" },
    );
    expect(h.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(h["x-amz-date"]).toBe("20130524T000000Z");
  });

  it("matches the SigV4 test suite's get-vanilla-query-order-key-case (query sorted by name)", () => {
    const h = signRequest(
      { method: "GET", url: "https://example.amazonaws.com/?Param2=value2&Param1=value1", headers: { host: "example.amazonaws.com" }, payloadHash: EMPTY_SHA256, date: new Date("2015-08-30T12:36:00Z") },
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "service" },
    );
    expect(h.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    );
  });

  it("changes the signature when anything signed changes", () => {
    const base = { method: "GET", url: "https://b.example/k", headers: { host: "b.example" }, payloadHash: EMPTY_SHA256, date: new Date("2020-01-01T00:00:00Z") };
    const creds = { accessKeyId: "a", secretAccessKey: "s", region: "r", service: "s3" };
    const a = signRequest(base, creds).authorization;
    expect(signRequest({ ...base, method: "PUT" }, creds).authorization).not.toBe(a);
    expect(signRequest({ ...base, url: "https://b.example/l" }, creds).authorization).not.toBe(a);
    expect(signRequest(base, { ...creds, secretAccessKey: "t" }).authorization).not.toBe(a);
  });

  it("encodes like RFC 3986", () => {
    expect(uriEncode("a b/ç~", true)).toBe("a%20b/%C3%A7~");
    expect(uriEncode("a/b")).toBe("a%2Fb");
  });
});
