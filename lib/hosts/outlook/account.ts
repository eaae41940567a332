import { addressIn } from './contact';
import { ACCOUNT_ADDRESS, ACCOUNT_BUTTON, LOGIN_HINT_LINK, MAILBOX_PATH } from './selectors';

/** The mailbox a path opens by its address (`/mail/support@acme.test/…`), else null. */
export function mailboxFromPath(pathname: string): string | null {
  const segment = MAILBOX_PATH.exec(pathname)?.[1];
  if (!segment) return null;
  try {
    const decoded = decodeURIComponent(segment);
    return addressIn(decoded) === decoded.toLowerCase() ? decoded.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in account's address, where the page shows it without being clicked: the
 * account flyout once opened, a `login_hint` link, the title, the account button. Outlook
 * has no element that always holds it (NOTES.md §6), so this may be null.
 */
export function primaryAccount(doc: Document): string | null {
  const button = doc.querySelector(ACCOUNT_BUTTON);
  const hints = [...doc.querySelectorAll(LOGIN_HINT_LINK)].map((a) => {
    const hint = /login_hint=([^&#]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? '';
    try {
      return decodeURIComponent(hint);
    } catch {
      return '';
    }
  });
  const places = [
    doc.querySelector(ACCOUNT_ADDRESS)?.textContent,
    ...hints,
    doc.title,
    button?.getAttribute('aria-label'),
    button?.getAttribute('title'),
  ];
  for (const place of places) {
    const address = addressIn(place);
    if (address) return address;
  }
  return null;
}

/** The mailbox this page shows: the one its path names, else the signed-in account's. */
export function pageMailbox(location: Pick<Location, 'pathname'>, doc: Document): string | null {
  return mailboxFromPath(location.pathname) ?? primaryAccount(doc);
}
