/** A DHIS2 tracker event as `GET /api/tracker/events` returns it (the fields this pull asks for). */
export interface TrackerEvent {
  event: string;
  orgUnit: string;
  occurredAt?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  status?: string | null;
  deleted?: boolean;
  dataValues?: { dataElement: string; value: string | null }[];
}

/** The events of one page: `events` since DHIS2 2.41, `instances` in 2.36–2.40. */
export function eventsOf(page: unknown): TrackerEvent[] {
  if (!page || typeof page !== 'object') return [];
  const p = page as { events?: unknown; instances?: unknown };
  const list = Array.isArray(p.events) ? p.events : Array.isArray(p.instances) ? p.instances : [];
  return list as TrackerEvent[];
}

const YES = new Set(['true', '1', 'yes', 'co', 'có', 'x']);
const SEXES: Readonly<Record<string, string>> = {
  male: 'MALE',
  m: 'MALE',
  nam: 'MALE',
  '1': 'MALE',
  female: 'FEMALE',
  f: 'FEMALE',
  nữ: 'FEMALE',
  nu: 'FEMALE',
  '2': 'FEMALE',
};

/** The local date (YYYY-MM-DD) of a DHIS2 timestamp, which carries no zone and is the server's (Vietnam) time. */
const dayOf = (value: string | null | undefined): string | null => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/**
 * The death register body of one event of the maternal and child death program: the event's date
 * is the date of death; the register fields come from the data elements the mapping names
 * (DHIS2_DEATHS_DATA_ELEMENTS). Keyed by (sourceSystem DHIS2, event uid), so a pulled event
 * updates the row it created. The register's validator checks it like any other source.
 */
export function deathBodyOf(
  event: TrackerEvent,
  elements: Readonly<Record<string, string>>,
  facilityCode: string,
  today: string,
): Record<string, unknown> {
  const values = new Map((event.dataValues ?? []).map((d) => [d.dataElement, d.value]));
  const text = (field: string): string | null => {
    const id = elements[field];
    const value = id ? values.get(id) : undefined;
    return value === undefined || value === null || value.trim() === '' ? null : value.trim();
  };
  const flag = (field: string): boolean => YES.has((text(field) ?? '').toLowerCase());
  const diedOn = dayOf(event.occurredAt);
  const created = dayOf(event.createdAt) ?? today;
  // Recorded when DHIS2 recorded it, never before the death nor after today.
  const recordedOn = diedOn && created < diedOn ? diedOn : created > today ? today : created;
  const sex = text('sex');
  const body: Record<string, unknown> = {
    facilityCode,
    sourceSystem: 'DHIS2',
    sourceRecordId: event.event,
    recordedOn,
    diedOn,
    fullName: text('fullName'),
    sex: sex ? (SEXES[sex.toLowerCase()] ?? sex) : null,
    dateOfBirth: dayOf(text('dateOfBirth')),
    place: text('place') ?? 'HOME',
    mainCause: text('mainCause'),
    causeCode: text('causeCode'),
    maternal: flag('maternal'),
    maternalTiming: text('maternalTiming'),
    stillbirth: flag('stillbirth'),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}
