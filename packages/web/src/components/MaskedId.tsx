import { api } from '../api/client';
import { useAuth } from '../app/auth';
import { RevealableText } from './RevealableText';

interface Props {
  personId: number;
  masked: string | null | undefined;
  /** The server's own verdict for this record (detail `canReveal`); the permission is checked as well. */
  allowed?: boolean;
}

/** 证件号码 as masked by the server, with 显示 for users holding `person_identity:reveal`. */
export function MaskedId({ personId, masked, allowed = true }: Props) {
  const { can } = useAuth();
  return (
    <RevealableText
      masked={masked}
      canReveal={allowed && can('person_identity:reveal')}
      reveal={async () => (await api<{ idNumber: string }>(`/persons/${personId}/reveal`, { method: 'POST' })).idNumber}
      testId="member-id"
    />
  );
}
