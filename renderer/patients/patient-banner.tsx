import type { PatientDetail } from '../../preload/schemas/patients';
import { capitalize } from '../ui/capitalize';
import { dobWithAge, formatMbi, languageName, listName, sexLabel } from './patient-format';

/** The safety banner: on every screen about one patient, so nobody documents on the wrong person. */
export function PatientBanner({ patient }: { patient: PatientDetail }) {
  const allergies = patient.allergies;
  return (
    <section className="patient-banner" aria-label="Patient">
      <h1 className="banner-name" data-testid="banner-name">
        {listName(patient)}
      </h1>
      <dl className="banner-facts">
        <div>
          <dt>DOB</dt>
          <dd>{dobWithAge(patient.dateOfBirth)}</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd>{sexLabel(patient.sex)}</dd>
        </div>
        <div>
          <dt>MBI</dt>
          <dd>{formatMbi(patient.mbi) || 'Not recorded'}</dd>
        </div>
        {patient.partD.memberId ? (
          <div>
            <dt>Member ID</dt>
            <dd>{patient.partD.memberId}</dd>
          </div>
        ) : null}
        <div>
          <dt>Language</dt>
          <dd>
            {languageName(patient.preferredLanguage)}
            {patient.largePrint ? ', large print' : ''}
          </dd>
        </div>
      </dl>
      <p
        className={`banner-allergies ${allergies.length ? 'has-allergies' : patient.noKnownAllergies ? 'nka' : 'unrecorded'}`}
        data-testid="banner-allergies"
      >
        <strong>{allergies.length ? '⚠ Allergies: ' : ''}</strong>
        {allergies.length
          ? allergies
              .map(
                (a) =>
                  `${a.substance}${a.reaction ? ` (${a.reaction}${a.severity !== 'unknown' ? `, ${a.severity}` : ''})` : a.severity !== 'unknown' ? ` (${a.severity})` : ''}${a.kind === 'intolerance' ? ` – ${capitalize(a.kind)}` : ''}`,
              )
              .join('; ')
          : patient.noKnownAllergies
            ? 'No known allergies'
            : '⚠ Allergies not yet recorded — ask the patient'}
      </p>
    </section>
  );
}
