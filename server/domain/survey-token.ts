/**
 * Rating-link tokens: the workspace and survey ids (32 bytes) and an HMAC-SHA256 of them
 * under the workspace's survey key, both base64url: `<ids>.<signature>`, 87 characters.
 * WebCrypto only, so the same code runs on Node and on Workers; `subtle.verify` compares
 * in constant time.
 */

const TOKEN = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

export type SurveyToken = {
  workspaceId: string;
  surveyId: string;
  signature: Uint8Array<ArrayBuffer>;
};

const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (c) =>
    c === '+' ? '-' : c === '/' ? '_' : '',
  );

const fromBase64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

const uuidBytes = (id: string) =>
  Uint8Array.from(id.replace(/-/g, '').match(/../g)!, (hex) => Number.parseInt(hex, 16));

const uuidOf = (bytes: Uint8Array) => {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** A new workspace key: 32 random bytes. */
export const newSurveySecret = () => toBase64url(crypto.getRandomValues(new Uint8Array(32)));

const hmacKey = (secret: string) =>
  crypto.subtle.importKey('raw', fromBase64url(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);

const idBytes = (workspaceId: string, surveyId: string) => {
  const bytes = new Uint8Array(32);
  bytes.set(uuidBytes(workspaceId), 0);
  bytes.set(uuidBytes(surveyId), 16);
  return bytes;
};

export async function signSurveyToken(
  secret: string,
  workspaceId: string,
  surveyId: string,
): Promise<string> {
  const ids = idBytes(workspaceId, surveyId);
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), ids);
  return `${toBase64url(ids)}.${toBase64url(new Uint8Array(signature))}`;
}

/** The ids a token names, not yet verified; null when it is not a token at all. */
export function readSurveyToken(token: string): SurveyToken | null {
  const parts = TOKEN.exec(token);
  if (!parts) return null;
  const ids = fromBase64url(parts[1]!);
  const signature = fromBase64url(parts[2]!);
  // One spelling per token: base64 leaves the last character's low bits free.
  if (toBase64url(ids) !== parts[1] || toBase64url(signature) !== parts[2]) return null;
  return {
    workspaceId: uuidOf(ids.subarray(0, 16)),
    surveyId: uuidOf(ids.subarray(16)),
    signature,
  };
}

export async function verifySurveyToken(secret: string, token: SurveyToken): Promise<boolean> {
  const ids = idBytes(token.workspaceId, token.surveyId);
  return crypto.subtle.verify('HMAC', await hmacKey(secret), token.signature, ids);
}
