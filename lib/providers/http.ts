// Outbound provider calls: one small wrapper with a timeout that turns every answer into a
// ProviderError carrying whether a retry can help (network, 429, 5xx) or not (other 4xx).
import "server-only";
import { scrubIdentity } from "../identity/scrub";

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(scrubIdentity(message));
  }
}

export async function callProvider(
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new ProviderError(`provider unreachable: ${e instanceof Error ? e.message : String(e)}`, false);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, body };
}

export function retryable(status: number) {
  return status === 408 || status === 429 || status >= 500;
}
