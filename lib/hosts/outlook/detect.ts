import { MAIL_PATH, MESSAGE_LIST, OWA_NODES, POPOUT_PATH, READING_PANE } from './selectors';

/** Outlook's React client, by its own nodes: the host name alone misses pop-outs and old OWA. */
export const isOutlookClient = (doc: Document) => doc.querySelector(OWA_NODES) !== null;

/** The mail module of the main window (not calendar, not a pop-out compose window). */
export const isMailView = (pathname: string) =>
  MAIL_PATH.test(pathname) && !POPOUT_PATH.test(pathname);

/** The hooks everything else hangs on: the message list or the reading pane. */
export const hasMailHooks = (doc: Document) =>
  doc.querySelector(`${MESSAGE_LIST}, ${READING_PANE}`) !== null;
