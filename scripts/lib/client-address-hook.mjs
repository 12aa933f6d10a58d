// Loaded with `--import` into the Next server process by every launcher (npm run dev, npm start,
// the e2e server). Next's route handlers and server actions never see the TCP socket, and the
// X-Forwarded-For Next passes on is whatever the client sent when it sent one. So before Next
// reads a request, this writes the socket's peer address into a header of its own, replacing
// any value the client put there. lib/auth/client-address.ts trusts that header only when this
// hook is active in the process (the marker below), and decides with TRUSTED_PROXIES whether
// X-Forwarded-For is believed at all.
import diagnosticsChannel from "node:diagnostics_channel";

export const PEER_HEADER = "x-permanencia-peer";

diagnosticsChannel.subscribe("http.server.request.start", ({ request, socket }) => {
  request.headers[PEER_HEADER] = socket?.remoteAddress ?? "";
});

globalThis[Symbol.for("permanencia.peerHeader")] = PEER_HEADER;
