import type { Page } from '@playwright/test';
import type { Request, RequestType, ResponseOf } from '../../../lib/schema/messages';

/**
 * Send a typed message to the background from an extension page (popup.html opened in a
 * tab), exactly as the popup and content scripts do, and unwrap the reply envelope.
 */
export async function sendToBackground<T extends RequestType>(
  page: Page,
  request: Extract<Request, { type: T }> | (Partial<Request> & { type: T }),
): Promise<ResponseOf<T>> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), request)) as
    | { ok: true; data: ResponseOf<T> }
    | { ok: false; error: { code: string; message: string } }
    | undefined;
  if (!reply) throw new Error(`no reply to ${request.type}`);
  if (!reply.ok)
    throw new Error(`${request.type} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}
