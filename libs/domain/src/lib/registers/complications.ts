import { IsoDate } from '../calendar/calendar-date';
import { daysBetween } from '../calendar/day-count';
import { CodeEntry, ComplicationOutcome, ContraceptiveComplication, ObstetricComplication } from './code-lists';
import { complicationFields } from './fields';
import { formatDateVi } from './problems';
import { CollectionDefinition } from './register-definition';
import { RuleScope } from './run-register';
import { Draft } from './validate';

/** Prisma's ComplicationCategory, implied by the register a complication is recorded in. */
export type ComplicationCategory = 'OBSTETRIC' | 'CONTRACEPTIVE';

export const COMPLICATION_CATEGORIES: readonly CodeEntry[] = [
  { code: 'OBSTETRIC', vi: 'Tai biến sản khoa', en: 'Obstetric complication' },
  { code: 'CONTRACEPTIVE', vi: 'Tai biến do sử dụng biện pháp tránh thai', en: 'Contraceptive complication' },
];

export interface ComplicationRecord<K extends string = ObstetricComplication | ContraceptiveComplication> {
  category: ComplicationCategory;
  kind: K;
  onsetOn: IsoDate;
  outcome: ComplicationOutcome;
}

export const MAX_COMPLICATIONS = 10;

export function complicationsCollection(
  kindList: 'OBSTETRIC_COMPLICATION' | 'CONTRACEPTIVE_COMPLICATION',
  eventLabel: string,
): CollectionDefinition {
  return {
    key: 'complications',
    model: 'Complication',
    label: { vi: 'Tai biến', en: 'Complications' },
    itemLabel: { vi: 'Tai biến', en: 'Complication' },
    minItems: 0,
    maxItems: MAX_COMPLICATIONS,
    fields: [
      ...complicationFields(kindList, eventLabel),
      {
        key: 'category',
        label: { vi: 'Nhóm tai biến', en: 'Category' },
        type: 'code',
        options: COMPLICATION_CATEGORIES,
        required: false,
        computed: true,
      },
    ],
    help: {
      vi: 'Mỗi tai biến một dòng; tính vào tháng của ngày xảy ra tai biến.',
      en: 'One row per complication; counted in the month of its onset.',
    },
  };
}

/**
 * Obstetric complications that may begin before the birth they are recorded on (antepartum
 * haemorrhage, eclampsia, rupture of the uterus in labour, others); neonatal tetanus and
 * puerperal infection follow the birth. The report counts a complication in its onset month
 * whatever the delivery's (report-rules row I.9).
 */
export const ANTEPARTUM_COMPLICATIONS: readonly ObstetricComplication[] = ['HAEMORRHAGE', 'ECLAMPSIA', 'UTERINE_RUPTURE', 'OTHER'];

/** An antepartum complication begins within the pregnancy: at most 42 weeks before the birth. */
export const MAX_ANTEPARTUM_DAYS = 42 * 7;

/**
 * Shared rules of complications: the category follows the register, the onset is not before the
 * event it complicates (except the antepartum kinds of a delivery, within the pregnancy), and a
 * complication of abortion is recorded only on an abortion (row I.9.6).
 */
export function checkComplications(
  complications: Draft<ComplicationRecord>[],
  category: ComplicationCategory,
  event: { day: IsoDate | null; label: string; isAbortion: boolean; antepartum?: readonly string[] },
  scope: RuleScope,
): void {
  complications.forEach((complication, index) => {
    const at = `complications[${index}]`;
    complication.category = category;
    if (event.day && complication.onsetOn && complication.onsetOn < event.day) {
      const antepartum = event.antepartum?.includes(complication.kind as string) ?? false;
      if (!antepartum) {
        scope.add(
          `${at}.onsetOn`,
          'COMPLICATION_BEFORE_EVENT',
          `Tai biến thứ ${index + 1}: Ngày xảy ra tai biến (${formatDateVi(complication.onsetOn)}) trước ${event.label} (${formatDateVi(event.day)})`,
        );
      } else if (daysBetween(complication.onsetOn, event.day) > MAX_ANTEPARTUM_DAYS) {
        scope.add(
          `${at}.onsetOn`,
          'COMPLICATION_BEFORE_EVENT',
          `Tai biến thứ ${index + 1}: Ngày xảy ra tai biến (${formatDateVi(complication.onsetOn)}) sớm hơn 42 tuần trước ${event.label} (${formatDateVi(event.day)})`,
        );
      }
    }
    if (category === 'OBSTETRIC' && complication.kind === 'ABORTION_COMPLICATION' && !event.isAbortion) {
      scope.add(
        `${at}.kind`,
        'COMPLICATION_KIND_NOT_ALLOWED',
        `Tai biến thứ ${index + 1}: "Tai biến do phá thai" chỉ ghi trong sổ phá thai`,
      );
    }
  });
}
