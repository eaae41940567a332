/**
 * InboxSDK accepts `sdk_<label>_<first 10 hex of sha1(label)>` (label 5–15 characters);
 * any other id still loads but puts a red warning bar over Gmail.
 */
export const APP_ID = 'sdk_sidedesk_cc63332b81';
