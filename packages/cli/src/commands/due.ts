/**
 * `hoso due --from <date> --working-days <n> | --days <n> | --months <n> | --hours <n> [--json]`
 *
 * Prints the legal due date (Civil Code counting, Vietnamese holiday calendar) with the calendar
 * version used and how the days were counted. Exit 2 on bad input or a missing calendar year.
 */
import type { Io } from '../main.js';
import type { DeadlineUnit } from '@hoso/workflow';
import { computeDue, DateFormatError, MissingCalendarError, WorkingCalendar } from '@hoso/workflow';
import { InputError, loadContent, workflowsDir } from '../scenario/content.js';

const UNITS: Record<string, DeadlineUnit> = {
  '--working-days': 'workingDays',
  '--days': 'days',
  '--months': 'months',
  '--hours': 'hours',
};
const USAGE =
  'usage: hoso due --from <YYYY-MM-DD | date-time with offset> (--working-days | --days | --months | --hours) <n> [--json]';

const UNIT_TEXT: Record<DeadlineUnit, string> = {
  workingDays: 'working days',
  days: 'calendar days',
  months: 'months',
  hours: 'hours',
};

function parseArgs(args: string[]): { from: string; n: number; unit: DeadlineUnit; json: boolean } {
  let from: string | undefined;
  let unit: DeadlineUnit | undefined;
  let n: number | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--json') json = true;
    else if (a === '--from') {
      from = args[++i];
      if (from === undefined) throw new InputError('--from needs a date');
    } else if (a in UNITS) {
      if (unit) throw new InputError('give exactly one of --working-days, --days, --months, --hours');
      unit = UNITS[a];
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) {
        throw new InputError(`${a} needs a whole number ≥ 1, got ${JSON.stringify(v ?? '')}`);
      }
      n = Number(v);
    } else throw new InputError(`unknown option ${JSON.stringify(a)}`);
  }
  if (!from) throw new InputError('--from is required');
  if (!unit || n === undefined) throw new InputError('give one of --working-days, --days, --months, --hours');
  return { from, n, unit, json };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const weekday = (date: string): string => WEEKDAYS[new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? '';

export async function run(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  try {
    const dir = workflowsDir(args, io.cwd);
    const { from, n, unit, json } = parseArgs(args);
    const content = loadContent(dir, io.cwd);
    const calendar = new WorkingCalendar(content.calendars);
    const due = computeDue({ n, unit, from }, calendar);
    const sources = due.calendars.map((c) => ({ ...c, source: calendar.calendar(c.year).source }));
    if (json) {
      io.out(JSON.stringify({ ...due, calendars: sources }, null, 2));
      return 0;
    }
    const e = due.explanation;
    io.out(
      unit === 'hours'
        ? `due: ${due.due} (${weekday(due.due)}) at ${due.dueAt.slice(11, 16)} Vietnam time (${due.dueAt})`
        : `due: ${due.due} (${weekday(due.due)}), end of day (${due.dueAt})`,
    );
    io.out(
      unit === 'hours'
        ? `rule: ${n} hours from ${from}, running through weekends and holidays`
        : `rule: ${n} ${UNIT_TEXT[unit]} from ${from} (${weekday(from)}); counting starts the next day (Civil Code 2015 Art. 147–148)`,
    );
    if (e.counted.length) io.out(`counted: ${e.counted.join(', ')}`);
    if (e.skipped.length) io.out(`skipped: ${e.skipped.map((s) => `${s.date} ${s.weekday} (${s.reason})`).join(', ')}`);
    if (e.shiftedFrom) io.out(`the period ended on ${e.shiftedFrom}, a rest day, so it moves to the next working day`);
    for (const u of e.unverified) io.out(`warning: unverified day in the period: ${u}`);
    for (const c of sources) io.out(`calendar: vn/${c.year} version ${c.version} (${c.status}; ${c.source})`);
    if (!sources.length) io.out('calendar: none needed');
    return 0;
  } catch (err) {
    if (err instanceof InputError || err instanceof DateFormatError || err instanceof MissingCalendarError) {
      io.err(`hoso due: ${err.message}`);
      if (err instanceof InputError) io.err(USAGE);
      return 2;
    }
    throw err;
  }
}
