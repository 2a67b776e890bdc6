// The pharmacy's own prescription label barcode. Its layout is a pattern with placeholders, compiled
// into a matcher here: literal text is escaped, so a layout never runs a user-written regular expression.

export type LabelSymbology = 'code128' | 'code39' | 'qr' | 'datamatrix';

export interface LabelLayout {
  symbology: LabelSymbology;
  /**
   * The label's text: placeholders {rx} (digits, required), {fill} (digits) and {store} (letters or
   * digits), each optionally with a fixed width ({rx:7}); everything else is literal text.
   */
  pattern: string;
}

/** Most pharmacy systems print the Rx number alone in Code 128. */
export const DEFAULT_LABEL_LAYOUT: LabelLayout = { symbology: 'code128', pattern: '{rx}' };

export type LabelResult =
  { ok: true; rxNumber: string; fillNumber?: string; store?: string } | { ok: false; problem: string };

type Field = 'rx' | 'fill' | 'store';

export interface CompiledLayout {
  layout: LabelLayout;
  match(text: string): Partial<Record<Field, string>> | undefined;
}

const escape = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const FIELD_CLASS: Record<Field, string> = { rx: '[0-9]', fill: '[0-9]', store: '[A-Za-z0-9]' };

/** Compiles a layout, or explains why the pattern cannot be used. */
export function compileLabelLayout(
  layout: LabelLayout,
): { ok: true; compiled: CompiledLayout } | { ok: false; problem: string } {
  const pattern = layout.pattern;
  if (pattern.length === 0 || pattern.length > 100)
    return { ok: false, problem: 'The label layout pattern must be between 1 and 100 characters' };
  const tokens = pattern.split(/(\{[^{}]*\})/);
  const order: Field[] = [];
  let source = '^';
  let previousVariable = false;
  for (const token of tokens) {
    if (token === '') continue;
    const placeholder = /^\{(rx|fill|store)(?::(\d{1,2}))?\}$/.exec(token);
    if (!placeholder) {
      if (token.includes('{') || token.includes('}'))
        return {
          ok: false,
          problem: `The label layout has "${token}", which is not a placeholder: use {rx}, {fill} or {store}, optionally with a width such as {rx:7}`,
        };
      source += escape(token);
      previousVariable = false;
      continue;
    }
    const field = placeholder[1] as Field;
    if (order.includes(field)) return { ok: false, problem: `The label layout has {${field}} more than once` };
    const width = placeholder[2] === undefined ? undefined : Number(placeholder[2]);
    if (width !== undefined && (width < 1 || width > 20))
      return { ok: false, problem: `The width of {${field}} must be between 1 and 20` };
    if (width === undefined && previousVariable)
      return {
        ok: false,
        problem: `The label layout puts {${field}} right after another field of no fixed width, so they cannot be told apart: give one a width (e.g. {${field}:2}) or put text between them`,
      };
    order.push(field);
    source += `(${FIELD_CLASS[field]}${width === undefined ? '{1,20}' : `{${width}}`})`;
    previousVariable = width === undefined;
  }
  if (!order.includes('rx')) return { ok: false, problem: 'The label layout must contain {rx}, the Rx number' };
  const regex = new RegExp(`${source}$`, 'i');
  return {
    ok: true,
    compiled: {
      layout,
      match(text) {
        const m = regex.exec(text);
        if (!m) return undefined;
        return Object.fromEntries(order.map((f, k) => [f, m[k + 1] ?? ''])) as Partial<Record<Field, string>>;
      },
    },
  };
}

/** Reads a scanned label barcode in the pharmacy's layout. */
export function parseLabel(text: string, layout: LabelLayout = DEFAULT_LABEL_LAYOUT): LabelResult {
  const compiled = compileLabelLayout(layout);
  if (!compiled.ok) return compiled;
  const fields = compiled.compiled.match(text.replace(/[\r\n\t]+$/, ''));
  if (!fields?.rx)
    return { ok: false, problem: `This is not a prescription label in the pharmacy's layout (${layout.pattern})` };
  const result: LabelResult & { ok: true } = { ok: true, rxNumber: fields.rx };
  if (fields.fill !== undefined) result.fillNumber = fields.fill;
  if (fields.store !== undefined) result.store = fields.store;
  return result;
}
