import { addDays, IsoDate, isValidOn, parseIsoDate } from '../calendar/calendar-date';
import { VIETNAM_UTC_OFFSET_HOURS } from '../calendar/vietnam-time';
import { FacilityKind } from '../org/org-levels';
import { addWorkingDays, VIETNAM_WORK_CALENDAR, WorkCalendar } from './holidays';
import { firstDayOfMonth, lastDayOfMonth, ReportMonth } from './periods';
import { ReportRegime } from './regimes';

/** Who sends a monthly report, as the deadline rules distinguish them. */
export const DEADLINE_LEVELS = ['commune', 'district', 'provincialFacility', 'province'] as const;
export type DeadlineLevel = (typeof DEADLINE_LEVELS)[number];

/** How the days after the period are counted. */
export type DayCounting = 'calendar' | 'working';

export interface DeadlineRule {
  /** Days after the last day of the month; the deadline is the last of them, inclusive. */
  readonly days: number;
  readonly counting: DayCounting;
  /** Where the rule comes from, or why it is a choice. */
  readonly basis: string;
}

export interface DeadlineRegime {
  readonly regime: ReportRegime;
  /** The first and last report months the rules apply to (the report's month decides, not the sending day). */
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly rules: Readonly<Record<DeadlineLevel, DeadlineRule>>;
}

/**
 * The deadlines as configuration, one entry per regime (domain-reference §2.2, domain-reference-2
 * §1.1). A month's report follows the regime of that month: June 2025 is due under TT 37/2019 even
 * though it is sent in July.
 */
export const DEADLINE_REGIMES: readonly DeadlineRegime[] = [
  {
    regime: 'TT37_2019',
    validFrom: '2020-04-01',
    validTo: '2025-06-30',
    rules: {
      commune: { days: 5, counting: 'working', basis: 'TT 37/2019 Điều 3: tuyến xã (trạm y tế) 05 ngày làm việc sau kỳ báo cáo.' },
      district: { days: 15, counting: 'working', basis: 'TT 37/2019 Điều 3: tuyến huyện 15 ngày làm việc sau kỳ báo cáo.' },
      provincialFacility: {
        days: 15,
        counting: 'working',
        basis: 'Lựa chọn: TT 37/2019 không tách riêng cơ sở tuyến tỉnh; áp dụng như tuyến huyện (15 ngày làm việc).',
      },
      province: { days: 25, counting: 'working', basis: 'TT 37/2019 Điều 3: tuyến tỉnh (Sở Y tế) 25 ngày làm việc sau kỳ báo cáo.' },
    },
  },
  {
    regime: 'TT23_2025',
    validFrom: '2025-07-01',
    validTo: null,
    rules: {
      commune: {
        days: 5,
        counting: 'working',
        basis: 'Lựa chọn: TT 23/2025 không quy định hạn của trạm y tế xã; giữ 05 ngày làm việc như TT 37/2019.',
      },
      district: {
        days: 15,
        counting: 'working',
        basis: 'Lựa chọn: không còn cấp huyện sau 01/07/2025; giữ 15 ngày làm việc cho các trung tâm y tế khu vực.',
      },
      provincialFacility: {
        days: 15,
        counting: 'working',
        basis:
          'Lựa chọn của dự án, cần xác nhận: thân TT 23/2025 ghi 05 ngày làm việc cho đơn vị báo cáo đơn vị đầu mối ' +
          'của tỉnh, bảng Phụ lục IV ghi "05 ngày".',
      },
      province: {
        days: 25,
        counting: 'working',
        basis: 'Lựa chọn: TT 23/2025 không quy định hạn gửi Bộ Y tế của tỉnh cho các biểu hằng tháng; giữ 25 ngày làm việc.',
      },
    },
  },
];

export function deadlineRegimeOf(month: ReportMonth, regimes: readonly DeadlineRegime[] = DEADLINE_REGIMES): DeadlineRegime {
  const day = firstDayOfMonth(month);
  const regime = regimes.find((r) => isValidOn(r, day));
  if (!regime) throw new RangeError(`No deadline rules for the month ${month}`);
  return regime;
}

/**
 * Deadlines already counted, per rules and calendar: every report state of a worklist carries
 * one, and counting 25 working days day by day costs more than the rest of the row.
 */
const countedDeadlines = new WeakMap<readonly DeadlineRegime[], WeakMap<WorkCalendar, Map<string, IsoDate>>>();
/** Deadlines kept per rules and calendar: 40 years of months for every level; any month asked beyond is counted each time. */
const MAX_COUNTED_DEADLINES = 2_000;

function deadlinesCountedWith(regimes: readonly DeadlineRegime[], calendar: WorkCalendar): Map<string, IsoDate> {
  let byCalendar = countedDeadlines.get(regimes);
  if (!byCalendar) countedDeadlines.set(regimes, (byCalendar = new WeakMap()));
  let counted = byCalendar.get(calendar);
  if (!counted) byCalendar.set(calendar, (counted = new Map()));
  return counted;
}

/** The last day a level's report of `month` is on time (Vietnam calendar day, inclusive). */
export function deadlineOf(
  level: DeadlineLevel,
  month: ReportMonth,
  regimes: readonly DeadlineRegime[] = DEADLINE_REGIMES,
  calendar: WorkCalendar = VIETNAM_WORK_CALENDAR,
): IsoDate {
  const counted = deadlinesCountedWith(regimes, calendar);
  const key = `${level} ${month}`;
  let deadline = counted.get(key);
  if (deadline === undefined) {
    const rule = deadlineRegimeOf(month, regimes).rules[level];
    const end = lastDayOfMonth(month);
    deadline = rule.counting === 'calendar' ? addDays(end, rule.days) : addWorkingDays(end, rule.days, calendar);
    // Any YYYY-MM may be asked for: the kept ones are bounded whatever the callers send.
    if (counted.size < MAX_COUNTED_DEADLINES) counted.set(key, deadline);
  }
  return deadline;
}

/**
 * Whether a report sent at `sentAt` meets `deadline`: sent before the end of the deadline day in
 * Vietnam (24:00 local, 17:00 UTC that day).
 */
export function isOnTime(sentAt: Date, deadline: IsoDate): boolean {
  const day = parseIsoDate(deadline);
  if (!day) throw new RangeError(`Not a calendar day: ${deadline}`);
  if (Number.isNaN(sentAt.getTime())) throw new RangeError('Not an instant');
  const endOfDay = day.getTime() + (24 - VIETNAM_UTC_OFFSET_HOURS) * 3_600_000;
  return sentAt.getTime() < endOfDay;
}

const LEVEL_OF_KIND: Readonly<Record<FacilityKind, DeadlineLevel | null>> = {
  MCH_DEPARTMENT: null,
  NCHI: null,
  DEPARTMENT_OF_HEALTH: 'province',
  CDC: 'provincialFacility',
  PROVINCIAL_FACILITY: 'provincialFacility',
  CENTRAL_FACILITY: 'provincialFacility',
  PRIVATE_CLINIC: 'provincialFacility',
  DISTRICT_HEALTH_CENTER: 'district',
  DISTRICT_FACILITY: 'district',
  COMMUNE_HEALTH_STATION: 'commune',
};

/** The deadline level of a facility's own report; null for the central units, which receive reports. */
export function deadlineLevelOf(kind: FacilityKind): DeadlineLevel | null {
  return LEVEL_OF_KIND[kind];
}
