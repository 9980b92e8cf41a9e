// Exotel webhooks. Exotel signs nothing, so the URL carries a secret token (EXOTEL_WEBHOOK_TOKEN),
// compared in constant time. These URLs' query strings hold caller numbers: nothing here logs a
// URL, a query or a parameter (lib/log.ts), and next.config.ts keeps Next's dev request log off them.
import "server-only";
import { env } from "../../env";
import { BodyTooLarge, commitOr503, readRawBody, safeEqual, text } from "../http";
import { queueExotelCallback } from "./queue-callback";
import { FormInputError, paramsOf, type Params } from "../form";
import type { CallEvent } from "../types";

export function exotelTokenOk(token: string) {
  const expected = env().EXOTEL_WEBHOOK_TOKEN;
  return !!expected && safeEqual(token, expected);
}

async function handle(
  token: string,
  params: () => Promise<Params>,
  toEvent: (p: Params) => CallEvent,
): Promise<Response> {
  if (!exotelTokenOk(token)) return text(401, "unauthorised");
  let event: CallEvent;
  try {
    event = toEvent(await params());
  } catch (e) {
    if (e instanceof BodyTooLarge) return text(413, "payload too large");
    if (e instanceof FormInputError) return text(400, "malformed webhook: " + e.message);
    throw e;
  }
  // Passthru: 200 takes the applet's success branch; on 503 Exotel follows its failure branch and
  // retries. The answer drives a live caller's flow, so it never waits on Exotel's API: what is
  // committed here is a durable job that confirms the call with Exotel (ADR 0211).
  return commitOr503("EXOTEL", async () => {
    await queueExotelCallback(event);
    return text(200, "ok");
  });
}

export function handleExotelGet(req: Request, token: string, toEvent: (p: Params) => CallEvent) {
  return handle(token, async () => paramsOf(new URL(req.url).searchParams), toEvent);
}

export function handleExotelPost(req: Request, token: string, toEvent: (p: Params) => CallEvent) {
  return handle(
    token,
    async () =>
      paramsOf([...new URLSearchParams((await readRawBody(req)).toString("utf8")), ...new URL(req.url).searchParams]),
    toEvent,
  );
}
