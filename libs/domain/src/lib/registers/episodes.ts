import { addDays, IsoDate } from '../calendar/calendar-date';
import { daysBetween } from '../calendar/day-count';
import { EpisodeClosure } from './code-lists';
import { SOURCE_RECORD_ID_FIELD } from './fields';
import { formatDateVi } from './problems';
import { RegisterDefinition } from './register-definition';
import { runRegister, WithPerson } from './run-register';
import { ValidationContext, ValidationResult } from './validate';

/**
 * An episode not closed 44 weeks (308 days) after the LMP counts as lost to follow-up (report-rules §1):
 * no registration, antenatal visit or expected date lies later.
 */
export const MAX_WEEKS_FROM_LMP = 44;

export const EPISODE_GRAVIDITY = { min: 1, max: 30 } as const;
export const TETANUS_DOSES = { min: 0, max: 10 } as const;

export interface EpisodeRecord {
  registeredOn: IsoDate;
  lmp: IsoDate | null;
  expectedOn: IsoDate | null;
  gravidity: number | null;
  parity: number | null;
  tetanusDosesBefore: number;
  closure: EpisodeClosure | null;
  closedOn: IsoDate | null;
  sourceRecordId: string | null;
}

export const EPISODES_REGISTER: RegisterDefinition = {
  code: 'episodes',
  formCode: null,
  title: { vi: 'Đăng ký quản lý thai', en: 'Pregnancy registration' },
  model: 'PregnancyEpisode',
  periodField: 'registeredOn',
  places: [],
  person: 'required',
  embedsPerson: true,
  episode: 'none',
  femaleOnly: true,
  fields: [
    {
      key: 'registeredOn',
      label: { vi: 'Ngày đăng ký quản lý thai', en: 'Registration date' },
      type: 'date',
      required: true,
      help: {
        vi: 'Ngày trạm bắt đầu quản lý thai kỳ; quyết định tháng báo cáo (dòng I.2).',
        en: 'The day the station starts following the pregnancy; decides the report month (row I.2).',
      },
    },
    {
      key: 'lmp',
      label: { vi: 'Ngày đầu kỳ kinh cuối', en: 'First day of the last menstrual period' },
      type: 'date',
      required: false,
      help: {
        vi: 'Dùng để tính tuổi thai của các lần khám và lần đẻ; để trống nếu không nhớ.',
        en: 'Gives the gestational age of visits and delivery; leave empty when unknown.',
      },
    },
    {
      key: 'expectedOn',
      label: { vi: 'Ngày dự kiến sinh', en: 'Expected date of delivery' },
      type: 'date',
      required: false,
      allowFuture: true,
      help: {
        vi: 'Sau ngày đầu kỳ kinh cuối, không quá 44 tuần (thường là 280 ngày sau).',
        en: 'After the LMP, at most 44 weeks later (usually 280 days).',
      },
    },
    {
      key: 'gravidity',
      label: { vi: 'Lần có thai thứ', en: 'Gravidity' },
      type: 'int',
      required: false,
      min: EPISODE_GRAVIDITY.min,
      max: EPISODE_GRAVIDITY.max,
      help: { vi: 'Tính cả lần có thai này.', en: 'Counting this pregnancy.' },
    },
    {
      key: 'parity',
      label: { vi: 'Số lần đã đẻ', en: 'Parity' },
      type: 'int',
      required: false,
      min: 0,
      max: EPISODE_GRAVIDITY.max - 1,
      help: {
        vi: 'Số lần đẻ trước lần có thai này; nhỏ hơn "Lần có thai thứ".',
        en: 'Births before this pregnancy; less than the gravidity.',
      },
    },
    {
      key: 'tetanusDosesBefore',
      label: { vi: 'Số mũi uốn ván đã tiêm trước lần có thai này', en: 'Tetanus doses before this pregnancy' },
      type: 'int',
      required: false,
      defaultValue: 0,
      min: TETANUS_DOSES.min,
      max: TETANUS_DOSES.max,
      unit: 'mũi',
      help: {
        vi: 'Dùng để xét bảo vệ uốn ván khi đẻ (dòng I.5.1d); để trống là 0.',
        en: 'Used for tetanus protection at delivery (row I.5.1d); empty is 0.',
      },
    },
    {
      key: 'closure',
      label: { vi: 'Hình thức kết thúc thai kỳ', en: 'How the pregnancy ended' },
      type: 'code',
      codeList: 'EPISODE_CLOSURE',
      required: false,
      help: {
        vi: 'Ghi cùng với ngày kết thúc; thai kỳ đã kết thúc không còn tính là đang quản lý (dòng I.1).',
        en: 'With the closing date; a closed episode no longer counts as managed (row I.1).',
      },
    },
    {
      key: 'closedOn',
      label: { vi: 'Ngày kết thúc thai kỳ', en: 'Date the pregnancy ended' },
      type: 'date',
      required: false,
    },
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [],
};

export function validateEpisode(input: unknown, context: ValidationContext): ValidationResult<WithPerson<EpisodeRecord>> {
  return runRegister<EpisodeRecord>(
    {
      definition: EPISODES_REGISTER,
      rules(draft, scope) {
        const { registeredOn, lmp, expectedOn, gravidity, parity, closure, closedOn } = draft;
        if (closure && !closedOn && !scope.has('closedOn')) {
          scope.add('closedOn', 'REQUIRED', 'Ngày kết thúc thai kỳ không được để trống khi đã ghi hình thức kết thúc');
        }
        if (closedOn && !closure && !scope.has('closure')) {
          scope.add('closure', 'REQUIRED', 'Hình thức kết thúc thai kỳ không được để trống khi đã ghi ngày kết thúc');
        }
        if (lmp && registeredOn) {
          if (registeredOn < lmp) {
            scope.add(
              'lmp',
              'REGISTERED_BEFORE_LMP',
              `Ngày đầu kỳ kinh cuối (${formatDateVi(lmp)}) phải trước ngày đăng ký quản lý thai (${formatDateVi(registeredOn)})`,
            );
          } else if (daysBetween(lmp, registeredOn) > MAX_WEEKS_FROM_LMP * 7) {
            scope.add(
              'lmp',
              'GA_FROM_LMP_OUT_OF_RANGE',
              `Ngày đăng ký quản lý thai cách ngày đầu kỳ kinh cuối quá ${MAX_WEEKS_FROM_LMP} tuần: kiểm tra lại ngày kinh cuối`,
            );
          }
        }
        if (lmp && expectedOn && (expectedOn <= lmp || expectedOn > addDays(lmp, MAX_WEEKS_FROM_LMP * 7))) {
          scope.add(
            'expectedOn',
            'EXPECTED_DATE_OUT_OF_RANGE',
            `Ngày dự kiến sinh phải sau ngày đầu kỳ kinh cuối và không quá ${MAX_WEEKS_FROM_LMP} tuần (thường là ${formatDateVi(addDays(lmp, 280))})`,
          );
        }
        if (gravidity !== null && parity !== null && parity >= gravidity) {
          scope.add(
            'parity',
            'PARITY_NOT_BELOW_GRAVIDITY',
            `Số lần đã đẻ phải ${gravidity === 1 ? 'là 0' : `từ 0 đến ${gravidity - 1}`} (ít hơn lần có thai thứ ${gravidity})`,
          );
        }
        if (closedOn && lmp && closedOn < lmp) {
          scope.add(
            'closedOn',
            'CLOSED_BEFORE_LMP',
            `Ngày kết thúc thai kỳ (${formatDateVi(closedOn)}) trước ngày đầu kỳ kinh cuối (${formatDateVi(lmp)})`,
          );
        }
        // A pregnancy that ended may be registered afterwards to hold its delivery; a move away cannot precede the registration.
        if (closure === 'MOVED_AWAY' && closedOn && registeredOn && closedOn < registeredOn) {
          scope.add(
            'closedOn',
            'CLOSED_BEFORE_REGISTRATION',
            `Ngày chuyển đi (${formatDateVi(closedOn)}) trước ngày đăng ký quản lý thai (${formatDateVi(registeredOn)})`,
          );
        }
      },
    },
    input,
    context,
  );
}
