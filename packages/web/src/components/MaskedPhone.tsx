import { api } from '../api/client';
import { useAuth } from '../app/auth';
import { RevealableText } from './RevealableText';

/** A household's 联系电话, masked, with 显示 for users holding `person_identity:reveal`. */
export function MaskedPhone({ householdId, masked, allowed = true }: { householdId: number; masked: string | null | undefined; allowed?: boolean }) {
  const { can } = useAuth();
  return (
    <RevealableText
      masked={masked}
      canReveal={allowed && can('person_identity:reveal')}
      reveal={async () => (await api<{ phone: string }>(`/households/${householdId}/reveal`, { method: 'POST' })).phone}
      testId="household-phone"
    />
  );
}
