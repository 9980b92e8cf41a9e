// HTTP Strict Transport Security when the desk is served over https (PUBLIC_BASE_URL): browsers then
// refuse plain http to this host for a year, so a session cookie never travels unencrypted.
export function strictTransportSecurity(publicBaseUrl: string): string | null {
  return publicBaseUrl.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
