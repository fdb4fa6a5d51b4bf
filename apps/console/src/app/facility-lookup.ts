import { inject, Injectable } from '@angular/core';
import { FacilityLookup, FacilityOption } from '@skss/console/ui';
import { Api, listFacilities } from '@skss/contract';
import { map, Observable } from 'rxjs';

/** Facility suggestions of the pickers, from the API: in force today, within what the user may see, diacritics folded. */
@Injectable()
export class ApiFacilityLookup extends FacilityLookup {
  private readonly api = inject(Api);

  search(query: string, limit: number): Observable<readonly FacilityOption[]> {
    return this.api.invoke(listFacilities, { q: query, page: 1, pageSize: limit }).pipe(map((page) => page.items));
  }
}
