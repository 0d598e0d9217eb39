/** Plain HTTP calls to the server under test (fetch), returning status, parsed body and headers. */
export interface HttpReply {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function httpCall(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<HttpReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

/** The `error.code` of a reply (undefined when it is not an error reply). */
export function errorCode(reply: HttpReply): unknown {
  const body = reply.body as { error?: { code?: unknown } } | undefined;
  return body?.error?.code;
}
