import { CodeEntry, Lang } from '../registers/code-lists';

/** Nutritional status of a child under 5 from the WHO z-scores, as Vietnamese MCH practice names it. */
export const NUTRITIONAL_STATUS = [
  { code: 'NORMAL', vi: 'Bình thường', en: 'Normal' },
  { code: 'UNDERWEIGHT', vi: 'Suy dinh dưỡng thể nhẹ cân', en: 'Underweight' },
  { code: 'SEVERE_UNDERWEIGHT', vi: 'Suy dinh dưỡng thể nhẹ cân mức độ nặng', en: 'Severely underweight' },
  { code: 'STUNTED', vi: 'Suy dinh dưỡng thể thấp còi', en: 'Stunted' },
  { code: 'SEVERE_STUNTED', vi: 'Suy dinh dưỡng thể thấp còi mức độ nặng', en: 'Severely stunted' },
  { code: 'WASTED', vi: 'Suy dinh dưỡng thể gầy còm', en: 'Wasted' },
  { code: 'SEVERE_WASTED', vi: 'Suy dinh dưỡng thể gầy còm mức độ nặng', en: 'Severely wasted' },
  { code: 'OVERWEIGHT', vi: 'Thừa cân', en: 'Overweight' },
] as const satisfies readonly CodeEntry[];

export type NutritionalStatus = (typeof NUTRITIONAL_STATUS)[number]['code'];

export function nutritionalStatusLabel(code: NutritionalStatus, lang: Lang = 'vi'): string {
  return NUTRITIONAL_STATUS.find((entry) => entry.code === code)?.[lang] ?? code;
}
