// Billing: the claims of a date range, their export, and the set-up they depend on.
import { useState } from 'react';
import type { BillingSetup } from '../../preload/schemas/billing';
import { useCall } from '../api/use-call';
import { DateRangeFields, useDateRange } from '../ui/date-range';
import { Loaded } from '../ui/loaded';
import { BillingSetupPanel } from './billing-setup-panel';
import { ClaimsPanel } from './claims-panel';
import { DataElementsPanel } from './data-elements-panel';
import { ExportPanel } from './export-panel';

export function BillingScreen() {
  const loaded = useCall('billing:setup', {});
  // The set-up as saved on this screen replaces the one loaded.
  const [setup, setSetup] = useState<BillingSetup | null>(null);
  const { typed, setTyped, range } = useDateRange(30);
  // Each panel reloads the other: a claim marked ready can be exported, an export changes the claims.
  const [claimsChanged, setClaimsChanged] = useState(0);
  const [exported, setExported] = useState(0);
  return (
    <section aria-labelledby="billing-screen-title">
      <div className="page-head">
        <h1 id="billing-screen-title">Billing</h1>
      </div>
      <DateRangeFields labels={['Service dates from', 'to']} typed={typed} onChange={setTyped} />
      <Loaded result={{ data: setup ?? loaded.data, error: loaded.error }} loading={null}>
        {(current) => (
          <>
            <ClaimsPanel
              key={`claims-${exported}`}
              payers={current.payers}
              range={range}
              onChanged={() => setClaimsChanged((n) => n + 1)}
            />
            {current.payers.length > 0 && (
              <ExportPanel
                key={`export-${claimsChanged}`}
                payers={current.payers.filter((p) => p.active)}
                range={range}
                onExported={() => setExported((n) => n + 1)}
              />
            )}
            <DataElementsPanel />
            <BillingSetupPanel setup={current} onSaved={setSetup} />
          </>
        )}
      </Loaded>
    </section>
  );
}
