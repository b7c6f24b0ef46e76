/**
 * A small HTML template helper for the server-rendered pages. `html` escapes every interpolated
 * value unless it is already `SafeHtml`; `raw` is the one explicit way to insert trusted markup;
 * `safeUrl` keeps anything but web and same-page addresses out of `href` attributes.
 */

/** Markup that is safe to insert as is: built by `html` or marked trusted with `raw`. */
export class SafeHtml {
  // A private field makes the type nominal: a plain `{ value: string }` is not SafeHtml.
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  get value(): string {
    return this.#markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/** What a template may interpolate. `undefined`, `null` and `false` render as nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an element body or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ENTITIES[char] ?? char);
}

function renderValue(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: HtmlValue) => renderValue(item)).join('');
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are trusted markup, every interpolated value is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks markup as trusted. Only for markup the code itself wrote, never for input. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

// Browsers skip leading C0 controls and spaces in a URL, so "\u0001javascript:" still runs script.
function stripLeadingControls(url: string): string {
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start += 1;
  return url.slice(start);
}

/**
 * A URL that may go in an `href`: http(s) addresses and relative ones starting with "/", "#" or
 * "?" pass; everything else (javascript:, data:, vbscript:, bare words) becomes "#".
 */
export function safeUrl(url: string | null | undefined): string {
  if (typeof url !== 'string') return '#';
  const trimmed = stripLeadingControls(url).trimEnd();
  if (trimmed === '') return '#';
  const first = trimmed[0];
  if (first === '/' || first === '#' || first === '?') return trimmed;
  try {
    const protocol = new URL(trimmed).protocol;
    return protocol === 'http:' || protocol === 'https:' ? trimmed : '#';
  } catch {
    return '#';
  }
}
