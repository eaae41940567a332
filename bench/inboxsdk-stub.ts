/** Stands in for @inboxsdk/core in the build that weighs our code alone (bundle-size.ts). */
export function load(): never {
  throw new Error('InboxSDK is left out of this build');
}
