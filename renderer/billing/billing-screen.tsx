// Billing: the claims of a date range, their export, and the set-up they depend on.
import { useState } from 'react';
import type { BillingSetup } from '../../preload/schemas/billing';
import { formatIsoDate, isoDaysBefore, parseUsDate } from '../../preload/schemas/dates';
import { useCall } from '../api/use-call';
import { TextField } from '../ui/field';
import { BillingSetupPanel } from './billing-setup-panel';
import { ClaimsPanel } from './claims-panel';
import { DataElementsPanel } from './data-elements-panel';
import { ExportPanel } from './export-panel';

const today = () => new Date().toISOString().slice(0, 10);

export function BillingScreen() {
  const loaded = useCall('billing:setup', {});
  const [setup, setSetup] = useState<BillingSetup | null>(null);
  const current = setup ?? loaded.data;
  const [typed, setTyped] = useState({ from: formatIsoDate(isoDaysBefore(today(), 30)), to: formatIsoDate(today()) });
  // Each panel reloads the other: a claim marked ready can be exported, an export changes the claims.
  const [claimsChanged, setClaimsChanged] = useState(0);
  const [exported, setExported] = useState(0);
  const range = { from: parseUsDate(typed.from) ?? isoDaysBefore(today(), 30), to: parseUsDate(typed.to) ?? today() };
  return (
    <section aria-labelledby="billing-screen-title">
      <div className="page-head">
        <h1 id="billing-screen-title">Billing</h1>
      </div>
      {loaded.error && <div className="alert alert-error" role="alert">{loaded.error}</div>}
      <div className="panel">
        <div className="form-grid">
          <TextField label="Service dates from" value={typed.from} onChange={(from) => setTyped({ ...typed, from })} placeholder="MM/DD/YYYY" />
          <TextField label="to" value={typed.to} onChange={(to) => setTyped({ ...typed, to })} placeholder="MM/DD/YYYY" />
        </div>
      </div>
      {current && (
        <>
          <ClaimsPanel key={exported} payers={current.payers} range={range} onChanged={() => setClaimsChanged((n) => n + 1)} />
          {current.payers.length > 0 && <ExportPanel key={claimsChanged} payers={current.payers.filter((p) => p.active)} range={range} onExported={() => setExported((n) => n + 1)} />}
          <DataElementsPanel />
          <BillingSetupPanel setup={current} onSaved={setSetup} />
        </>
      )}
    </section>
  );
}
