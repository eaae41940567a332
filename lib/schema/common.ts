import { z } from 'zod';

/** Server-issued ids are UUIDs; client-created records (notes) carry client UUIDs too. */
export const Id = z.uuid();

/** ISO-8601 instant with offset, as JSON carries every timestamp. */
export const Instant = z.iso.datetime({ offset: true });

export const Email = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase());

/** A workspace version: the sync cursor. */
export const Version = z.number().int().nonnegative();

export const Role = z.enum(['admin', 'lead', 'agent']);
export type Role = z.infer<typeof Role>;

export const Host = z.enum(['gmail', 'outlook']);
export type Host = z.infer<typeof Host>;

/** Every error the API returns has this shape; `code` is stable, `message` is for people. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** The largest request body the API accepts (413 beyond); clients size their batches by it. */
export const MAX_BODY_BYTES = 1024 * 1024;
