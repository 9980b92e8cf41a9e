import type { Role, Locale } from "../generated/prisma/enums";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    stationId: string | null;
    locale: Locale;
    username: string;
    sessionVersion: number;
  }
  interface Session {
    /** `sv` and `authAt` (sign-in time, epoch seconds) let the guard check the session is still current. */
    user: {
      id: string;
      name: string;
      role: Role;
      stationId: string | null;
      username: string;
      sv: number;
      authAt: number;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    stationId: string | null;
    username: string;
    /** The user's sessionVersion when this session began (ADR 0011). */
    sv: number;
    /** Sign-in time, epoch seconds: the absolute lifetime counts from here, renewals never move it. */
    authAt: number;
  }
}
