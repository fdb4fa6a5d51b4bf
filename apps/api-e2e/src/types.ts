/** Shapes of the API answers as the tests read them (the console uses the generated client). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AdminUnit {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  type: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
}

export interface FacilityRef {
  code: string;
  name: string;
  kind: string;
  level: string;
}

export interface Facility extends FacilityRef {
  adminUnit: { code: string; name: string; level: string } | null;
  reportsTo: FacilityRef | null;
}

export interface Lineage {
  code: string;
  versions: {
    unit: AdminUnit;
    predecessors: { kind: string; effectiveOn: string; unit: AdminUnit }[];
    successors: { kind: string; effectiveOn: string; unit: AdminUnit }[];
  }[];
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: { field: string; code: string; message: string }[];
}
