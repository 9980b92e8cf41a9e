import "server-only";
import { db } from "../db";

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      createdAt: true,
      districtWide: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      station: { select: { id: true, name: true } },
    },
  });
}
