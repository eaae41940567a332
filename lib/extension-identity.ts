/**
 * The manifest `key` pins the extension id on every machine, so the API's CORS
 * allow-list and the OAuth redirect URL (https://<id>.chromiumapp.org/) are known in
 * advance. Only the public half is here; Chrome derives the id from it.
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4GNGw1ZFqbOXm8yhc41n3xyF30RX9OC+uTjd3t5yzLOm3qD6++utDpKlVIVcp2m5cjbrjxrWkwTtN+XaeSj8uqk5ZpwjAuHEiYprucxeeyqO4qYwvXoCLtVtneyxVdEwc5U+CJ0Qppllm1QakQGMCg9paPQWqvDQwQOPXmq4IcuzjgBxgMxQ5GiDyecZAqJ53Dob74H/TySQpN4dYywdlNIxOuuhJmoC/bSpbOiJ1ChiI7eKwebS7nI4XkLDb2crrs8Llnefc7tsVW9AW2JnCL8Oz7FaifLjkHMSlUlpMN5EysDr0lWfw00sbuV1VhGom1/rAtrcn6GKCLFv/yOH9QIDAQAB';

/** sha256 of the DER public key, first 32 hex digits mapped 0-f → a-p (how Chrome names it). */
export const EXTENSION_ID = 'paoacmceonakckbggjmgbiapdjokogfh';

export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
