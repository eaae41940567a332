interface ImportMetaEnv {
  /** The API the build points at (`npm start` sets it); changeable in the popup. */
  readonly WXT_API_URL?: string;
}
