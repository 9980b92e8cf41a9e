// Zod shapes of the WhatsApp Business Cloud API webhooks, after Meta's reference
// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages,
// …/calling/user-initiated-calls). Lenient where Meta is: objects are loose (Meta adds fields),
// timestamps come as strings or numbers, and a part that does not parse is dropped (`.catch`)
// rather than failing the delivery. Strict only on what the app relies on — ids, sender and type —
// and those are checked per item (lib/ingest/meta/normalise.ts), so one bad item never costs the
// others of its batch. Input has already been cleaned and bounded (lib/ingest/sanitise.ts).
import { z } from "zod";

const soft = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Unix seconds as Meta sends them: "1700000000" or 1700000000. */
export const Timestamp = z.union([
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  z.number().int().nonnegative().max(1e12),
]);

const ProviderError = z.looseObject({
  code: soft(z.number()),
  title: soft(z.string()),
  message: soft(z.string()),
  error_data: soft(z.looseObject({ details: soft(z.string()) })),
});
export type MetaError = z.infer<typeof ProviderError>;
const Errors = soft(z.array(ProviderError.catch({})));

const Media = z.looseObject({
  id: z.string().min(1),
  mime_type: soft(z.string()),
  sha256: soft(z.string()),
  caption: soft(z.string()),
  filename: soft(z.string()),
  voice: soft(z.boolean()),
  animated: soft(z.boolean()),
});

const Id = z.string().min(1);

export const MetaMessage = z.looseObject({
  from: soft(Id),
  from_user_id: soft(Id),
  id: Id,
  timestamp: Timestamp,
  type: z.string().min(1),
  context: soft(z.looseObject({ id: soft(Id), forwarded: soft(z.boolean()), frequently_forwarded: soft(z.boolean()) })),
  text: soft(z.looseObject({ body: z.string() })),
  image: soft(Media),
  audio: soft(Media),
  video: soft(Media),
  document: soft(Media),
  sticker: soft(Media),
  location: soft(
    z.looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: soft(z.string()),
      address: soft(z.string()),
      url: soft(z.string()),
    }),
  ),
  contacts: soft(z.array(z.looseObject({ name: soft(z.looseObject({ formatted_name: soft(z.string()) })) }))),
  interactive: soft(
    z.looseObject({
      type: z.string(),
      button_reply: soft(z.looseObject({ id: z.string(), title: z.string() })),
      list_reply: soft(z.looseObject({ id: z.string(), title: z.string(), description: soft(z.string()) })),
      nfm_reply: soft(
        z.looseObject({ name: soft(z.string()), body: soft(z.string()), response_json: soft(z.string()) }),
      ),
    }),
  ),
  button: soft(z.looseObject({ text: z.string(), payload: soft(z.string()) })),
  reaction: soft(z.looseObject({ message_id: Id, emoji: soft(z.string()) })),
  /** A customer changed their number or identity: no citizen content. */
  system: soft(
    z.looseObject({
      body: soft(z.string()),
      type: soft(z.string()),
      wa_id: soft(z.string()),
      new_wa_id: soft(z.string()),
      user_id: soft(z.string()),
    }),
  ),
  /** Edits and deletions, in the shapes newer API versions use (older ones send `unsupported`). */
  edit: soft(
    z.looseObject({
      original_message_id: soft(Id),
      message: soft(z.looseObject({ type: soft(z.string()), text: soft(z.looseObject({ body: z.string() })) })),
    }),
  ),
  revoke: soft(z.looseObject({ original_message_id: soft(Id) })),
  unsupported: soft(z.looseObject({ type: soft(z.string()) })),
  errors: Errors,
});
export type MetaMessage = z.infer<typeof MetaMessage>;

export const MetaStatus = z.looseObject({
  id: Id,
  status: z.string().min(1),
  timestamp: Timestamp,
  /** `call` for a call's status (Business Calling API); message statuses carry no type. */
  type: soft(z.string()),
  errors: Errors,
});
export type MetaStatus = z.infer<typeof MetaStatus>;

/** A WhatsApp call (Business Calling API, webhook field `calls`): `connect`, then `terminate`. */
export const MetaCall = z.looseObject({
  id: Id,
  from: soft(Id),
  from_user_id: soft(Id),
  to: soft(z.string()),
  event: z.string().min(1),
  timestamp: Timestamp,
  direction: soft(z.string()),
  status: soft(z.string()),
  start_time: soft(Timestamp),
  end_time: soft(Timestamp),
  duration: soft(
    z.union([
      z.number().nonnegative(),
      z
        .string()
        .regex(/^\d{1,9}$/)
        .transform(Number),
    ]),
  ),
  errors: Errors,
});
export type MetaCall = z.infer<typeof MetaCall>;

export const MetaContact = z.looseObject({
  wa_id: soft(z.string()),
  user_id: soft(z.string()),
  profile: soft(z.looseObject({ name: soft(z.string()) })),
});
export type MetaContact = z.infer<typeof MetaContact>;

/** What every item of a change value is first read as; each item is then parsed on its own. */
const Items = soft(z.array(z.unknown()));

export const MetaChangeValue = z.looseObject({
  metadata: soft(z.looseObject({ phone_number_id: z.union([z.string(), z.number().transform(String)]) })),
  contacts: soft(z.array(MetaContact.catch({}))),
  messages: Items,
  statuses: Items,
  calls: Items,
  /** Webhook-level errors: an entry that is not an error object is still recorded (as `{}`), never thrown on. */
  errors: Errors,
});

/** The envelope: the only part whose failure rejects the delivery (Meta never sends it otherwise). */
export const MetaWebhook = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.looseObject({
      id: soft(z.string()),
      changes: z.array(z.looseObject({ field: z.string(), value: z.looseObject({}) })),
    }),
  ),
});
export type MetaWebhook = z.infer<typeof MetaWebhook>;
