/**
 * Parsing and formatting for the date, time and date-time controls. Shown as `dd/mm/yyyy` and
 * `hh:mm` (24-hour, the Vietnamese convention, also used for English), stored as ISO/RFC 3339:
 * `yyyy-mm-dd`, `hh:mm:ss` (+ the browser's UTC offset for `format: time`), `yyyy-mm-ddThh:mm:ss±hh:mm`.
 * Text that does not parse is returned as `undefined` so the caller can keep it visible and invalid.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `5/9/2026`, `05.09.2026`, `05-09-2026` or ISO `2026-09-05` → `2026-09-05`; undefined if not a real date. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  let d: number, mo: number, y: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** `2026-09-05` → `05/09/2026`; any other string is returned unchanged (it is shown as typed). */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

export interface Clock {
  readonly h: number;
  readonly m: number;
  readonly s: number;
}

/** `14:30`, `14h30`, `14:30:15`, `9:05` → clock; undefined when not a valid time of day. */
export function parseClock(text: string): Clock | undefined {
  const m = /^(\d{1,2})[:hH.](\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return h < 24 && mi < 60 && s < 60 ? { h, m: mi, s } : undefined;
}

/** The browser's UTC offset on a given local date and time, as `±hh:mm`. */
export function localOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const clockText = (c: Clock): string => `${pad(c.h)}:${pad(c.m)}${c.s ? `:${pad(c.s)}` : ''}`;

/** `14:30` → `14:30:00+07:00` (`withOffset`) or `14:30:00`. */
export function parseTime(text: string, withOffset: boolean): string | undefined {
  const c = parseClock(text);
  if (!c) return undefined;
  const base = `${pad(c.h)}:${pad(c.m)}:${pad(c.s)}`;
  return withOffset ? `${base}${localOffset(new Date())}` : base;
}

/** `14:30:00+07:00` → `14:30` (the wall time as written); other strings unchanged. */
export function formatTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[zZ]|[+-]\d{2}(?::?\d{2})?)?$/.exec(value);
  return m ? clockText({ h: Number(m[1]), m: Number(m[2]), s: Number(m[3]) }) : value;
}

/** `05/09/2026 14:30` → `2026-09-05T14:30:00+07:00` (the browser's offset on that date). */
export function parseDateTime(text: string): string | undefined {
  const m = /^(\S+)\s+(\S+)$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const date = parseDate(m[1]);
  const clock = parseClock(m[2]);
  if (!date || !clock) return undefined;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const offset = localOffset(new Date(y, mo - 1, d, clock.h, clock.m, clock.s));
  return `${date}T${pad(clock.h)}:${pad(clock.m)}:${pad(clock.s)}${offset}`;
}

/** `2026-09-05T14:30:00+07:00` → `05/09/2026 14:30` (wall time as written); other strings unchanged. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})[tT ](\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[zZ]|[+-]\d{2}(?::?\d{2})?)?)$/.exec(value);
  return m?.[1] && m[2] ? `${formatDate(m[1])} ${formatTime(m[2])}` : value;
}
