// Every provider webhook's route handler, as its file under app/api/webhooks/ exports it: the
// provider's handler (lib/ingest/<provider>/handle.ts) with its normaliser, inside the one route
// wrapper, counted and timed for /api/metrics by provider and outcome. Tests call these same
// functions, so nothing of ours imports from app/.
import "server-only";
import { route } from "../http/route";
import { countedWebhook } from "../metrics/registry";
import { handleMetaPost, handleMetaVerify } from "./meta/handle";
import { handleTwilio, thanksTwiml, voicemailTwiml } from "./twilio/handle";
import { twilioCall, twilioMessageStatus, twilioWhatsApp } from "./twilio/normalise";
import { handleExotelGet, handleExotelPost } from "./exotel/handle";
import { exotelPassthru, exotelStatus } from "./exotel/normalise";

type TokenContext = { params: Promise<{ token: string }> };

/** WhatsApp Business Cloud API (Meta): X-Hub-Signature-256 over the raw body; GET is the subscription check. */
export const metaWebhook = {
  GET: route(countedWebhook("meta", (req: Request) => handleMetaVerify(req))),
  POST: route(countedWebhook("meta", (req: Request) => handleMetaPost(req))),
};

/** Twilio (form-encoded, X-Twilio-Signature over the public URL): messaging answers empty TwiML, voice its greeting. */
export const twilioWebhook = {
  whatsapp: route(countedWebhook("twilio", (req: Request) => handleTwilio(req, (p) => twilioWhatsApp(p)))),
  status: route(countedWebhook("twilio", (req: Request) => handleTwilio(req, (p) => twilioMessageStatus(p)))),
  voice: route(
    countedWebhook("twilio", (req: Request) =>
      handleTwilio(
        req,
        (p) => twilioCall(p, "incoming"),
        () => voicemailTwiml(),
      ),
    ),
  ),
  voiceStatus: route(countedWebhook("twilio", (req: Request) => handleTwilio(req, (p) => twilioCall(p, "status")))),
  recording: route(countedWebhook("twilio", (req: Request) => handleTwilio(req, (p) => twilioCall(p, "recording")))),
  recorded: route(countedWebhook("twilio", (req: Request) => handleTwilio(req, null, () => thanksTwiml()))),
};

/** Exotel: a secret token in the path; Passthru by GET or POST, StatusCallback by POST. */
export const exotelWebhook = {
  passthruGet: route(
    countedWebhook("exotel", async (req: Request, ctx: TokenContext) =>
      handleExotelGet(req, (await ctx.params).token, (p) => exotelPassthru(p)),
    ),
  ),
  passthruPost: route(
    countedWebhook("exotel", async (req: Request, ctx: TokenContext) =>
      handleExotelPost(req, (await ctx.params).token, (p) => exotelPassthru(p)),
    ),
  ),
  status: route(
    countedWebhook("exotel", async (req: Request, ctx: TokenContext) =>
      handleExotelPost(req, (await ctx.params).token, (p) => exotelStatus(p)),
    ),
  ),
};
