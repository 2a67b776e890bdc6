import { useEffect, useState } from 'react';
import type { PatientDetail } from '../../preload/schemas/patients';
import { call } from '../api/bridge';

/** Loads one patient; `error` holds a plain message if it cannot be shown. */
export function usePatient(id: string | null) {
  const [patient, setPatient] = useState<PatientDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let current = true;
    setPatient(null);
    call('patients:get', { id })
      .then((p) => current && setPatient(p))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [id]);
  return { patient, error };
}
