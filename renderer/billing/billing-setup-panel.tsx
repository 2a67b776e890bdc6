// The pharmacy as billing provider, its pharmacists as rendering providers, and its payers:
// administrators edit; pharmacists see what claims will carry.
import { useState } from 'react';
import {
  MODIFIER_CHOICES,
  MODIFIER_LABELS,
  PAYER_KIND_LABELS,
  PAYER_KINDS,
  PLACE_OF_SERVICE_LABELS,
  REMOTE_PLACES_OF_SERVICE,
  type BillingSetup,
  type Payer,
} from '../../preload/schemas/billing';
import { formatPhone } from '../../preload/schemas/identifiers';
import { call } from '../api/bridge';
import { useAllowed } from '../app/user-context';
import { FormActions, FormAlert, SelectField, TextField } from '../ui/field';
import { useForm } from '../ui/use-form';
import { dollars } from './money';

export function BillingSetupPanel({ setup, onSaved }: { setup: BillingSetup; onSaved: (s: BillingSetup) => void }) {
  const canEdit = useAllowed('billing:savePayer');
  const [editing, setEditing] = useState<'provider' | 'pharmacist' | Payer | 'newPayer' | null>(null);
  const done = (s: BillingSetup) => {
    onSaved(s);
    setEditing(null);
  };
  const p = setup.provider;
  return (
    <>
      <section className="panel" aria-labelledby="provider-title">
        <div className="panel-head">
          <h2 id="provider-title">Billing provider (the pharmacy)</h2>
          {canEdit && editing !== 'provider' && (
            <button type="button" onClick={() => setEditing('provider')}>
              {p ? 'Edit' : 'Enter billing details'}
            </button>
          )}
        </div>
        {editing === 'provider' ? (
          <ProviderForm setup={setup} onDone={done} onCancel={() => setEditing(null)} />
        ) : p ? (
          <p>
            <span className="strong">{p.legalName}</span> · NPI {p.npi} · EIN {p.taxId.slice(0, 2)}-{p.taxId.slice(2)} ·
            taxonomy {p.taxonomy} · {p.address.line1}, {p.address.city}, {p.address.state} {p.address.zip.slice(0, 5)}-
            {p.address.zip.slice(5)} · {formatPhone(p.phone)}
          </p>
        ) : (
          <p className="attention">Not entered yet: no claim can be made until it is.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="rendering-title">
        <div className="panel-head">
          <h2 id="rendering-title">Rendering pharmacists</h2>
          {canEdit && editing !== 'pharmacist' && (
            <button type="button" onClick={() => setEditing('pharmacist')}>
              + Add or update a pharmacist
            </button>
          )}
        </div>
        {editing === 'pharmacist' && <PharmacistForm onDone={done} onCancel={() => setEditing(null)} />}
        {setup.pharmacists.length ? (
          <ul className="plain-list">
            {setup.pharmacists.map((r) => (
              <li key={r.username}>
                <span className="strong">
                  {r.firstName} {r.lastName}
                </span>{' '}
                ({r.username}) · NPI {r.npi} · taxonomy {r.taxonomy}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None yet: claims need the signing pharmacist’s NPI.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="payers-title">
        <div className="panel-head">
          <h2 id="payers-title">Payers</h2>
          {canEdit && editing !== 'newPayer' && (
            <button type="button" onClick={() => setEditing('newPayer')}>
              + Add a payer
            </button>
          )}
        </div>
        {(editing === 'newPayer' || (typeof editing === 'object' && editing)) && (
          <PayerForm payer={editing === 'newPayer' ? null : editing} onDone={done} onCancel={() => setEditing(null)} />
        )}
        {setup.payers.length > 0 && (
          <table className="data-table compact">
            <thead>
              <tr>
                <th>Payer</th>
                <th>Kind</th>
                <th>IDs (payer / submitter / receiver)</th>
                <th>Units</th>
                <th>Fees 99605 / 99606 / 99607</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {setup.payers.map((x) => (
                <tr key={x.id} className={x.active ? undefined : 'inactive'}>
                  <td className="strong">{x.name}</td>
                  <td>
                    {PAYER_KIND_LABELS[x.kind]}
                    <div className="muted small">
                      Plans: {x.planContracts.length ? x.planContracts.join(', ') : 'none listed'}
                    </div>
                  </td>
                  <td>
                    {x.payerId} / {x.submitterId} / {x.receiverId}
                  </td>
                  <td>
                    {x.unitRule === 'whole' ? 'Whole 15 min' : 'Midpoint'}
                    <div className="muted small">Remote reviews: POS {x.remotePlaceOfService}</div>
                    <div className="muted small">
                      Modifier: video {x.videoModifier === 'none' || !x.videoModifier ? 'none' : x.videoModifier},
                      telephone {x.audioModifier === 'none' || !x.audioModifier ? 'none' : x.audioModifier}
                    </div>
                  </td>
                  <td>
                    {dollars(x.fees['99605'])} / {dollars(x.fees['99606'])} / {dollars(x.fees['99607'])}
                  </td>
                  <td>
                    {canEdit && (
                      <button type="button" className="link" onClick={() => setEditing(x)}>
                        Edit
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function ProviderForm({
  setup,
  onDone,
  onCancel,
}: {
  setup: BillingSetup;
  onDone: (s: BillingSetup) => void;
  onCancel: () => void;
}) {
  const p = setup.provider;
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    legalName: p?.legalName ?? '',
    npi: p?.npi ?? '',
    taxId: p?.taxId ?? '',
    taxonomy: p?.taxonomy ?? '3336C0003X',
    line1: p?.address.line1 ?? '',
    city: p?.address.city ?? '',
    state: p?.address.state ?? '',
    zip: p?.address.zip ?? '',
    phone: formatPhone(p?.phone),
  });
  const onSubmit = submit(async () =>
    onDone(
      await call('billing:saveProvider', {
        legalName: v.legalName,
        npi: v.npi,
        taxId: v.taxId,
        taxonomy: v.taxonomy,
        address: { line1: v.line1, city: v.city, state: v.state, zip: v.zip },
        phone: v.phone,
      }),
    ),
  );
  const e = (k: string) => errors.fields[k];
  return (
    <form className="inline-panel" onSubmit={onSubmit} noValidate aria-label="Billing provider">
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Legal name"
          span={2}
          value={v.legalName}
          onChange={set('legalName')}
          error={e('legalName')}
          autoFocus
        />
        <TextField
          label="Organization NPI (type 2)"
          value={v.npi}
          onChange={set('npi')}
          error={e('npi')}
          inputMode="numeric"
        />
        <TextField label="EIN" value={v.taxId} onChange={set('taxId')} error={e('taxId')} placeholder="12-3456789" />
        <TextField
          label="Taxonomy"
          value={v.taxonomy}
          onChange={set('taxonomy')}
          error={e('taxonomy')}
          hint="3336C0003X: community/retail pharmacy"
        />
        <TextField label="Street address" span={2} value={v.line1} onChange={set('line1')} error={e('address.line1')} />
        <TextField label="City" value={v.city} onChange={set('city')} error={e('address.city')} />
        <TextField label="State" value={v.state} onChange={set('state')} error={e('address.state')} />
        <TextField
          label="ZIP+4"
          value={v.zip}
          onChange={set('zip')}
          error={e('address.zip')}
          placeholder="44114-2301"
        />
        <TextField label="Billing phone" value={v.phone} onChange={set('phone')} error={e('phone')} />
      </div>
      <FormActions submitLabel="Save billing provider" busy={busy} onCancel={onCancel} />
    </form>
  );
}

function PharmacistForm({ onDone, onCancel }: { onDone: (s: BillingSetup) => void; onCancel: () => void }) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({ username: '', firstName: '', lastName: '', npi: '', taxonomy: '183500000X' });
  const onSubmit = submit(async () => onDone(await call('billing:savePharmacist', v)));
  return (
    <form className="inline-panel" onSubmit={onSubmit} noValidate aria-label="Rendering pharmacist">
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Username"
          value={v.username}
          onChange={set('username')}
          error={errors.fields.username}
          autoFocus
        />
        <TextField label="First name" value={v.firstName} onChange={set('firstName')} error={errors.fields.firstName} />
        <TextField label="Last name" value={v.lastName} onChange={set('lastName')} error={errors.fields.lastName} />
        <TextField
          label="Individual NPI (type 1)"
          value={v.npi}
          onChange={set('npi')}
          error={errors.fields.npi}
          inputMode="numeric"
        />
        <TextField
          label="Taxonomy"
          value={v.taxonomy}
          onChange={set('taxonomy')}
          error={errors.fields.taxonomy}
          hint="183500000X: pharmacist"
        />
      </div>
      <FormActions submitLabel="Save pharmacist" busy={busy} onCancel={onCancel} />
    </form>
  );
}

function PayerForm({
  payer,
  onDone,
  onCancel,
}: {
  payer: Payer | null;
  onDone: (s: BillingSetup) => void;
  onCancel: () => void;
}) {
  const money = (c: number | undefined) => (c === undefined ? '' : (c / 100).toFixed(2));
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm({
    name: payer?.name ?? '',
    payerId: payer?.payerId ?? '',
    kind: (payer?.kind ?? 'partD') as string,
    submitterId: payer?.submitterId ?? '',
    receiverId: payer?.receiverId ?? '',
    receiverName: payer?.receiverName ?? '',
    claimFilingCode: (payer?.claimFilingCode ?? 'CI') as string,
    unitRule: (payer?.unitRule ?? 'whole') as string,
    remotePos: (payer?.remotePlaceOfService ?? '01') as string,
    videoModifier: (payer?.videoModifier ?? 'none') as string,
    audioModifier: (payer?.audioModifier ?? 'none') as string,
    f5: money(payer?.fees['99605']),
    f6: money(payer?.fees['99606']),
    f7: money(payer?.fees['99607']),
    active: payer?.active ?? true,
    planContracts: payer?.planContracts.join(', ') ?? '',
  });
  const onSubmit = submit(async () =>
    onDone(
      await call('billing:savePayer', {
        ...(payer ? { id: payer.id, version: payer.version } : {}),
        name: v.name,
        payerId: v.payerId,
        kind: v.kind as Payer['kind'],
        submitterId: v.submitterId,
        receiverId: v.receiverId,
        receiverName: v.receiverName,
        claimFilingCode: v.claimFilingCode as Payer['claimFilingCode'],
        unitRule: v.unitRule as Payer['unitRule'],
        remotePlaceOfService: v.remotePos as Payer['remotePlaceOfService'],
        videoModifier: v.videoModifier as NonNullable<Payer['videoModifier']>,
        audioModifier: v.audioModifier as NonNullable<Payer['audioModifier']>,
        fees: { '99605': Number(v.f5), '99606': Number(v.f6), '99607': Number(v.f7) },
        active: v.active,
        planContracts: v.planContracts.split(/[\s,;]+/).filter(Boolean),
      }),
    ),
  );
  const e = (k: string) => errors.fields[k];
  return (
    <form
      className="inline-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={payer ? `Edit ${payer.name}` : 'New payer'}
    >
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField label="Payer name" span={2} value={v.name} onChange={set('name')} error={e('name')} autoFocus />
        <SelectField
          label="Kind"
          value={v.kind}
          onChange={set('kind')}
          options={PAYER_KINDS.map((k) => ({ value: k, label: PAYER_KIND_LABELS[k] }))}
        />
        <TextField
          label="Part D contracts it pays for"
          span={2}
          value={v.planContracts}
          onChange={set('planContracts')}
          error={Object.entries(errors.fields).find(([k]) => k.startsWith('planContracts'))?.[1]}
          hint="The contract numbers on the members’ cards, e.g. S5810, H4410: a claim’s payer defaults from them"
        />
        <TextField label="Payer ID (clearinghouse)" value={v.payerId} onChange={set('payerId')} error={e('payerId')} />
        <TextField label="Submitter ID" value={v.submitterId} onChange={set('submitterId')} error={e('submitterId')} />
        <TextField label="Receiver ID" value={v.receiverId} onChange={set('receiverId')} error={e('receiverId')} />
        <TextField
          label="Receiver (clearinghouse) name"
          span={2}
          value={v.receiverName}
          onChange={set('receiverName')}
          error={e('receiverName')}
        />
        <SelectField
          label="Claim filing indicator"
          value={v.claimFilingCode}
          onChange={set('claimFilingCode')}
          options={[
            ['CI', 'Commercial'],
            ['MB', 'Medicare Part B'],
            ['MC', 'Medicaid'],
            ['16', 'HMO Medicare Risk'],
            ['09', 'Self-pay'],
            ['ZZ', 'Mutually defined'],
          ].map(([value, label]) => ({ value: value!, label: `${value} — ${label}` }))}
        />
        <SelectField
          label="Time units"
          value={v.unitRule}
          onChange={set('unitRule')}
          options={[
            { value: 'whole', label: 'Whole 15-minute blocks' },
            { value: 'midpoint', label: 'CPT midpoint rule (8, 23, 38 min…)' },
          ]}
        />
        <SelectField
          label="Place of service, telephone and video reviews"
          span={2}
          value={v.remotePos}
          onChange={set('remotePos')}
          error={e('remotePlaceOfService')}
          options={REMOTE_PLACES_OF_SERVICE.map((c) => ({ value: c, label: PLACE_OF_SERVICE_LABELS[c] }))}
        />
        <SelectField
          label="Modifier, video reviews"
          span={2}
          value={v.videoModifier}
          onChange={set('videoModifier')}
          error={e('videoModifier')}
          options={MODIFIER_CHOICES.map((c) => ({ value: c, label: MODIFIER_LABELS[c] }))}
        />
        <SelectField
          label="Modifier, telephone (audio-only) reviews"
          span={2}
          value={v.audioModifier}
          onChange={set('audioModifier')}
          error={e('audioModifier')}
          options={MODIFIER_CHOICES.map((c) => ({ value: c, label: MODIFIER_LABELS[c] }))}
        />
        <TextField
          label="Fee 99605 ($)"
          value={v.f5}
          onChange={set('f5')}
          error={e('fees.99605')}
          inputMode="decimal"
        />
        <TextField
          label="Fee 99606 ($)"
          value={v.f6}
          onChange={set('f6')}
          error={e('fees.99606')}
          inputMode="decimal"
        />
        <TextField
          label="Fee 99607 ($)"
          value={v.f7}
          onChange={set('f7')}
          error={e('fees.99607')}
          inputMode="decimal"
        />
        <div className="field">
          <span className="field-label">Status</span>
          <label className="checkbox">
            <input type="checkbox" checked={v.active} onChange={(x) => set('active')(x.target.checked)} /> Active
          </label>
        </div>
      </div>
      <FormActions submitLabel="Save payer" busy={busy} onCancel={onCancel} />
    </form>
  );
}
