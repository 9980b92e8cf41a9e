/** The providers' documented media and API hosts (Meta Graph and its media CDN, Twilio, Exotel and its recordings). */
export const DEFAULT_FETCH_HOSTS = [
  "graph.facebook.com",
  "lookaside.fbsbx.com",
  "api.twilio.com",
  "media.twiliocdn.com",
  "s3-external-1.amazonaws.com",
  "api.exotel.com",
  "api.in.exotel.com",
  "recordings.exotel.com",
  "s3-ap-southeast-1.amazonaws.com",
  "s3.ap-south-1.amazonaws.com",
];
