// The CMR offers still to make this contract year: every member enrolled (or targeted) with no offer,
// no CMR and no opt-out, with the date the offer is due (CMS guidance: 60 days after enrolment).
import { lastFirst } from '../../preload/person-name';
import { todayIso } from '../../preload/schemas/dates';
import type { CmrOfferDue } from '../../preload/schemas/eligibility';
import type { Row } from '../db/rows';
import { all, sql, type Q } from '../db/sql';
import { cmrOfferDueDate } from './targeting';

type OutstandingRow = Pick<Row<'mtm_enrollments'>, 'patient_id' | 'contract_year' | 'version'> &
  Pick<Row<'patients'>, 'date_of_birth' | 'last_name' | 'first_name'> & {
    from_date: string;
  };

/** The outstanding CMR offers of the contract year `today` falls in, soonest due first. */
export async function cmrOffersDue(q: Q, today = todayIso()): Promise<CmrOfferDue[]> {
  const rows = await all<OutstandingRow>(
    q,
    sql`SELECT e.patient_id, e.contract_year, e.version, pt.last_name, pt.first_name,
               pt.date_of_birth,
               coalesce(e.enrolled_date, e.targeted_date) AS from_date
        FROM mtm_enrollments e JOIN patients pt ON pt.id = e.patient_id AND pt.deleted_at IS NULL
        WHERE e.contract_year = ${Number(today.slice(0, 4))} AND coalesce(e.enrolled_date, e.targeted_date) IS NOT NULL
          AND e.cmr_offered_date IS NULL AND e.cmr_completed_date IS NULL AND e.opt_out_date IS NULL`,
  );
  return rows
    .map((r) => {
      const dueDate = cmrOfferDueDate(r.from_date);
      return {
        patientId: r.patient_id,
        patient: lastFirst({ lastName: r.last_name, firstName: r.first_name }),
        dateOfBirth: r.date_of_birth,
        contractYear: r.contract_year,
        enrolledDate: r.from_date,
        dueDate,
        overdue: dueDate < today,
        version: r.version,
      };
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.patient.localeCompare(b.patient));
}
