/**
 * A conversation's id is derived from its key, so two agents who meet the same
 * conversation offline create the same record and no merge is ever needed.
 */
export async function conversationIdFor(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `c${hex.slice(0, 31)}`;
}
