// Integration tests drop the whole schema: refuse to run against anything but a local database.
export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host))
    throw new Error(`Refusing to run destructive tests against non-local database host "${host}"`);
}
