import type { Role, Locale } from "../generated/prisma/enums";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    stationId: string | null;
    locale: Locale;
    username: string;
  }
  interface Session {
    user: { id: string; name: string; role: Role; stationId: string | null; username: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    stationId: string | null;
    username: string;
  }
}
