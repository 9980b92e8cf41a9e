import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { route } from "@/lib/http/route";

const handler = route((req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> =>
  NextAuth(authOptions())(req, ctx),
);

export { handler as GET, handler as POST };
