import { useCallback, useEffect, useState } from 'react';
import type { PatientClinical } from '../../preload/schemas/clinical';
import { call } from '../api/bridge';

export function useClinical(patientId: string) {
  const [clinical, setClinical] = useState<PatientClinical | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('patients:clinical', { patientId }).then(setClinical, (e: Error) => setError(e.message));
  }, [patientId]);
  useEffect(reload, [reload]);
  return { clinical, error, reload };
}
