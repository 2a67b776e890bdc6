import { PatientDetailView } from './patient-detail';
import { PatientForm } from './patient-form';
import { PatientList } from './patient-list';
import { useCall } from '../api/use-call';

function EditPatient({ id }: { id: string }) {
  const { data: patient, error } = useCall('patients:get', { id });
  if (error) return <div className="alert alert-error" role="alert">{error}</div>;
  return patient ? <PatientForm key={patient.version} existing={patient} /> : <p aria-busy="true">Loading…</p>;
}

/** #/patients, #/patients/new, #/patients/:id, #/patients/:id/edit */
export function PatientRoutes({ route }: { route: string }) {
  const [, , id, action] = route.split('/');
  if (id === 'new') return <PatientForm />;
  if (id && action === 'edit') return <EditPatient id={id} />;
  if (id) return <PatientDetailView key={id} id={id} />;
  return <PatientList />;
}
