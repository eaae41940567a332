import { Email, type Participant } from '../../schema';

const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/;

/** The first valid address in a text, lower-cased (`Email` is the schema's own rule). */
export function addressIn(text: string | null | undefined): string | null {
  const candidate = ADDRESS.exec(text ?? '')?.[0];
  const parsed = Email.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/**
 * A person as Outlook writes one: "Name <address>", a bare address, or a name whose
 * address is in a `title` (list rows). A name alone has no address: Outlook shows the
 * mailbox's own address that way, and it is left out rather than guessed.
 */
export function contactOf(text: string, title?: string | null): Participant | null {
  const shown = text.replace(/\s+/g, ' ').trim();
  const bracketed = /^(.*?)\s*<([^<>]+)>$/.exec(shown);
  if (bracketed) {
    const email = addressIn(bracketed[2]);
    return email ? { email, name: nameOf(bracketed[1]) } : null;
  }
  const email = addressIn(shown) ?? addressIn(title);
  if (!email) return null;
  return { email, name: shown.toLowerCase() === email ? null : nameOf(shown) };
}

function nameOf(text: string | undefined): string | null {
  const name = text?.replace(/^["']|["']$/g, '').trim();
  return name ? name.slice(0, 200) : null;
}
