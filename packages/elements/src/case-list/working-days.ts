/**
 * Working days between today and a due day, for "3 working days left" and "2 working days overdue". Counts with
 * the procedure's holiday calendar (the same one its deadlines were computed with), in Vietnam days.
 */
import { dayNumber, localDay, type WorkingCalendar } from '@hoso/workflow';

/**
 * Working days from the day after `nowMs` (Vietnam date) up to and including `due` when it is still ahead
 * (positive), or minus the working days from the day after `due` up to and including today when it has passed
 * (negative); 0 on the due day. `undefined` when the calendar lacks a year in between.
 */
export function workingDaysLeft(calendar: WorkingCalendar, due: string, nowMs: number): number | undefined {
  const today = localDay(nowMs);
  const dueDay = dayNumber(due, 'due');
  const [from, to, sign] = dueDay >= today ? [today, dueDay, 1] : [dueDay, today, -1];
  let count = 0;
  try {
    for (let d = from + 1; d <= to; d += 1) if (calendar.isWorkingDay(d)) count += 1;
  } catch {
    return undefined;
  }
  return sign * count;
}
