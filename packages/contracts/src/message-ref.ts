/**
 * A message id with its values, in the one place that only holds a string: a zod issue's
 * `message`. Schemas are shared by core, the BFF and the SPA, so they name their messages by
 * id (validation.required?field=fields.customerCode) and each side renders the id in the
 * reader's language. A value whose name starts with `field` is itself a message id (the
 * field's name, translated before it is put in the sentence).
 */
export type MessageValues = Record<string, string | number>;

export function messageRef(id: string, values?: MessageValues): string {
  if (!values) return id;
  const query = new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)]));
  return `${id}?${query}`;
}

export interface ParsedMessageRef {
  id: string;
  values: Record<string, string>;
}

export function parseMessageRef(ref: string): ParsedMessageRef {
  const at = ref.indexOf("?");
  if (at < 0) return { id: ref, values: {} };
  return { id: ref.slice(0, at), values: Object.fromEntries(new URLSearchParams(ref.slice(at + 1))) };
}

/** Renders a ref with `translate`, translating its `field…` values first. */
export function renderMessageRef(ref: string, translate: (id: string, values?: MessageValues) => string): string {
  const { id, values } = parseMessageRef(ref);
  const rendered: MessageValues = {};
  for (const [name, value] of Object.entries(values))
    rendered[name] = name.startsWith("field") ? translate(value) : value;
  return translate(id, rendered);
}
