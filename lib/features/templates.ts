import { mountTemplatePicker } from '../../components/templates/mount';
import type { MailHost, OpenedCompose } from '../hosts/types';
import type { Template } from '../schema';
import { fillRatingLinks, ratingVariantsIn } from '../templates/rating-link';
import { sanitizeTemplateHtml } from '../templates/sanitize';
import { variableSource } from '../templates/source';
import { fillVariables } from '../templates/variables';
import type { Background } from './background';
import type { Feature } from './index';
import { fetchRatingLinks, RatingLinkUnavailable } from './rating-link';
import { problemOf } from './thread-sidebar';

const BUTTON = {
  title: 'Insert a template (Alt+Shift+R)',
  iconUrl: `data:image/svg+xml,${encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="4" y="3" width="16" height="18" rx="2" fill="none" stroke="#444" stroke-width="2"/><path d="M8 8h8M8 12h8M8 16h5" stroke="#444" stroke-width="2"/></svg>',
  )}`,
};

/**
 * The draft's conversation (a reply in a thread we know) and the variables' values; a
 * rating variable gets a fresh link from the API, or the template is not inserted.
 */
async function fill(host: MailHost, compose: OpenedCompose, background: Background, body: string) {
  const threadId = await compose.threadId();
  const [state, members, conversation] = await Promise.all([
    background.send({ type: 'getState' }),
    background.send({ type: 'listMembers' }),
    threadId
      ? background.send({
          type: 'getConversation',
          by: { ref: { host: host.host, mailbox: host.mailbox, threadId } },
        })
      : null,
  ]);
  const source = variableSource({
    conversation,
    members,
    me: state.member,
    mailbox: host.mailbox,
    recipients: compose.recipients(),
  });
  const links = await fetchRatingLinks(
    background,
    conversation?.id ?? null,
    ratingVariantsIn(body),
  );
  const html = fillRatingLinks(fillVariables(body, source), links);
  return { html: sanitizeTemplateHtml(html), conversation };
}

/** One picker per draft at a time; asking again while it is open focuses it. */
function pickerFor(
  host: MailHost,
  compose: OpenedCompose,
  background: Background,
  report: (e: unknown) => void,
) {
  let open: { host: HTMLElement; controller: AbortController } | null = null;
  return () => {
    if (open) {
      open.host.shadowRoot?.querySelector('input')?.focus();
      return;
    }
    const controller = new AbortController();
    compose.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const picker = mountTemplatePicker(compose.element, controller.signal);
    open = { host: picker.host, controller };
    const close = () => {
      controller.abort();
      open = null;
    };
    document.addEventListener(
      'mousedown',
      (e) => {
        if (!e.composedPath().includes(picker.host)) close();
      },
      { capture: true, signal: controller.signal },
    );
    let templates: Template[] | null = null;
    let problem: string | null = null;
    const choose = async (template: Template) => {
      try {
        const { html, conversation } = await fill(host, compose, background, template.body);
        close();
        compose.focusBody();
        compose.insertHtml(html);
        const args = { templateId: template.id, conversationId: conversation?.id ?? null };
        await background.send({ type: 'mutate', name: 'template.use', args });
      } catch (error) {
        // The picker stays open to say why, so the agent can pick another template.
        if (error instanceof RatingLinkUnavailable && open) {
          problem = error.message;
          draw();
          return;
        }
        close();
        report(error);
      }
    };
    const draw = () =>
      picker.draw({
        templates,
        problem,
        onChoose: (t) => void choose(t),
        onClose: () => {
          close();
          compose.focusBody();
        },
      });
    draw();
    background.send({ type: 'listTemplates' }).then(
      (list) => {
        templates = list;
        draw();
      },
      (error: unknown) => {
        problem = problemOf(error);
        templates = [];
        draw();
      },
    );
  };
}

/** A toolbar button and the template shortcut on every draft open a searchable picker. */
export const templates: Feature = {
  name: 'templates',
  init({ host, background, commands, signal, report }) {
    host.onComposeOpened((compose) => {
      if (signal.aborted) return;
      const open = pickerFor(host, compose, background, report);
      compose.addToolbarButton({ ...BUTTON, onClick: open });
      commands.register('template', open, AbortSignal.any([signal, compose.signal]));
    }, signal);
  },
};
