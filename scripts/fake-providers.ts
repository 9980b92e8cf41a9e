// `tsx scripts/fake-providers.ts --port 3301 [--meta-token T] [--twilio-sid S --twilio-token T]
// [--exotel-key K --exotel-token T]`: the provider APIs' local stand-in (lib/simulate/fake-providers.ts)
// as a process of its own, for Playwright, demos and load runs. Without credentials it accepts any.
import { startFakeProviders } from "../lib/simulate/fake-providers";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
startFakeProviders({
  port: Number(arg("port") ?? 3001),
  host: arg("host"),
  metaToken: arg("meta-token"),
  twilioSid: arg("twilio-sid"),
  twilioToken: arg("twilio-token"),
  exotelKey: arg("exotel-key"),
  exotelToken: arg("exotel-token"),
}).then((f) => {
  console.log(`fake providers listening on ${f.url}`);
  const stop = () => void f.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
});
