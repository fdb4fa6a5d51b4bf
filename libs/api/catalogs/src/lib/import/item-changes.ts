import { catalogSearchText, IsoDate, otherNamesOf, planEnding, planSuccession, versionOn } from '@skss/domain';
import type { CatalogImportRow, RowProblem } from './catalog-rows';

/**
 * How catalog items change, as pure plans over an item's versions (the service loads them, applies
 * the plan in one transaction). A change takes effect on a day: the version in force then is
 * closed the day before and a new one opens, so reports of earlier days keep the old label.
 */
export interface ItemVersion {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  nameFolded: string;
  sortOrder: number;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface NewItemVersion {
  code: string;
  name: string;
  nameEn: string | null;
  nameFolded: string;
  sortOrder: number;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface ItemChanges {
  create: NewItemVersion[];
  close: { id: number; validTo: IsoDate }[];
  update: { id: number; name: string; nameEn: string | null; nameFolded: string; sortOrder: number }[];
  remove: number[];
}

export interface Label {
  name: string;
  /** Undefined: keep the current one. */
  nameEn?: string | null;
  sortOrder?: number | null;
}

const none = (): ItemChanges => ({ create: [], close: [], update: [], remove: [] });

/** A new code (or one whose earlier versions have ended) from `day`; 'exists' when it is in force that day. */
export function planAdd(
  versions: readonly ItemVersion[],
  code: string,
  label: Required<Label>,
  sortOrder: number,
  day: IsoDate,
): ItemChanges | 'exists' {
  const plan = planSuccession(versions, day);
  if (plan.kind !== 'open') return 'exists';
  return {
    ...none(),
    create: [
      {
        code,
        name: label.name,
        nameEn: label.nameEn,
        nameFolded: catalogSearchText(label.name),
        sortOrder: label.sortOrder ?? sortOrder,
        validFrom: day,
        validTo: plan.validTo,
      },
    ],
  };
}

/** A new label from `day`; 'not-in-force' when no version is in force that day, 'unchanged' when nothing differs. */
export function planRelabel(versions: readonly ItemVersion[], label: Label, day: IsoDate): ItemChanges | 'not-in-force' | 'unchanged' {
  const current = versionOn(versions, day);
  if (!current) return 'not-in-force';
  const next = {
    name: label.name,
    nameEn: label.nameEn === undefined ? current.nameEn : label.nameEn,
    nameFolded: catalogSearchText(label.name, otherNamesOf(current.nameFolded)),
    sortOrder: label.sortOrder ?? current.sortOrder,
  };
  if (next.name === current.name && next.nameEn === current.nameEn && next.sortOrder === current.sortOrder) return 'unchanged';
  const plan = planSuccession(versions, day);
  if (plan.kind === 'replace') return { ...none(), update: [{ id: plan.id, ...next }] };
  if (plan.kind === 'open') throw new Error('A version is in force but none was found to succeed');
  return { ...none(), close: [plan.close], create: [{ code: current.code, ...next, validFrom: day, validTo: plan.validTo }] };
}

/** No longer valid from `day`; 'retired' when nothing is in force on or after it. */
export function planRetire(versions: readonly ItemVersion[], day: IsoDate): ItemChanges | 'retired' {
  const plan = planEnding(versions, day);
  if (!plan) return 'retired';
  return { ...none(), close: plan.close ? [plan.close] : [], remove: plan.remove };
}

export interface ImportPlan {
  changes: ItemChanges;
  problems: RowProblem[];
  created: number;
  relabelled: number;
  unchanged: number;
}

/**
 * A file's rows applied from `day`: new codes are added, codes in force get the file's label when
 * it differs, codes the file does not list are left as they are. A fixed catalog takes new labels
 * only: a row with a new code is a problem.
 */
export function planImport(
  existing: readonly ItemVersion[],
  rows: readonly CatalogImportRow[],
  day: IsoDate,
  options: { fixed: boolean; nextSortOrder: number },
): ImportPlan {
  const byCode = new Map<string, ItemVersion[]>();
  for (const version of existing) byCode.set(version.code, [...(byCode.get(version.code) ?? []), version]);
  const plan: ImportPlan = { changes: none(), problems: [], created: 0, relabelled: 0, unchanged: 0 };
  let sortOrder = options.nextSortOrder;
  for (const row of rows) {
    const versions = byCode.get(row.code) ?? [];
    if (versionOn(versions, day)) {
      const relabel = planRelabel(versions, { name: row.name, nameEn: row.nameEn, sortOrder: row.sortOrder }, day);
      if (relabel === 'unchanged') plan.unchanged++;
      else if (relabel !== 'not-in-force') {
        merge(plan.changes, relabel);
        plan.relabelled++;
      }
      continue;
    }
    if (options.fixed) {
      plan.problems.push({
        row: row.row,
        column: 'code',
        code: 'CATALOG_FIXED',
        message: `Dòng ${row.row}, cột “Mã”: danh mục cố định không được thêm mã mới (${row.code})`,
      });
      continue;
    }
    const added = planAdd(
      versions,
      row.code,
      { name: row.name, nameEn: row.nameEn ?? null, sortOrder: row.sortOrder ?? null },
      sortOrder,
      day,
    );
    if (added === 'exists') throw new Error(`Code ${row.code} is not in force on ${day} but cannot be added`);
    merge(plan.changes, added);
    plan.created++;
    sortOrder++;
  }
  return plan;
}

function merge(into: ItemChanges, more: ItemChanges): void {
  into.create.push(...more.create);
  into.close.push(...more.close);
  into.update.push(...more.update);
  into.remove.push(...more.remove);
}
