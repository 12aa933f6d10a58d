import "server-only";
import { getRequestOrigin } from "@/lib/auth/origin";
import { can, type Permission } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import type { RequestOrigin, SessionUser } from "@/lib/auth/types";
import { LOCALE_COOKIE } from "@/i18n/request";
import { isAppError, renderIssue } from "@/lib/errors/app-error";
import type { ErrorKey, MessageValues } from "@/lib/errors/keys";
import { renderError } from "@/lib/errors/render";
import type { ImportFile, OnImportProgress } from "@/lib/imports/types";
import { toLocale } from "@/messages/locales";
import { isSameOrigin } from "../actions/same-origin";
import { MAX_UPLOAD_BYTES, type ImportCount, type ImportEvent } from "./wire";

type Handlers = {
  permission: Permission;
  /** Validates the file and reports what would change; writes nothing. */
  preview: (
    user: SessionUser,
    file: ImportFile,
    fields: FormData,
    onProgress: OnImportProgress,
  ) => Promise<Omit<Extract<ImportEvent, { type: "preview" }>, "type">>;
  /** Writes the whole file or nothing. */
  commit: (
    user: SessionUser,
    file: ImportFile,
    fields: FormData,
    origin: RequestOrigin,
    onProgress: OnImportProgress,
  ) => Promise<ImportCount[]>;
};

/**
 * POST handler behind the upload UI. A route handler rather than a server action because
 * actions cap the body at 1 MB and cannot stream progress. Server actions check the Origin
 * header against the host to stop cross-site posts; this does the same.
 */
export function createImportRoute(handlers: Handlers) {
  return async function POST(request: Request): Promise<Response> {
    const locale = toLocale(cookieValue(request, LOCALE_COOKIE));
    const refuse = (status: number, key: ErrorKey, values?: MessageValues) =>
      json({ type: "error", message: renderError(locale, key, values), errors: [] }, status);
    const tooLarge = () => refuse(413, "import.tooLarge", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
    const user = await getCurrentUser();
    if (!user) return refuse(401, "signIn");
    if (!can(user.role, handlers.permission)) return refuse(404, "notFound");
    if (!isSameOrigin(request)) return refuse(403, "import.crossSite");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_BODY_BYTES) return tooLarge();
    // JSON, text or anything but a form is the caller's mistake (415), not a server failure.
    if (!isMultipart(request)) return refuse(415, "import.notMultipart");

    let fields: FormData | null;
    try {
      fields = await formDataWithin(request, MAX_BODY_BYTES);
    } catch {
      return refuse(400, "import.unreadableBody"); // a truncated or malformed multipart body
    }
    if (!fields) return tooLarge();
    const upload = fields.get("file");
    if (!(upload instanceof File) || upload.size === 0) return refuse(422, "import.fileRequired");
    if (upload.size > MAX_UPLOAD_BYTES) return tooLarge();
    const file: ImportFile = { fileName: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
    const phase = fields.get("phase") === "commit" ? "commit" : "preview";
    const origin = await getRequestOrigin();

    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        let last = 0;
        const onProgress: OnImportProgress = (p) => {
          // At most ~10 events a second: enough for a progress bar, cheap on the wire.
          const now = Date.now();
          if (now - last < 100 && p.done < p.total) return;
          last = now;
          send({ type: "progress", ...p });
        };
        try {
          if (phase === "preview") {
            send({ type: "preview", ...(await handlers.preview(user, file, fields, onProgress)) });
          } else {
            send({ type: "result", counts: await handlers.commit(user, file, fields, origin, onProgress) });
          }
        } catch (error) {
          if (isAppError(error)) {
            // Row errors describe a Spanish file and stay Spanish; the verdict follows the reader.
            send({
              type: "error",
              message: error.render(locale),
              errors: error.issues.map((i) => ({
                row: i.row ?? 0,
                column: i.column ?? i.field ?? "",
                message: renderIssue(i, locale),
              })),
            });
          } else {
            console.error("import failed", error);
            send({ type: "error", message: renderError(locale, "import.failed"), errors: [] });
          }
        } finally {
          controller.close();
        }
      },
    });
    return new Response(body, {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
    });
  };
}

/** The file plus the multipart envelope and the small form fields. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/**
 * The form, or null once the body passes `maxBytes`. Content-Length is optional (a chunked
 * upload has none), so the bytes are counted as they arrive and reading stops at the limit
 * instead of buffering whatever the client sends.
 */
async function formDataWithin(request: Request, maxBytes: number): Promise<FormData | null> {
  if (!request.body) return request.formData(); // throws: a form needs a body
  let received = 0;
  let tooLarge = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) {
          tooLarge = true;
          controller.error(new Error("upload too large"));
        } else {
          controller.enqueue(chunk);
        }
      },
    }),
  );
  try {
    return await new Response(counted, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch (error) {
    if (tooLarge) return null;
    throw error;
  }
}

function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\s*;\s*boundary=/i.test(request.headers.get("content-type") ?? "");
}

function json(event: ImportEvent, status: number): Response {
  return new Response(`${JSON.stringify(event)}\n`, {
    status,
    headers: { "content-type": "application/x-ndjson; charset=utf-8" },
  });
}

/** The interface language, from the cookie i18n/request.ts reads for every page. */
function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
