import type { Member } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useSignOutMember } from './use-members';

/** A lost laptop: every token of the member stops working on its next request. */
export function SignOutButton({ member }: { member: Member }) {
  const signOut = useSignOutMember(member.id);
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
        data-testid="sign-out-member"
      >
        Sign out everywhere<span className="sr-only"> ({member.name})</span>
      </button>
      {signOut.isSuccess && (
        <span role="status" className="muted">
          {' '}
          Signed out
        </span>
      )}
      <Problem error={signOut.error} />
    </>
  );
}
