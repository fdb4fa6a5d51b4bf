import { inject, Injectable } from '@angular/core';
import {
  Api,
  getPerson,
  listPersonDuplicates,
  listPersonMerges,
  listPersonRecords,
  mergePersons,
  MergeResultDto,
  PersonDto,
  PersonMergeDto,
  PersonRecordItemDto,
  PersonSummaryDto,
  undoPersonMerge,
} from '@skss/contract';
import { map, Observable } from 'rxjs';

export type PersonRecord = PersonDto;
export type PersonRow = PersonRecordItemDto;
export type DuplicateCandidate = PersonSummaryDto;
export type PersonMerge = PersonMergeDto;
export type MergeResult = MergeResultDto;

/**
 * One person's page through the generated client: her record (opening it is audited by the API), her rows in the
 * registers, her probable duplicates (identifiers masked), and the merges into her, which can be undone.
 */
@Injectable({ providedIn: 'root' })
export class PersonsApi {
  private readonly api = inject(Api);

  get(id: string): Observable<PersonRecord> {
    return this.api.invoke(getPerson, { id });
  }

  /** Her rows in every register the caller may see, latest first. */
  rows(id: string): Observable<readonly PersonRow[]> {
    return this.api.invoke(listPersonRecords, { id }).pipe(map((answer) => answer.items));
  }

  duplicates(id: string): Observable<readonly DuplicateCandidate[]> {
    return this.api.invoke(listPersonDuplicates, { id });
  }

  merges(id: string): Observable<readonly PersonMerge[]> {
    return this.api.invoke(listPersonMerges, { id });
  }

  /** Merges `duplicateId` into the person `survivorId`, who keeps her record. */
  merge(survivorId: string, duplicateId: string): Observable<MergeResult> {
    return this.api.invoke(mergePersons, { id: survivorId, body: { duplicateId } });
  }

  undo(survivorId: string, mergeId: string): Observable<MergeResult> {
    return this.api.invoke(undoPersonMerge, { id: survivorId, mergeId });
  }
}
