import { authRouteHandler } from "@/lib/auth/route";

// next-auth's endpoints, with Secure cookies decided per request and unreadable callback
// URLs refused with 400 (lib/auth/route.ts).
export { authRouteHandler as GET, authRouteHandler as POST };
