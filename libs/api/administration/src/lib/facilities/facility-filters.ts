import { FACILITY_KINDS, FacilityKind, FacilityOwnership, IsoDate, ReportingGroup, reportingGroupOf } from '@skss/domain';

/** The kind and ownership filters of a facility list, or 'none' when the requested filters exclude each other. */
export function facilityListFilter(query: {
  kind?: FacilityKind;
  ownership?: FacilityOwnership;
  reportingGroup?: ReportingGroup;
}): { kinds?: FacilityKind[]; ownership?: FacilityOwnership } | 'none' {
  const group = query.reportingGroup;
  // Every privately owned facility is in the private group; the other groups are public kinds.
  const groupOwnership: FacilityOwnership | undefined = group ? (group === 'private' ? 'PRIVATE' : 'PUBLIC') : undefined;
  const groupKinds =
    group && group !== 'private' ? FACILITY_KINDS.filter((kind) => reportingGroupOf({ kind, ownership: 'PUBLIC' }) === group) : undefined;
  if (query.ownership && groupOwnership && query.ownership !== groupOwnership) return 'none';
  const kinds = query.kind ? (groupKinds && !groupKinds.includes(query.kind) ? [] : [query.kind]) : groupKinds;
  if (kinds?.length === 0) return 'none';
  return { kinds, ownership: query.ownership ?? groupOwnership };
}

/** The earlier of two last days, null being open-ended. */
export function earlierEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
