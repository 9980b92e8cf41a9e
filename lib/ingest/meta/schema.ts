// Zod shapes of the WhatsApp Business Cloud API `messages` webhook, after Meta's reference
// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages).
// Objects are loose (Meta adds fields); only what we read is required. Since 2026 a sender may come
// with a business-scoped user id (`from_user_id` / contacts[].user_id) and no phone number.
import { z } from "zod";

const ProviderError = z.looseObject({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
export type MetaError = z.infer<typeof ProviderError>;

const Media = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

export const MetaMessage = z.looseObject({
  from: z.string().min(1).optional(),
  from_user_id: z.string().min(1).optional(),
  id: z.string().min(1).max(512),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().min(1),
  context: z.looseObject({ id: z.string().optional(), forwarded: z.boolean().optional(), frequently_forwarded: z.boolean().optional() }).optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: Media.optional(),
  audio: Media.optional(),
  video: Media.optional(),
  document: Media.optional(),
  sticker: Media.optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional(), url: z.string().optional() }).optional(),
  contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().optional() }).optional() })).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
      nfm_reply: z.looseObject({ name: z.string().optional(), body: z.string().optional(), response_json: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.looseObject({ text: z.string(), payload: z.string().optional() }).optional(),
  reaction: z.looseObject({ message_id: z.string().min(1), emoji: z.string().optional() }).optional(),
  errors: z.array(ProviderError).optional(),
});
export type MetaMessage = z.infer<typeof MetaMessage>;

export const MetaStatus = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: z.string().regex(/^\d{1,12}$/),
  errors: z.array(ProviderError).optional(),
});

const Contact = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});
export type MetaContact = z.infer<typeof Contact>;

export const MetaWebhook = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            metadata: z.looseObject({ phone_number_id: z.string() }).optional(),
            contacts: z.array(Contact).optional(),
            messages: z.array(MetaMessage).optional(),
            statuses: z.array(MetaStatus).optional(),
            errors: z.array(ProviderError).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type MetaWebhook = z.infer<typeof MetaWebhook>;
