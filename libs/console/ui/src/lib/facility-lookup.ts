import { FacilityKind, FacilityLevel } from '@skss/domain';
import { Observable } from 'rxjs';

/** A health facility as pickers and filters hold it (the shape of the API's `UserFacilityDto`). */
export interface FacilityOption {
  readonly code: string;
  readonly name: string;
  readonly kind: FacilityKind;
  readonly level: FacilityLevel;
}

/**
 * Where facility suggestions come from: the application provides it over the API (`listFacilities`, which already
 * narrows to what the user may see and folds diacritics), so that this library stays free of the API client.
 */
export abstract class FacilityLookup {
  /** Up to `limit` facilities in force today matching `query` (already folded: 'tyt muong nhe'). */
  abstract search(query: string, limit: number): Observable<readonly FacilityOption[]>;
}
