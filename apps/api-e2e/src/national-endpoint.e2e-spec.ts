import { createHash } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { withDb } from './support/db';
import { apiUrl, request, signIn } from './support/http';
import { citizenId, uniqueWomanName } from './support/records';

/**
 * The national "liên thông" endpoint as an HIS vendor uses it: only the two national paths and the
 * result lookup, form-encoded login, XML packages (docs/national-endpoint.md).
 */

interface ErrorBody {
  code: string;
  message: string;
}
interface TokenAnswer {
  token: string;
  loaiToken: string;
  thoiHanGiay: number;
  hetHanLuc: string;
}
interface Receipt {
  maGiaoDich: string;
  thoiGianTiepNhan: string;
  trangThai: string;
  soHoSo: number;
}
interface RecordResult {
  hoSo: number;
  bang: string | null;
  maLk: string | null;
  so: string | null;
  ketQua: 'CHAP_NHAN' | 'TU_CHOI' | 'BO_QUA';
  chiTiet: string;
  id?: string | null;
  loi: { field: string; code: string; message: string }[];
}
interface Result extends Receipt {
  thoiGianXuLy: string | null;
  maCskcb: string | null;
  tongHop: { chapNhan: number; tuChoi: number; boQua: number };
  ketQua: RecordResult[];
}

const LOGIN = '/api/lien-thong/tai-khoan/dang-nhap';
const RECEIVE = '/api/lien-thong/tiep-nhan';
const RESULT = (number: string) => `/api/lien-thong/ket-qua/${number}`;
const FACILITY = 'TYT.03127.2025';
const run = Date.now().toString(36);

// ---- The vendor's side: a form login, XML packages ----

async function login(tenDangNhap: string, matKhau: string) {
  const response = await fetch(apiUrl(LOGIN), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ tenDangNhap, matKhau }).toString(),
  });
  return { status: response.status, body: (await response.json()) as TokenAnswer & ErrorBody };
}

const send = (token: string | null, xml: string | Buffer, contentType = 'application/xml') =>
  request<Receipt & ErrorBody>(RECEIVE, {
    method: 'POST',
    token,
    headers: { 'content-type': contentType },
    body: typeof xml === 'string' ? xml : xml.toString('utf8'),
  });
const result = (token: string | null, number: string) => request<Result & ErrorBody>(RESULT(number), { token });

const b64 = (xml: string) => Buffer.from(`<?xml version="1.0" encoding="utf-8"?>${xml}`, 'utf8').toString('base64');
const fields = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
const table = (type: string, xml: string) => `<FILEHOSO><LOAIHOSO>${type}</LOAIHOSO><NOIDUNGFILE>${b64(xml)}</NOIDUNGFILE></FILEHOSO>`;
/** A package from the facility with this MACSKCB (the station's code in this system, or a KCB code). */
const packageFrom = (facility: string, ...hosos: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><GIAMDINHHS><THONGTINDONVI><MACSKCB>${facility}</MACSKCB></THONGTINDONVI>` +
  `<THONGTINHOSO><NGAYLAP>20261201</NGAYLAP><SOLUONGHOSO>${hosos.length}</SOLUONGHOSO><DANHSACHHOSO>` +
  hosos.map((h) => `<HOSO>${h}</HOSO>`).join('') +
  `</DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI></CHUKYDONVI></GIAMDINHHS>`;
const packageOf = (...hosos: string[]) => packageFrom(FACILITY, ...hosos);

interface Mother {
  name: string;
  cccd: string;
}
const newMother = (): Mother => ({ name: uniqueWomanName(), cccd: citizenId(1996, 'FEMALE') });

const xml1 = (maLk: string, mother: Mother, extra: Record<string, string> = {}) =>
  table(
    'XML1',
    `<TONG_HOP>${fields({
      MA_LK: maLk,
      STT: '1',
      MA_BN: `BN-${maLk}`,
      HO_TEN: mother.name,
      SO_CCCD: mother.cccd,
      NGAY_SINH: '199603150000',
      GIOI_TINH: '2',
      MA_DANTOC: '05',
      MA_THE_BHYT: '',
      MAXA_CU_TRU: '03127',
      DIA_CHI: 'Bản Him Lam 2',
      MA_CSKCB: FACILITY,
      NGAY_VAO: '202611180800',
      NGAY_RA: '202611221000',
      MA_BENH_CHINH: 'O30.0',
      ...extra,
    })}</TONG_HOP>`,
  );

const xml9Row = (maLk: string, mother: Mother, order: number, babies: number) =>
  `<DU_LIEU_GIAY_CHUNG_SINH>${fields({
    MA_LK: maLk,
    HO_TEN_NND: mother.name,
    NGAYSINH_NND: '19960315',
    MA_DANTOC_NND: '05',
    SO_CCCD_NND: mother.cccd,
    NOI_CU_TRU_NND: 'Bản Him Lam 2, phường Điện Biên Phủ, tỉnh Điện Biên',
    MAXA_CU_TRU: '03127',
    GIOI_TINH_CON: order === 1 ? '1' : '2',
    SO_CON: String(babies),
    LAN_SINH: '2',
    SO_CON_SONG: '3',
    CAN_NANG_CON: order === 1 ? '2400' : '2250',
    NGAY_SINH_CON: order === 1 ? '202611190930' : '202611190942',
    NOI_SINH_CON: 'Trạm Y tế phường Điện Biên Phủ',
    TINH_TRANG_CON: 'Khỏe mạnh',
    SINHCON_PHAUTHUAT: '0',
    SINHCON_DUOI32TUAN: '0',
    GHI_CHU: 'Sinh đôi',
    NGUOI_DO_DE: 'Hộ sinh Quàng Thị Lan',
    NGUOI_GHI_PHIEU: 'Quàng Thị Lan',
    NGAY_CT: '20261119',
    SO: `${maLk}-${order}`,
    QUYEN_SO: '12',
    MA_TTDV: '1100000001',
  })}</DU_LIEU_GIAY_CHUNG_SINH>`;

const xml9 = (maLk: string, mother: Mother, babies: number) =>
  table(
    'XML9',
    `<CHI_TIEU_DULIEU_GIAY_CHUNG_SINH><DSACH_GIAYCHUNGSINH>${Array.from({ length: babies }, (_, i) => xml9Row(maLk, mother, i + 1, babies)).join('')}</DSACH_GIAYCHUNGSINH></CHI_TIEU_DULIEU_GIAY_CHUNG_SINH>`,
  );

const termination = (type: 'XML7' | 'XML11', maLk: string, extra: Record<string, string>) =>
  table(
    type,
    `<CHI_TIEU_TABLE>${fields({ MA_LK: maLk, MA_DINH_CHI_THAI: '1', NGUYENNHAN_DINHCHI: 'Thai lưu', TUOI_THAI: '8', ...extra })}</CHI_TIEU_TABLE>`,
  );

// ---- The account ----

let admin = '';
/** A hospital of the account's province known by its KCB code, as HIS packages name it. */
const HOSPITAL = `BV.LT.${run.toUpperCase()}`;
const HOSPITAL_KCB = '11961';
/** The KCB code of a facility outside the account (the CDC of another province). */
const OUTSIDE_KCB = '12962';
let clientId = '';
let secret = '';
let token = '';

async function newAccount(): Promise<{ clientId: string; secret: string }> {
  const { status, body } = await request<{ client: { clientId: string }; clientSecret: string }>('/api/v1/integration-clients', {
    method: 'POST',
    token: admin,
    body: {
      name: `HIS liên thông ${run}${Math.floor(Math.random() * 1e6)}`,
      system: 'HIS',
      provinceCode: '11',
      operations: ['records.push'],
    },
  });
  if (status !== 201) throw new Error(`account not created: ${status} ${JSON.stringify(body)}`);
  return { clientId: body.client.clientId, secret: body.clientSecret };
}

const transactionRows = (number?: string) =>
  withDb(async (db) =>
    number
      ? (await db.query('SELECT * FROM national_transaction WHERE number = $1', [number])).rows
      : (await db.query('SELECT count(*)::int AS n FROM national_transaction')).rows,
  );

beforeAll(async () => {
  admin = await signIn('nchi.admin');
  // Before the account: its province's facilities are read when it is created.
  const hospital = await request('/api/v1/administration/facilities', {
    method: 'POST',
    token: admin,
    body: {
      code: HOSPITAL,
      name: 'Bệnh viện liên thông thử nghiệm',
      kind: 'CENTRAL_FACILITY',
      adminUnitCode: '11',
      validFrom: '2024-01-01',
      kcbCode: HOSPITAL_KCB,
    },
  });
  const outside = await request('/api/v1/administration/facilities/CDC.12', {
    method: 'PATCH',
    token: admin,
    body: { kcbCode: OUTSIDE_KCB },
  });
  if (hospital.status !== 201 || outside.status !== 200) throw new Error(`KCB codes not set: ${hospital.status} ${outside.status}`);
  ({ clientId, secret } = await newAccount());
});

describe('a vendor-style client using only the national paths', () => {
  const twins = `LK-TWIN-${run}`;
  const mother = newMother();
  let number = '';

  it('logs in with the form fields tenDangNhap and matKhau and gets a bearer token, stored only as its hash', async () => {
    const { status, body } = await login(clientId, secret);
    expect(status).toBe(200);
    expect(body).toMatchObject({ loaiToken: 'Bearer', thoiHanGiay: 3600 });
    expect(body.hetHanLuc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    token = body.token;
    const stored = await withDb(
      async (db) => (await db.query('SELECT token_hash FROM national_token ORDER BY issued_at DESC LIMIT 1')).rows[0],
    );
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('sends an XML package with XML1 and an XML9 for twins: a mã giao dịch and a received time', async () => {
    const { status, body } = await send(token, packageOf(xml1(twins, mother) + xml9(twins, mother, 2)));
    expect(status).toBe(200);
    expect(body.maGiaoDich).toMatch(/^LT\d{8}[0-9A-Z]{8}$/);
    expect(body.thoiGianTiepNhan).toMatch(/\+07:00$/);
    expect(body).toMatchObject({ trangThai: 'DA_XU_LY', soHoSo: 1 });
    number = body.maGiaoDich;
  });

  it('reads the review result by the mã giao dịch: one delivery accepted, written with two newborns', async () => {
    const { status, body } = await result(token, number);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      maGiaoDich: number,
      trangThai: 'DA_XU_LY',
      maCskcb: FACILITY,
      tongHop: { chapNhan: 1, tuChoi: 0, boQua: 0 },
    });
    expect(body.ketQua).toEqual([
      expect.objectContaining({ hoSo: 1, bang: 'XML9', maLk: twins, so: 'deliveries', ketQua: 'CHAP_NHAN', chiTiet: 'created', loi: [] }),
    ]);
    const rows = await withDb(async (db) => {
      const delivery = (
        await db.query('SELECT id, source, babies, mode, attendant_kind, discharged_at FROM delivery WHERE source_record_id = $1', [twins])
      ).rows;
      const newborns = (
        await db.query(
          'SELECT birth_order, sex, weight_grams, birth_certificate_number FROM newborn WHERE delivery_id = $1 ORDER BY birth_order',
          [delivery[0]?.id],
        )
      ).rows;
      const person = (await db.query('SELECT full_name FROM person WHERE citizen_id = $1', [mother.cccd])).rows;
      return { delivery, newborns, person };
    });
    expect(rows.delivery).toHaveLength(1);
    expect(rows.delivery[0]).toMatchObject({ id: body.ketQua[0].id, source: 'API', babies: 2, mode: 'VAGINAL', attendant_kind: 'MIDWIFE' });
    expect(rows.delivery[0].discharged_at).toEqual(new Date('2026-11-22T03:00:00Z'));
    expect(rows.newborns).toEqual([
      { birth_order: 1, sex: 'MALE', weight_grams: 2400, birth_certificate_number: `${twins}-1` },
      { birth_order: 2, sex: 'FEMALE', weight_grams: 2250, birth_certificate_number: `${twins}-2` },
    ]);
    expect(rows.person).toEqual([{ full_name: mother.name }]);
  });

  it('answers a package sent again under a new number, the delivery written again in place, not duplicated', async () => {
    const again = await send(token, packageOf(xml1(twins, mother) + xml9(twins, mother, 2)));
    expect(again.status).toBe(200);
    expect(again.body.maGiaoDich).not.toBe(number);
    const { body } = await result(token, again.body.maGiaoDich);
    // The same delivery with the same newborns: found by its key, nothing written, never added again.
    expect(body.ketQua.map((r) => r.ketQua)).toEqual(['CHAP_NHAN']);
    expect(body.ketQua[0].chiTiet).toBe('unchanged');
    const counts = await withDb(
      async (db) =>
        (
          await db.query(
            'SELECT count(DISTINCT d.id)::int AS deliveries, count(n.id)::int AS newborns FROM delivery d JOIN newborn n ON n.delivery_id = d.id WHERE d.source_record_id = $1',
            [twins],
          )
        ).rows[0],
    );
    expect(counts).toEqual({ deliveries: 1, newborns: 2 });
  });
});

describe('XML tables to registers', () => {
  it('maps XML1+XML7 and XML1+XML11 terminations to abortions, reports an XML1-only dossier as ignored and a bad record as rejected', async () => {
    const [a7, a11, only1, bad] = ['A7', 'A11', 'X1', 'BAD'].map((p) => `LK-${p}-${run}`);
    const [m7, m11, m1, mBad] = [newMother(), newMother(), newMother(), newMother()];
    const badBirth = table('XML9', `<DS>${xml9Row(bad, mBad, 1, 1).replace('202611190930', '19/11/2026 09:30')}</DS>`);
    const xml = packageOf(
      xml1(a7, m7, { MA_BENH_CHINH: 'O02.1' }) +
        termination('XML7', a7, { THOIGIAN_DINHCHI: '202611201430', PP_DIEUTRI: 'Hút thai chân không' }),
      xml1(a11, m11) + termination('XML11', a11, { THOIGIAN_DINHCHI: '202611210900', PP_PHA_THAI: '1', TUOI_THAI: '6' }),
      xml1(only1, m1),
      xml1(bad, mBad) + badBirth,
    );
    const sent = await send(token, xml);
    expect(sent.status).toBe(200);
    expect(sent.body.soHoSo).toBe(4);
    const { body } = await result(token, sent.body.maGiaoDich);
    expect(body.tongHop).toEqual({ chapNhan: 2, tuChoi: 1, boQua: 1 });
    expect(body.ketQua.map((r) => [r.hoSo, r.bang, r.so, r.ketQua])).toEqual([
      [1, 'XML7', 'abortions', 'CHAP_NHAN'],
      [2, 'XML11', 'abortions', 'CHAP_NHAN'],
      [3, 'XML1', null, 'BO_QUA'],
      [4, 'XML9', null, 'TU_CHOI'],
    ]);
    expect(body.ketQua[2].loi[0].code).toBe('NO_MCH_DATA');
    expect(body.ketQua[3].loi).toEqual([expect.objectContaining({ field: 'XML9.NGAY_SINH_CON', code: 'XML_DATETIME_INVALID' })]);
    const abortions = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT source_record_id, performed_on::text AS performed_on, ga_weeks, method, place FROM abortion WHERE source_record_id = ANY($1) ORDER BY performed_on`,
            [[a7, a11]],
          )
        ).rows,
    );
    expect(abortions).toEqual([
      { source_record_id: a7, performed_on: '2026-11-20', ga_weeks: 8, method: 'MANUAL_VACUUM', place: 'FACILITY' },
      { source_record_id: a11, performed_on: '2026-11-21', ga_weeks: 6, method: 'MEDICAL', place: 'FACILITY' },
    ]);
  });

  it('rejects a record for a facility the account may not send for, with the ingestion’s code', async () => {
    const maLk = `LK-OUT-${run}`;
    const mother = newMother();
    const xml = packageOf(xml1(maLk, mother, { MA_CSKCB: 'CDC.12' }) + xml9(maLk, mother, 1));
    const sent = await send(token, xml);
    const { body } = await result(token, sent.body.maGiaoDich);
    expect(body.ketQua.map((r) => [r.ketQua, r.loi.map((p) => p.code)])).toEqual([['TU_CHOI', ['FACILITY_NOT_ALLOWED']]]);
  });
});

describe('facilities named by their KCB code (mã cơ sở KCB BHYT)', () => {
  const recordedAt = (maLk: string) =>
    withDb(
      async (db) =>
        (
          await db.query(
            `SELECT f.code, f.kcb_code FROM delivery d JOIN facility f ON f.id = d.facility_id WHERE d.source_record_id = $1`,
            [maLk],
          )
        ).rows,
    );

  it('accepts a package whose MACSKCB is a hospital’s KCB code and records its rows at that hospital', async () => {
    const [byEnvelope, byXml1] = ['KCB-ENV', 'KCB-X1'].map((p) => `LK-${p}-${run}`);
    const [m1, m2] = [newMother(), newMother()];
    // XML1 without MA_CSKCB (the envelope's MACSKCB applies), and XML1 naming the KCB code itself.
    const xml = packageFrom(
      HOSPITAL_KCB,
      xml1(byEnvelope, m1, { MA_CSKCB: '' }) + xml9(byEnvelope, m1, 1),
      xml1(byXml1, m2, { MA_CSKCB: HOSPITAL_KCB }) + xml9(byXml1, m2, 1),
    );
    const sent = await send(token, xml);
    expect([sent.status, sent.body.trangThai]).toEqual([200, 'DA_XU_LY']);
    const { body } = await result(token, sent.body.maGiaoDich);
    expect(body.maCskcb).toBe(HOSPITAL_KCB);
    expect(body.ketQua.map((r) => [r.maLk, r.ketQua, r.chiTiet, r.loi])).toEqual([
      [byEnvelope, 'CHAP_NHAN', 'created', []],
      [byXml1, 'CHAP_NHAN', 'created', []],
    ]);
    expect(await recordedAt(byEnvelope)).toEqual([{ code: HOSPITAL, kcb_code: HOSPITAL_KCB }]);
    expect(await recordedAt(byXml1)).toEqual([{ code: HOSPITAL, kcb_code: HOSPITAL_KCB }]);
  });

  it('still refuses an unknown KCB code (FACILITY_NOT_FOUND) and a facility outside the account (FACILITY_NOT_ALLOWED)', async () => {
    const [unknown, outside] = ['KCB-UNK', 'KCB-OUT'].map((p) => `LK-${p}-${run}`);
    const [m1, m2] = [newMother(), newMother()];
    const xml = packageFrom(
      '19964',
      xml1(unknown, m1, { MA_CSKCB: '' }) + xml9(unknown, m1, 1),
      xml1(outside, m2, { MA_CSKCB: OUTSIDE_KCB }) + xml9(outside, m2, 1),
    );
    const sent = await send(token, xml);
    const { body } = await result(token, sent.body.maGiaoDich);
    expect(body.ketQua.map((r) => [r.maLk, r.ketQua, r.loi.map((p) => [p.field, p.code])])).toEqual([
      [unknown, 'TU_CHOI', [['facilityCode', 'FACILITY_NOT_FOUND']]],
      [outside, 'TU_CHOI', [['facilityCode', 'FACILITY_NOT_ALLOWED']]],
    ]);
    expect([...(await recordedAt(unknown)), ...(await recordedAt(outside))]).toEqual([]);
  });
});

describe('credentials and tokens', () => {
  it('refuses wrong credentials with one answer, and audits a wrong secret', async () => {
    for (const [id, password] of [
      [clientId, `${secret}x`],
      ['his-0000000000000000', secret],
    ]) {
      const { status, body } = await login(id, password);
      expect([status, body.code]).toEqual([401, 'INVALID_CLIENT_CREDENTIALS']);
      expect(JSON.stringify(body)).not.toContain('token');
    }
    const missing = await fetch(apiUrl(LOGIN), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'tenDangNhap=x',
    });
    expect(missing.status).toBe(400);
    const denied = await withDb(
      async (db) =>
        (
          await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'ACCESS_DENIED' AND details->>'clientId' = $1`, [
            clientId,
          ])
        ).rows[0].n,
    );
    expect(denied).toBeGreaterThan(0);
  });

  it('refuses requests without a token, with a token it did not issue, and with a token in the URL', async () => {
    const none = await send(null, packageOf(xml1('X', newMother())));
    expect([none.status, none.body.code]).toEqual([401, 'INVALID_CLIENT_CREDENTIALS']);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const forged = await result('not-a-token-we-issued', 'LT2026120100000000');
    expect([forged.status, forged.body.code]).toEqual([401, 'NATIONAL_TOKEN_INVALID']);
    const inUrl = await request<ErrorBody>(`${RESULT('LT2026120100000000')}?access_token=${token}`, { token: null });
    expect(inUrl.status).toBe(401);
  });

  it('refuses an expired token with NATIONAL_TOKEN_EXPIRED', async () => {
    const { body } = await login(clientId, secret);
    await withDb((db) =>
      db.query(`UPDATE national_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
        createHash('sha256').update(body.token).digest('hex'),
      ]),
    );
    const expired = await result(body.token, 'LT2026120100000000');
    expect([expired.status, expired.body.code]).toEqual([401, 'NATIONAL_TOKEN_EXPIRED']);
  });

  it('ends tokens with the secret: rotating it invalidates the tokens issued before', async () => {
    const account = await newAccount();
    const { body } = await login(account.clientId, account.secret);
    expect((await result(body.token, 'LT2026120100000000')).status).toBe(404);
    await request(`/api/v1/integration-clients/${account.clientId}/rotate-secret`, { method: 'POST', token: admin });
    const after = await result(body.token, 'LT2026120100000000');
    expect([after.status, after.body.code]).toEqual([401, 'NATIONAL_TOKEN_INVALID']);
  });

  it('keeps results to their account, and users and Basic credentials off the token routes', async () => {
    const other = await newAccount();
    const otherToken = (await login(other.clientId, other.secret)).body.token;
    const mine = await send(token, packageOf(xml1(`LK-MINE-${run}`, newMother())));
    const theirs = await result(otherToken, mine.body.maGiaoDich);
    expect([theirs.status, theirs.body.code]).toEqual([404, 'TRANSACTION_NOT_FOUND']);
    const user = await result(await signIn('tyt.muongnhe'), mine.body.maGiaoDich);
    expect(user.status).toBe(401);
    const basic = await request<ErrorBody>(RESULT(mine.body.maGiaoDich), {
      token: null,
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });
});

describe('hostile XML is refused without harm', () => {
  const XXE =
    '<?xml version="1.0"?><!DOCTYPE GIAMDINHHS [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><GIAMDINHHS><THONGTINDONVI><MACSKCB>&xxe;</MACSKCB></THONGTINDONVI></GIAMDINHHS>';
  const LAUGHS =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
    ']><GIAMDINHHS>&lol9;</GIAMDINHHS>';

  it('refuses an external entity and a billion laughs with XML_DTD_FORBIDDEN, storing nothing', async () => {
    const before = await transactionRows();
    for (const xml of [XXE, LAUGHS]) {
      const started = Date.now();
      const { status, body } = await send(token, xml);
      expect([status, body.code]).toEqual([400, 'XML_DTD_FORBIDDEN']);
      expect(JSON.stringify(body)).not.toMatch(/root:|lollol/);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    const inside = packageOf(
      table('XML1', '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><TONG_HOP><MA_LK>&x;</MA_LK></TONG_HOP>'),
    );
    expect((await send(token, inside)).body.code).toBe('XML_DTD_FORBIDDEN');
    expect(await transactionRows()).toEqual(before);
  });

  it('refuses malformed XML, other content types, and over-deep nesting with their codes', async () => {
    expect((await send(token, '<GIAMDINHHS><A></GIAMDINHHS>')).body.code).toBe('XML_MALFORMED');
    const json = await send(token, '{"records":[]}', 'application/json');
    expect([json.status, json.body.code]).toEqual([415, 'XML_UNSUPPORTED_MEDIA_TYPE']);
    // No parser reads this route's body before the guard, whatever its type and size (a JSON parser
    // would refuse 240 kB as 413 to anyone): without a token it is 401, with one the type's 415.
    const bigJson = `{"records":[${'"x",'.repeat(60_000)}"x"]}`;
    const anonymous = await send(null, bigJson, 'application/json');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'INVALID_CLIENT_CREDENTIALS']);
    const big = await send(token, bigJson, 'application/json');
    expect([big.status, big.body.code]).toEqual([415, 'XML_UNSUPPORTED_MEDIA_TYPE']);
    const deep = `<GIAMDINHHS>${'<A>'.repeat(200)}${'</A>'.repeat(200)}</GIAMDINHHS>`;
    expect((await send(token, deep)).body.code).toBe('XML_TOO_DEEP');
  });

  /**
   * Streams `total` bytes of XML-looking filler to the endpoint with node:http; resolves with the first answer.
   * `sendAtMost`: the body stalls after that many bytes (without ending), so an answer proves the server did not wait for the rest.
   */
  function stream(
    total: number,
    declareLength: boolean,
    sendAtMost = total,
  ): Promise<{ status: number; body: string; sent: number; ms: number }> {
    const url = new URL(apiUrl(RECEIVE));
    const chunk = Buffer.alloc(64 * 1024, 'A');
    let sent = 0;
    const started = Date.now();
    const body = new Readable({
      read() {
        if (sent >= total) {
          this.push(null);
          return;
        }
        if (sent >= sendAtMost) return;
        const piece = sent === 0 ? Buffer.from('<GIAMDINHHS>') : chunk;
        sent += piece.length;
        this.push(piece);
      },
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`no answer after sending ${sent} bytes`));
      }, 20_000);
      // What the client had sent when the answer came: after it, the server drains and drops the rest.
      let sentAtAnswer = 0;
      const done = (status: number, text: string) => {
        clearTimeout(timer);
        body.destroy();
        resolve({ status, body: text, sent: sentAtAnswer || sent, ms: Date.now() - started });
      };
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/xml',
            authorization: `Bearer ${token}`,
            ...(declareLength ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
          },
        },
        (res) => {
          sentAtAnswer = sent;
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          // The server closes the connection after its answer: 'close' may come without 'end'.
          res.on('end', () => done(res.statusCode ?? 0, text));
          res.on('close', () => done(res.statusCode ?? 0, text));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // Writing on after the server's answer and close fails; the answer has been read by then.
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      body.pipe(req);
    });
  }

  it('refuses a declared 50 MB body at once with 413 XML_PAYLOAD_TOO_LARGE, before reading it', async () => {
    // Only the first 64 kB of the declared 50 MB are ever sent: the answer can only come from the declared length.
    // (Counting what the client pushed before the answer arrived measured the machine's load, not the server.)
    const answer = await stream(50 * 1024 * 1024, true, 64 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe('XML_PAYLOAD_TOO_LARGE');
  });

  it('refuses a chunked 50 MB body as soon as it passes 10 MB', async () => {
    // The body stalls after 12 MB: the answer proves the server stopped reading past 10 MB rather than waiting for the end.
    const answer = await stream(50 * 1024 * 1024, false, 12 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe('XML_PAYLOAD_TOO_LARGE');
  });

  it('is still answering afterwards', async () => {
    const { status } = await request('/api/health', { token: null });
    expect(status).toBe(200);
    expect((await login(clientId, secret)).status).toBe(200);
  });
});
