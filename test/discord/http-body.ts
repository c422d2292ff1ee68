import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from './types.ts';

export async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export type ParsedBody = { ok: true; body: unknown; files: UploadedFile[] } | { ok: false };

/**
 * Parses a REST body the way Discord does: JSON only with `Content-Type: application/json`;
 * multipart with the message in `payload_json` and files in the other parts.
 */
export async function parseRequestBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { ok: true, body: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  try {
    if (type.startsWith('application/json')) {
      return { ok: true, body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
    }
    if (type.startsWith('multipart/form-data')) {
      // undici's Response parses multipart bodies; no hand-rolled boundary parsing.
      const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
      let body: unknown;
      const files: UploadedFile[] = [];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value) as unknown;
        } else {
          files.push({
            field,
            filename: value.name,
            contentType: value.type,
            data: Buffer.from(await value.arrayBuffer()),
          });
        }
      }
      return { ok: true, body, files };
    }
  } catch {
    return { ok: false };
  }
  return { ok: true, body: undefined, files: [] };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
