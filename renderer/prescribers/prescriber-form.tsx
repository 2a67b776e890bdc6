import { formatPhone, US_STATE_CODES } from '../../preload/schemas/identifiers';
import { CONTACT_METHODS, type Prescriber } from '../../preload/schemas/prescribers';
import { call } from '../api/bridge';
import { useCall } from '../api/use-call';
import { navigate } from '../app/use-hash-route';
import { addressFields, addressInput, BLANK_ADDRESS } from '../ui/address-fields';
import { capitalize } from '../ui/capitalize';
import { FormAlert, SelectField, TextField } from '../ui/field';
import { Loaded } from '../ui/loaded';
import { useForm } from '../ui/use-form';

const blank = {
  npi: '',
  firstName: '',
  lastName: '',
  credentials: '',
  dea: '',
  practice: '',
  phone: '',
  fax: '',
  ...BLANK_ADDRESS,
  preferredContact: 'fax',
};

function fromPrescriber(p: Prescriber): typeof blank {
  return {
    npi: p.npi,
    firstName: p.firstName,
    lastName: p.lastName,
    credentials: p.credentials ?? '',
    dea: p.dea ?? '',
    practice: p.practice ?? '',
    phone: formatPhone(p.phone),
    fax: formatPhone(p.fax),
    ...addressFields(p.address),
    preferredContact: p.preferredContact,
  };
}

const STATES = [{ value: '', label: '—' }, ...US_STATE_CODES.map((s) => ({ value: s, label: s }))];

/** #/prescribers/:id: the saved record, then the form (a new version starts the form again). */
export function EditPrescriber({ id }: { id: string }) {
  return (
    <Loaded result={useCall('prescribers:get', { id })}>
      {(p) => <PrescriberForm key={p.version} existing={p} />}
    </Loaded>
  );
}

export function PrescriberForm({ existing }: { existing?: Prescriber }) {
  const {
    values: v,
    set,
    errors,
    busy,
    submit,
  } = useForm(existing ? fromPrescriber(existing) : blank, {
    prefix: 'prescriber.',
    draft: `prescriber:${existing?.id ?? 'new'}`,
  });
  const err = (f: string) => errors.fields[f];
  const cancel = () => navigate('/prescribers');
  const onSubmit = submit(async (f) => {
    const prescriber = {
      npi: f.npi,
      firstName: f.firstName,
      lastName: f.lastName,
      credentials: f.credentials,
      dea: f.dea,
      practice: f.practice,
      phone: f.phone,
      fax: f.fax,
      address: addressInput(f),
      preferredContact: f.preferredContact as Prescriber['preferredContact'],
    };
    if (existing) await call('prescribers:update', { id: existing.id, version: existing.version, prescriber });
    else await call('prescribers:create', { prescriber });
    navigate('/prescribers');
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="prescriber-form-title"
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
    >
      <div className="page-head">
        <h1 id="prescriber-form-title">
          {existing ? `Edit ${existing.firstName} ${existing.lastName}` : 'New prescriber'}
        </h1>
      </div>
      <FormAlert message={errors.form} />
      <fieldset>
        <legend>Prescriber</legend>
        <div className="form-grid">
          <TextField
            label="First name"
            value={v.firstName}
            onChange={set('firstName')}
            error={err('firstName')}
            autoFocus
          />
          <TextField label="Last name" value={v.lastName} onChange={set('lastName')} error={err('lastName')} />
          <TextField
            label="Credentials"
            value={v.credentials}
            onChange={set('credentials')}
            error={err('credentials')}
            placeholder="MD, DO, NP, PA-C"
          />
          <TextField
            label="NPI"
            value={v.npi}
            onChange={set('npi')}
            error={err('npi')}
            hint="10 digits"
            inputMode="numeric"
          />
          <TextField
            label="DEA number (optional)"
            value={v.dea}
            onChange={set('dea')}
            error={err('dea')}
            className="mono"
          />
          <TextField label="Practice" span={3} value={v.practice} onChange={set('practice')} error={err('practice')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>How to reach them</legend>
        <div className="form-grid">
          <SelectField
            label="Preferred contact"
            value={v.preferredContact}
            onChange={set('preferredContact')}
            options={CONTACT_METHODS.map((m) => ({ value: m, label: capitalize(m) }))}
          />
          <TextField label="Fax" value={v.fax} onChange={set('fax')} error={err('fax')} type="tel" />
          <TextField label="Phone" value={v.phone} onChange={set('phone')} error={err('phone')} type="tel" />
          <div />
          <TextField
            label="Street address"
            span={2}
            value={v.line1}
            onChange={set('line1')}
            error={err('address.line1')}
          />
          <TextField label="Suite" value={v.line2} onChange={set('line2')} error={err('address.line2')} />
          <div />
          <TextField label="City" span={2} value={v.city} onChange={set('city')} error={err('address.city')} />
          <SelectField
            label="State"
            value={v.state}
            onChange={set('state')}
            options={STATES}
            error={err('address.state')}
          />
          <TextField
            label="ZIP code"
            value={v.zip}
            onChange={set('zip')}
            error={err('address.zip')}
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <div className="actions">
        <button type="button" onClick={cancel} title="Esc">
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Save changes' : 'Add prescriber'}
        </button>
      </div>
    </form>
  );
}
