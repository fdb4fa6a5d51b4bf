import { inject, Injectable } from '@angular/core';
import {
  Api,
  createClinicalRecord,
  CreateClinicalRecord$Params,
  createPerson,
  CreatePerson$Params,
  createPregnancyEpisode,
  CreatePregnancyEpisode$Params,
  deleteClinicalRecord,
  deletePregnancyEpisode,
  getClinicalRecord,
  listCatalogItems,
  listClinicalRecords,
  listPersons,
  listPregnancyEpisodes,
  PersonSummaryDto,
  PersonWriteResultDto,
  RecordRegister,
  updateClinicalRecord,
  UpdateClinicalRecord$Params,
  updatePregnancyEpisode,
  UpdatePregnancyEpisode$Params,
} from '@skss/contract';
import { CodeEntry } from '@skss/domain';
import { map, Observable } from 'rxjs';

/**
 * A register row as the API answers it: the register's fields under their definition keys (which the forms are generated
 * from, so they are read generically), the facility that recorded it, the person with masked identifiers, and for a
 * single row its nested lists.
 */
export type RegisterRow = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly facility: { readonly code: string; readonly name: string };
  readonly person: RowPerson | null;
  readonly episodeId?: string | null;
};

/** The person of a row: identifiers masked. */
export interface RowPerson {
  readonly id: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: string;
  readonly maskedCitizenId: string | null;
  readonly maskedInsuranceCard: string | null;
}

export interface RowPage {
  readonly items: readonly RegisterRow[];
  readonly total: number;
}

export interface RowListParams {
  readonly page: number;
  readonly pageSize: number;
  readonly month?: string;
  readonly facilityCode?: string;
  readonly q?: string;
  readonly personId?: string;
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface WriteResult {
  readonly outcome: WriteOutcome;
  readonly record: RegisterRow;
}

export type PersonMatch = PersonSummaryDto;
export type PersonWrite = PersonWriteResultDto;

/** Catalogs whose entries the forms offer as lists (the others are fixed code lists of the domain). */
export type CatalogCode = 'ETHNICITY' | 'OCCUPATION' | 'NATIONALITY' | 'GYN_TREATMENT';

const CATALOG_PAGE = 200;

/**
 * The register screens' calls, all through the generated client (`@skss/contract`). The registers' rows are one
 * generic shape (their fields are the definitions'), so the typed unions of the client are narrowed here once.
 */
@Injectable({ providedIn: 'root' })
export class RecordsApi {
  private readonly api = inject(Api);

  list(register: RecordRegister, params: RowListParams): Observable<RowPage> {
    return this.api.invoke(listClinicalRecords, { register, ...params }).pipe(map((page) => page as unknown as RowPage));
  }

  get(register: RecordRegister, id: string): Observable<RegisterRow> {
    return this.api.invoke(getClinicalRecord, { register, id }).pipe(map((row) => row as unknown as RegisterRow));
  }

  create(register: RecordRegister, body: Record<string, unknown>): Observable<WriteResult> {
    const params = { register, body } as unknown as CreateClinicalRecord$Params;
    return this.api.invoke(createClinicalRecord, params).pipe(map((result) => result as unknown as WriteResult));
  }

  update(register: RecordRegister, id: string, body: Record<string, unknown>): Observable<WriteResult> {
    const params = { register, id, body } as unknown as UpdateClinicalRecord$Params;
    return this.api.invoke(updateClinicalRecord, params).pipe(map((result) => result as unknown as WriteResult));
  }

  remove(register: RecordRegister, id: string): Observable<void> {
    return this.api.invoke(deleteClinicalRecord, { register, id });
  }

  /** Persons by name (diacritics optional) or a full identifier; identifiers masked. */
  findPersons(q: string, pageSize = 10): Observable<readonly PersonMatch[]> {
    return this.api.invoke(listPersons, { q, pageSize }).pipe(map((page) => page.items));
  }

  createPerson(body: Record<string, unknown>): Observable<PersonWrite> {
    return this.api.invoke(createPerson, { body } as unknown as CreatePerson$Params);
  }

  /** A person's pregnancy episodes, latest registration first. */
  episodes(personId: string): Observable<readonly RegisterRow[]> {
    return this.api.invoke(listPregnancyEpisodes, { personId, pageSize: 50 }).pipe(map((page) => (page as unknown as RowPage).items));
  }

  createEpisode(body: Record<string, unknown>): Observable<WriteResult> {
    const params = { body } as unknown as CreatePregnancyEpisode$Params;
    return this.api.invoke(createPregnancyEpisode, params).pipe(map((result) => result as unknown as WriteResult));
  }

  /** Replaces an episode: corrects it, closes it by hand (a loss or a move away) or reopens it. */
  updateEpisode(id: string, body: Record<string, unknown>): Observable<WriteResult> {
    const params = { id, body } as unknown as UpdatePregnancyEpisode$Params;
    return this.api.invoke(updatePregnancyEpisode, params).pipe(map((result) => result as unknown as WriteResult));
  }

  /** Deletes an episode nothing refers to (else 409 EPISODE_IN_USE). */
  removeEpisode(id: string): Observable<void> {
    return this.api.invoke(deletePregnancyEpisode, { id });
  }

  /** The entries of a catalog valid today, as the forms' lists take them. */
  catalog(code: CatalogCode): Observable<readonly CodeEntry[]> {
    return this.api
      .invoke(listCatalogItems, { code, pageSize: CATALOG_PAGE })
      .pipe(map((page) => page.items.map((item) => ({ code: item.code, vi: item.name, en: item.nameEn ?? item.name }))));
  }
}
