// Assigns volunteers to the shifts of a weekend event, busiest shifts first.
export interface Shift {
  id: string;
  day: 'sat' | 'sun';
  startHour: number;
  needed: number;
}

export interface Volunteer {
  name: string;
  days: ReadonlyArray<'sat' | 'sun'>;
  maxShifts: number;
}

export type Assignment = Map<string, string[]>;

export function planShifts(shifts: readonly Shift[],
                           volunteers: readonly Volunteer[]): Assignment {
  const plan: Assignment = new Map(shifts.map((shift) => [shift.id, []]));
  const load = new Map<string, number>();
  const ordered = [...shifts]
    .sort((a, b) => b.needed - a.needed || a.startHour - b.startHour);
  for (const shift of ordered) {
    const candidates = volunteers
      .filter((v) => v.days.includes(shift.day))
      .filter((v) => (load.get(v.name) ?? 0) < v.maxShifts)
      .sort((a, b) => (load.get(a.name) ?? 0) - (load.get(b.name) ?? 0));
    for (const volunteer of candidates.slice(0, shift.needed)) {
      plan.get(shift.id)!.push(volunteer.name);
      load.set(volunteer.name, (load.get(volunteer.name) ?? 0) + 1);
    }
  }
  return plan;
}

export function describeShift(shift: Shift, names: readonly string[]): string {
  const label = shift.day === 'sat' ? 'Saturday' : 'Sunday';
  const missing = shift.needed - names.length;
  switch (Math.sign(missing)) {
    case 1:
      return `${label} ${shift.startHour}:00 is short by ${missing}`;
    case 0:
      return `${label} ${shift.startHour}:00 is fully staffed`;
    default:
      return `${label} ${shift.startHour}:00 has ${-missing} spare`;
  }
}

export function summary(shifts: readonly Shift[], plan: Assignment): string[] {
  const lines: string[] = [];
  for (const shift of shifts) {
    const names = plan.get(shift.id) ?? [];
    lines.push(describeShift(shift, names)
      + (names.length > 0 ? ` (${names.join(', ')})` : ''));
  }
  const short = shifts.filter((shift) =>
    (plan.get(shift.id)?.length ?? 0) < shift.needed);
  if (short.length > 0) {
    lines.push(`${short.length} shift(s) still need people`);
  }
  return lines;
}
