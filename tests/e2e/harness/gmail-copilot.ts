/**
 * A variant of the order thread (tests/fixtures/gmail/thread-2026-11.html) for the copilot
 * story, made at serve time so the dated fixture stays as Gmail drew it:
 *
 * - the customer's newest message carries a canary string (and a phone number, which
 *   redaction must hide), to prove that no thread text reaches the API;
 * - Gmail's Reply button under the newest message (`span.ams.bkH`) and the reply area of the
 *   newest message (`.ip`), which the fixture lacks ("Inline reply compose … not covered",
 *   NOTES.md). A click on Reply does what Gmail does as InboxSDK sees it
 *   (gmail-message-view.ts `#setupReplyStream`): a `.M9` compose goes into `.ip`, which
 *   gets the class `adB`; InboxSDK then announces an inline reply ComposeView. The
 *   compose's inner markup is the one of compose-2026-11.html, which InboxSDK accepts, and
 *   its form names the thread (`lts`, the thread's legacy id), as Gmail's reply forms do.
 *   Reconstructed, not captured from Gmail: only what InboxSDK reads is modelled.
 */

export const CANARY = 'CANARY-7f3a9';
export const CUSTOMER_PHONE = '+1 415 555 0199';

const NEWEST = 'Yes, the outer box had a dent on one corner. Photos of the box attached.';

const REPLY_FORM = `
<div class="M9">
  <div class="aoP aoC">
    <table class="cf"><tbody><tr><td class="I5">
      <form class="bAs" method="POST" enctype="multipart/form-data">
        <input type="hidden" name="subject" value="Re: Order #1042 arrived damaged">
        <input type="hidden" name="composeid" value="fixture-reply-1">
        <input type="hidden" name="draft" value="#msg-a:r1234567890123456790">
        <input type="hidden" name="from" value="ana@acme.test">
        <input type="hidden" name="rt" value="1">
        <input type="hidden" name="lts" value="">
      </form>
      <div class="aoD hl"><div class="J-J5-Ji"><div class="J-JN-M-I-Jm"><img class="mI" alt=""></div></div>To Maria Lopez</div>
      <div class="aoD az6" style="display: none"><input name="subjectbox" class="aoT" value="Re: Order #1042 arrived damaged"></div>
      <div class="GP" style="max-height: 400px">
        <table class="iN"><tbody><tr><td class="Ap">
          <div class="Ar Au"><div id=":reply-body" class="Am Al editable LW-avf tS-tW" contenteditable="true" g_editable="true" role="textbox" aria-label="Message Body" tabindex="1"><br></div></div>
        </td></tr></tbody></table>
      </div>
    </td></tr></tbody></table>
    <div class="aDg"><div class="aDj">
      <div class="aDh">
        <table class="IZ"><colgroup><col></colgroup><tbody><tr class="btC">
          <td class="gU Up"><div class="J-J5-Ji btA"><div class="dC">
            <div class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" tabindex="1">Send</div>
            <div class="T-I J-J5-Ji hG T-I-atl L3" role="button" tabindex="1" aria-haspopup="true" selector="scheduledSend"></div>
          </div></div></td>
          <td class="gU az5"><div class="J-Z-I J-J5-Ji" role="button"><div class="dv"></div></div></td>
          <td class="oc gU"><div class="a0z"></div></td>
          <td class="a8X gU"><div class="eq" style="left: 0px"></div></td>
          <td class="gU"><div class="bAK"></div></td>
          <td class="gU az5"><div class="oh J-Z-I J-J5-Ji T-I-ax7" role="button" aria-label="Discard draft"></div></td>
        </tr></tbody></table>
      </div>
    </div></div>
  </div>
</div>`;

const REPLY_SCRIPT = `
<script>
  // Sends that reached the page: one held by an extension (InboxSDK's presending cancel)
  // stops in the capture phase and is not counted.
  document.addEventListener('click', (event) => {
    if (event.target.closest && event.target.closest('.aoO')) window.__sendClicks = (window.__sendClicks || 0) + 1;
  });
  // Gmail's Reply: the newest message's reply area gets an inline compose (see above).
  document.addEventListener('click', (event) => {
    if (!event.target.closest || !event.target.closest('.ams.bkH')) return;
    const areas = document.querySelectorAll('.ip');
    const area = areas[areas.length - 1];
    if (!area || area.querySelector('.M9')) return;
    area.innerHTML = ${JSON.stringify(REPLY_FORM)};
    // Gmail names the reply's thread in the form (InboxSDK's ComposeView.getThreadID reads it).
    const thread = document.querySelector('[data-legacy-thread-id]');
    area.querySelector('input[name="lts"]').value = thread ? thread.getAttribute('data-legacy-thread-id') : '';
    area.classList.add('adB');
    window.__replyOpened = (window.__replyOpened || 0) + 1;
  });
</script>`;

const newestMessage = (text: string) =>
  `<div class="ii gt"><div class="a3s aiL">${text}</div></div>`;

/**
 * The order thread (Ana's or Ben's copy) with Gmail's Reply button under the newest
 * message, its reply area, and the script that opens an inline reply there on a click.
 */
export function replyableThread(page: string, newest = NEWEST): string {
  const message = newestMessage(newest);
  const withReply = page.replace(
    message,
    `${message}<div class="ip iq"></div><div class="amn"><span class="ams bkH" role="button" tabindex="0">Reply</span></div>`,
  );
  if (withReply === page)
    throw new Error('the order thread fixture changed: update gmail-copilot.ts');
  return withReply.replace('</body>', `${REPLY_SCRIPT}\n</body>`);
}

/** The order thread with the canary in its newest message, a Reply button and its reply area. */
export function copilotThread(page: string): string {
  const newest = `${NEWEST} Please send the replacement lamp soon, my reference is ${CANARY}. You can call me on ${CUSTOMER_PHONE}.`;
  const withCanary = page.replace(newestMessage(NEWEST), newestMessage(newest));
  if (withCanary === page)
    throw new Error('the order thread fixture changed: update gmail-copilot.ts');
  return replyableThread(withCanary, newest);
}
