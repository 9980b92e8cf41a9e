// Runs once when a server process starts, before it serves a request: validate configuration,
// apply migrations, create the first admin / demo data, start background workers.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startup } = await import("./lib/startup");
  await startup();
}
