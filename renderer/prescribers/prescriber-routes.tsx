import { useCall } from '../api/use-call';
import { PrescriberForm } from './prescriber-form';
import { PrescriberList } from './prescriber-list';

function EditPrescriber({ id }: { id: string }) {
  const { data: p, error } = useCall('prescribers:get', { id });
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
