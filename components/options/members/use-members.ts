import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type Listed, patchItem } from '../../../lib/options/list';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { CreatedInvite, Invite, Member, type Role, type UpdateMember } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';
import { useListed } from '../common/use-listed';
import { useOptimistic } from '../common/use-optimistic';

export const useMembers = () =>
  useListed(optionsKeys.members, '/v1/members', z.array(Member), 'listMembers');

/** Admins only (the API refuses others); the cache keeps no invites. */
export const useInvites = () =>
  useQuery({
    queryKey: optionsKeys.invites,
    queryFn: () => relay('GET', '/v1/invites', z.array(Invite)),
    retry: shouldRetry,
  });

type MemberPatch = z.input<typeof UpdateMember>;

export const useUpdateMember = (id: string) =>
  useOptimistic({
    key: optionsKeys.members,
    run: (patch: MemberPatch) => relay('PATCH', `/v1/members/${id}`, Member, patch),
    optimistic: (list: Listed<Member> | undefined, patch: MemberPatch) =>
      patchItem(list, id, patch),
  });

export const useDeactivateMember = (id: string) =>
  useOptimistic({
    key: optionsKeys.members,
    run: (reassignTo: string | null) =>
      relay('POST', `/v1/members/${id}/deactivate`, Member, { reassignTo }),
  });

/** Revokes every token the member holds; nothing listed changes, so nothing to refresh. */
export const useSignOutMember = (id: string) =>
  useMutation({ mutationFn: () => relay('POST', `/v1/members/${id}/sign-out`, z.null()) });

export const useInvite = () =>
  useOptimistic({
    key: optionsKeys.invites,
    run: (input: { email: string; role: Role }) =>
      relay('POST', '/v1/invites', CreatedInvite, input),
  });

/** A new code means a new invite (the code derives from its id): the old one stops working. */
export const useResendInvite = () =>
  useOptimistic({
    key: optionsKeys.invites,
    run: (id: string) => relay('POST', `/v1/invites/${id}/resend`, CreatedInvite),
  });

export const useRevokeInvite = () =>
  useOptimistic({
    key: optionsKeys.invites,
    run: (id: string) => relay('DELETE', `/v1/invites/${id}`, Invite),
    optimistic: (list: Invite[] | undefined, id: string) =>
      list?.map((i) => (i.id === id ? { ...i, revokedAt: new Date().toISOString() } : i)),
  });
