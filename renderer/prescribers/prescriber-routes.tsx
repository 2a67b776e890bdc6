import { useEffect, useState } from 'react';
import type { Prescriber } from '../../preload/schemas/prescribers';
import { call } from '../api/bridge';
import { PrescriberForm } from './prescriber-form';
import { PrescriberList } from './prescriber-list';

function EditPrescriber({ id }: { id: string }) {
  const [p, setP] = useState<Prescriber | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('prescribers:get', { id }).then(setP, (e: Error) => setError(e.message));
  }, [id]);
  if (error) return <div className="alert alert-error" role="alert">{error}</div>;
  return p ? <PrescriberForm key={p.version} existing={p} /> : <p aria-busy="true">Loading…</p>;
}

/** #/prescribers, #/prescribers/new, #/prescribers/:id */
export function PrescriberRoutes({ route }: { route: string }) {
  const [, , id] = route.split('/');
  if (id === 'new') return <PrescriberForm />;
  if (id) return <EditPrescriber key={id} id={id} />;
  return <PrescriberList />;
}
