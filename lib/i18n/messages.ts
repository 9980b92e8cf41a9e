// Message catalogs: one JSON file per namespace under messages/<locale>/ (e.g. messages/hi/queue.json
// holds the "queue" namespace). Features add a file; nothing needs registering.
import fs from "node:fs";
import path from "node:path";
import type { AppLocale } from "./locales";

export type Messages = Record<string, Record<string, unknown>>;
const cache = new Map<AppLocale, Messages>();

export function messagesDir() {
  return path.resolve(process.cwd(), "lib", "i18n", "messages");
}

export function loadMessages(locale: AppLocale): Messages {
  const hit = cache.get(locale);
  if (hit && process.env.NODE_ENV === "production") return hit;
  const dir = path.join(messagesDir(), locale);
  const messages: Messages = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort())
    messages[file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  cache.set(locale, messages);
  return messages;
}
