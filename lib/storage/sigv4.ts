// AWS Signature Version 4 for S3-compatible stores (AWS, MinIO, Ceph, R2…), instead of a
// multi-megabyte SDK: we need four requests (PUT, GET, HEAD, DELETE) and header signing only.
// Checked against AWS's documented examples in sigv4.test.ts.
import crypto from "node:crypto";

export type Credentials = { accessKeyId: string; secretAccessKey: string; region: string; service: string };

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const hmac = (key: crypto.BinaryLike, data: string) => crypto.createHmac("sha256", key).update(data).digest();
const sha256hex = (data: string) => crypto.createHash("sha256").update(data).digest("hex");

/** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX. */
export function uriEncode(s: string, keepSlash = false) {
  return Array.from(new TextEncoder().encode(s))
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === "/")) return c;
      return "%" + b.toString(16).toUpperCase().padStart(2, "0");
    })
    .join("");
}

export function amzDate(d: Date) {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * Signs a request: returns the headers to send (the given ones plus x-amz-date and Authorization).
 * `headers` must include `host`; `payloadHash` is the hex SHA-256 of the body or "UNSIGNED-PAYLOAD".
 */
export function signRequest(
  req: { method: string; url: string; headers: Record<string, string>; payloadHash: string; date?: Date },
  creds: Credentials,
): Record<string, string> {
  const url = new URL(req.url);
  const stamp = amzDate(req.date ?? new Date());
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v.trim().replace(/\s+/g, " ");
  headers["x-amz-date"] = stamp;

  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]}\n`).join("");
  const signedHeaders = names.join(";");
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  // S3 signs the path as sent (each segment encoded once); URL already percent-encodes it.
  const path = uriEncode(decodeURIComponent(url.pathname), true) || "/";
  const canonical = [req.method.toUpperCase(), path, query, canonicalHeaders, signedHeaders, req.payloadHash].join("\n");

  const scope = `${day}/${creds.region}/${creds.service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", stamp, scope, sha256hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), creds.region), creds.service), "aws4_request");
  const signature = crypto.createHmac("sha256", key).update(toSign).digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
