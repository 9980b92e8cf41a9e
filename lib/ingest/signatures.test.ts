import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { twilioSignature, verifyMetaSignature, verifyTwilioSignature } from "./signatures";

const URL_ = "https://mycompany.com/myapp.php?foo=1&bar=2";
const pairs = (o: Record<string, string>) => Object.entries(o) as [string, string][];

describe("Twilio signature (X-Twilio-Signature)", () => {
  it("reproduces the example on Twilio's webhook security page", () => {
    // https://www.twilio.com/docs/usage/webhooks/webhooks-security — auth token 12345, this URL and
    // these parameters. The current page uses +14158675310 (→ GvWf1cFY…); older versions of the
    // page used +12349013030 (→ 0/KCTR6D…). Both must verify.
    const params = {
      CallSid: "CA1234567890ABCDE",
      Caller: "+14158675310",
      Digits: "1234",
      From: "+14158675310",
      To: "+18005551212",
    };
    expect(twilioSignature("12345", URL_, pairs(params))).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    const older = {
      CallSid: "CA1234567890ABCDE",
      Caller: "+12349013030",
      Digits: "1234",
      From: "+12349013030",
      To: "+18005551212",
    };
    expect(twilioSignature("12345", URL_, pairs(older))).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    expect(verifyTwilioSignature("12345", "GvWf1cFY/Q7PnoempGyD5oXAezc=", URL_, pairs(params).reverse())).toBe(true);
  });

  it("rejects a changed parameter, URL, token, or a missing header", () => {
    const params = {
      CallSid: "CA1234567890ABCDE",
      Caller: "+14158675310",
      Digits: "1234",
      From: "+14158675310",
      To: "+18005551212",
    };
    const good = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
    expect(verifyTwilioSignature("12345", good, URL_, pairs({ ...params, Digits: "9999" }))).toBe(false);
    expect(verifyTwilioSignature("12345", good, URL_ + "&x=1", pairs(params))).toBe(false);
    expect(verifyTwilioSignature("54321", good, URL_, pairs(params))).toBe(false);
    expect(verifyTwilioSignature("12345", null, URL_, pairs(params))).toBe(false);
    expect(verifyTwilioSignature("", good, URL_, pairs(params))).toBe(false);
  });
});

describe("Meta signature (X-Hub-Signature-256)", () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
  const sig = "sha256=" + crypto.createHmac("sha256", "s3cret").update(body).digest("hex");
  it("accepts the HMAC of the exact raw bytes only", () => {
    expect(verifyMetaSignature(body, sig, "s3cret")).toBe(true);
    expect(verifyMetaSignature(body, sig.toUpperCase().replace("SHA256=", "sha256="), "s3cret")).toBe(true);
    expect(verifyMetaSignature(Buffer.from(body.toString().replace("[]", "[ ]")), sig, "s3cret")).toBe(false);
    expect(verifyMetaSignature(body, sig, "other")).toBe(false);
    expect(verifyMetaSignature(body, null, "s3cret")).toBe(false);
    expect(verifyMetaSignature(body, "sha256=", "s3cret")).toBe(false);
    expect(verifyMetaSignature(body, sig, "")).toBe(false);
  });
});
