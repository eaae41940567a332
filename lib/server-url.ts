export const DEFAULT_SERVER_URL = import.meta.env.WXT_API_URL || 'http://localhost:8787';
