import { validateRecord } from '@skss/domain';
import type { NationalDossier, NationalTable } from '../xml/national-package';
import { mapDossier, MappedItem } from './national-mapper';

const XML1: Record<string, string> = {
  MA_LK: 'BV11-2026-0001',
  MA_BN: 'BN00042',
  HO_TEN: 'Lò Thị Mai',
  SO_CCCD: '011196001234',
  NGAY_SINH: '199603150000',
  GIOI_TINH: '2',
  MA_DANTOC: '5',
  MA_THE_BHYT: 'DN4111234567890;GD4111234567891',
  MAXA_CU_TRU: '03127',
  DIA_CHI: 'Bản Nà Khoa, xã Mường Nhé',
  MA_CSKCB: '11001',
  NGAY_VAO: '202611180800',
  NGAY_RA: '202611221000',
  MA_BENH_CHINH: 'O30.0',
  MA_BENH_KT: 'Z37.2',
};

const twin = (order: number, overrides: Record<string, string> = {}): Record<string, string> => ({
  MA_LK: 'BV11-2026-0001',
  HO_TEN_NND: 'Lò Thị Mai',
  NGAYSINH_NND: '19960315',
  MA_DANTOC_NND: '05',
  SO_CCCD_NND: '011196001234',
  MAXA_CU_TRU: '03127',
  NOI_CU_TRU_NND: 'Bản Nà Khoa, xã Mường Nhé, tỉnh Điện Biên',
  GIOI_TINH_CON: order === 1 ? '1' : '2',
  SO_CON: '2',
  LAN_SINH: '3',
  SO_CON_SONG: '4',
  CAN_NANG_CON: order === 1 ? '2400' : '2250',
  NGAY_SINH_CON: order === 1 ? '202611190930' : '202611190942',
  NOI_SINH_CON: 'Bệnh viện đa khoa tỉnh Điện Biên',
  TINH_TRANG_CON: 'Khỏe mạnh',
  SINHCON_PHAUTHUAT: '0',
  SINHCON_DUOI32TUAN: '0',
  NGUOI_DO_DE: 'HS. Quàng Thị Lan',
  SO: `GCS-0${order}`,
  QUYEN_SO: '12',
  NGAY_CT: '20261119',
  ...overrides,
});

const dossier = (...tables: NationalTable[]): NationalDossier => ({ position: 1, tables, ignoredTables: [] });
const only = (items: MappedItem[]) => {
  expect(items).toHaveLength(1);
  return items[0];
};
const context = { today: '2026-12-01' };

describe('XML9 → delivery and newborns', () => {
  it('maps a twin birth certificate (two XML9 rows) to one delivery with two newborns, the mother from XML1', () => {
    const item = only(mapDossier(dossier({ type: 'XML1', rows: [XML1] }, { type: 'XML9', rows: [twin(2), twin(1)] }), null));
    expect(item.kind).toBe('record');
    if (item.kind !== 'record') return;
    expect(item.record).toEqual({
      register: 'deliveries',
      sourceRecordId: 'BV11-2026-0001',
      facilityCode: '11001',
      person: {
        fullName: 'Lò Thị Mai',
        dateOfBirth: '1996-03-15',
        sex: 'FEMALE',
        citizenId: '011196001234',
        insuranceCard: 'DN4111234567890',
        sourcePatientId: 'BN00042',
        ethnicityCode: '05',
        residence: { communeCode: '03127', address: 'Bản Nà Khoa, xã Mường Nhé' },
      },
      data: {
        deliveredAt: '2026-11-19T09:30:00+07:00',
        place: 'FACILITY',
        attendantKind: 'MIDWIFE',
        mode: 'VAGINAL',
        babies: 2,
        dischargedAt: '2026-11-22T10:00:00+07:00',
        newborns: [
          { birthOrder: 1, sex: 'MALE', liveBorn: true, weightGrams: 2400, birthCertificateNumber: 'GCS-01', birthCertificateBook: '12' },
          { birthOrder: 2, sex: 'FEMALE', liveBorn: true, weightGrams: 2250, birthCertificateNumber: 'GCS-02', birthCertificateBook: '12' },
        ],
      },
    });
    // The record is what the register's one validator accepts.
    const { person, data } = item.record;
    const result = validateRecord('deliveries', { ...data, person: { ...person, communeCode: '03127' } }, context);
    expect(result.problems).toEqual([]);
    expect(result.value?.newborns).toHaveLength(2);
  });

  it('takes the mother from XML9 without XML1, the facility from the envelope, caesarean and attendant from the extension fields', () => {
    const rows = [twin(1, { SO_CON: '1', SINHCON_PHAUTHUAT: '1', LOAI_NGUOI_DO_DE: 'BS', TUOI_THAI: '38', MA_THE_NND: 'GD4111234567891' })];
    const item = only(mapDossier(dossier({ type: 'XML9', rows }), '11002'));
    if (item.kind !== 'record') throw new Error(JSON.stringify(item));
    expect(item.record.facilityCode).toBe('11002');
    expect(item.record.person).toMatchObject({
      fullName: 'Lò Thị Mai',
      dateOfBirth: '1996-03-15',
      sex: 'FEMALE',
      insuranceCard: 'GD4111234567891',
    });
    expect(item.record.person.sourcePatientId).toBeUndefined();
    expect(item.record.data).toMatchObject({ mode: 'CAESAREAN', attendantKind: 'DOCTOR', gaWeeks: 38, babies: 1 });
    expect(item.record.data['dischargedAt']).toBeUndefined();
  });

  it('reads the place from NOI_SINH_CON and the mode from the ICD codes of XML1', () => {
    const home = only(
      mapDossier(dossier({ type: 'XML9', rows: [twin(1, { SO_CON: '1', NOI_SINH_CON: 'Tại nhà, bản Nà Khoa' })] }), '11001'),
    );
    expect(home.kind === 'record' && home.record.data['place']).toBe('HOME');
    const forceps = only(
      mapDossier(
        dossier({ type: 'XML1', rows: [{ ...XML1, MA_BENH_CHINH: 'O81.0' }] }, { type: 'XML9', rows: [twin(1, { SO_CON: '1' })] }),
        null,
      ),
    );
    expect(forceps.kind === 'record' && forceps.record.data['mode']).toBe('INSTRUMENTAL');
  });

  it('rejects a record whose values have the wrong shape, naming the XML fields', () => {
    const item = only(
      mapDossier(dossier({ type: 'XML9', rows: [twin(1, { NGAY_SINH_CON: '19/11/2026', CAN_NANG_CON: '2,4kg' })] }), '11001'),
    );
    expect(item.kind).toBe('rejected');
    if (item.kind !== 'rejected') return;
    expect(item.problems.map((p) => [p.field, p.code])).toEqual([
      ['XML9.NGAY_SINH_CON', 'XML_DATETIME_INVALID'],
      ['XML9.CAN_NANG_CON', 'XML_NUMBER_INVALID'],
    ]);
  });

  it('rejects a dossier without any facility code', () => {
    const item = only(mapDossier(dossier({ type: 'XML9', rows: [twin(1, { SO_CON: '1' })] }), null));
    expect(item.kind === 'rejected' && item.problems.map((p) => p.code)).toEqual(['FACILITY_CODE_REQUIRED']);
  });
});

describe('XML7 / XML11 → abortion', () => {
  const xml7 = {
    MA_LK: 'BV11-2026-0002',
    MA_DINH_CHI_THAI: '1',
    NGUYENNHAN_DINHCHI: 'Thai lưu',
    THOIGIAN_DINHCHI: '202611201430',
    TUOI_THAI: '9',
    PP_DIEUTRI: 'Hút thai chân không, kháng sinh',
  };
  const xml1 = { ...XML1, MA_LK: 'BV11-2026-0002', MA_BENH_CHINH: 'O02.1', MA_BENH_KT: '' };

  it('maps a discharge paper with MA_DINH_CHI_THAI = 1 to one abortion, the method read from PP_DIEUTRI', () => {
    const item = only(mapDossier(dossier({ type: 'XML1', rows: [xml1] }, { type: 'XML7', rows: [xml7] }), null));
    if (item.kind !== 'record') throw new Error(JSON.stringify(item));
    expect(item.table).toBe('XML7');
    expect(item.record).toMatchObject({
      register: 'abortions',
      sourceRecordId: 'BV11-2026-0002',
      facilityCode: '11001',
      person: { fullName: 'Lò Thị Mai', citizenId: '011196001234', sex: 'FEMALE' },
      data: {
        performedOn: '2026-11-20',
        place: 'FACILITY',
        gaWeeks: 9,
        method: 'MANUAL_VACUUM',
        notes: 'Nguyên nhân đình chỉ thai nghén: Thai lưu',
      },
    });
    const { person, data } = item.record;
    expect(validateRecord('abortions', { ...data, person }, context).problems).toEqual([]);
  });

  it('merges XML7 and XML11 of one encounter into one abortion (XML7 first, XML11 filling), with the method code of the extension', () => {
    const xml11 = { MA_LK: 'BV11-2026-0002', MA_DINH_CHI_THAI: '1', TUOI_THAI: '10', PP_PHA_THAI: '1', MA_THE_BHYT: 'DN4111234567890' };
    const withoutTreatment: Record<string, string> = { ...xml7 };
    delete withoutTreatment['PP_DIEUTRI'];
    const items = mapDossier(
      dossier({ type: 'XML1', rows: [xml1] }, { type: 'XML11', rows: [xml11] }, { type: 'XML7', rows: [withoutTreatment] }),
      null,
    );
    const item = only(items);
    expect(item.kind === 'record' && item.record.data).toMatchObject({ gaWeeks: 9, method: 'MEDICAL', performedOn: '2026-11-20' });
  });

  it('maps XML11 alone when it carries the termination time', () => {
    const xml11 = { MA_LK: 'BV11-2026-0002', MA_DINH_CHI_THAI: '1', TUOI_THAI: '6', THOIGIAN_DINHCHI: '202611200900', PP_PHA_THAI: '1' };
    const item = only(mapDossier(dossier({ type: 'XML1', rows: [xml1] }, { type: 'XML11', rows: [xml11] }), null));
    expect(item.kind === 'record' && [item.table, item.record.data['performedOn'], item.record.data['method']]).toEqual([
      'XML11',
      '2026-11-20',
      'MEDICAL',
    ]);
  });

  it('ignores a discharge paper that is not a termination, and rejects one without time or XML1', () => {
    const notTermination = only(
      mapDossier(dossier({ type: 'XML1', rows: [xml1] }, { type: 'XML7', rows: [{ ...xml7, MA_DINH_CHI_THAI: '0' }] }), null),
    );
    expect(notTermination).toMatchObject({ kind: 'ignored', code: 'NOT_A_TERMINATION' });
    const noTime: Record<string, string> = { ...xml7 };
    delete noTime['THOIGIAN_DINHCHI'];
    const rejected = only(mapDossier(dossier({ type: 'XML7', rows: [noTime] }), '11001'));
    expect(rejected.kind === 'rejected' && rejected.problems.map((p) => p.code)).toEqual(['XML_FIELD_REQUIRED', 'XML1_REQUIRED']);
  });
});

describe('XML1 alone', () => {
  it('gives no register record: the dossier is reported as having no MCH data', () => {
    expect(mapDossier(dossier({ type: 'XML1', rows: [XML1] }), null)).toEqual([
      { kind: 'ignored', table: 'XML1', maLk: 'BV11-2026-0001', code: 'NO_MCH_DATA', message: expect.any(String) },
    ]);
  });
});
