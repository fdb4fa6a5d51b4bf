import { DomainError } from '@skss/api/core';
import { parseNationalPackage, PACKAGE_LIMITS } from './national-package';
import { decodeXmlText, parseUntrustedXml } from './safe-xml';

const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');
const file = (type: string, xml: string) => `<FILEHOSO><LOAIHOSO>${type}</LOAIHOSO><NOIDUNGFILE>${b64(xml)}</NOIDUNGFILE></FILEHOSO>`;
const envelope = (hosos: string[], count = hosos.length) =>
  Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><GIAMDINHHS><THONGTINDONVI><MACSKCB>11001</MACSKCB></THONGTINDONVI>` +
      `<THONGTINHOSO><NGAYLAP>20261120</NGAYLAP><SOLUONGHOSO>${count}</SOLUONGHOSO><DANHSACHHOSO>` +
      hosos.map((h) => `<HOSO>${h}</HOSO>`).join('') +
      `</DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>`,
  );

function refusal(work: () => unknown): { code: string; status: number } {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, status: error.status };
    throw error;
  }
  throw new Error('not refused');
}

describe('safe XML parsing', () => {
  it('decodes the predefined entities and character references once, and nothing else', () => {
    expect(decodeXmlText('A &amp; B &lt;x&gt; &quot;q&quot; &apos;')).toBe(`A & B <x> "q" '`);
    expect(decodeXmlText('Nguy&#7877;n &#x110;&#236;nh')).toBe('Nguyễn Đình');
    expect(decodeXmlText('&amp;lt;')).toBe('&lt;');
    expect(refusal(() => decodeXmlText('&lol;')).code).toBe('XML_MALFORMED');
    expect(refusal(() => decodeXmlText('&constructor;')).code).toBe('XML_MALFORMED');
    expect(refusal(() => decodeXmlText('&#0;')).code).toBe('XML_MALFORMED');
  });

  it('refuses DOCTYPE and ENTITY declarations outright: external entities and billion laughs never reach the parser', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>';
    for (const text of [xxe, laughs, '<!doctype r SYSTEM "http://example.invalid/x.dtd"><r/>', '<r><!ENTITY a "b"></r>']) {
      expect(refusal(() => parseUntrustedXml(text, { maxDepth: 10 }))).toEqual({ code: 'XML_DTD_FORBIDDEN', status: 400 });
    }
  });

  it('bounds nesting and refuses malformed documents', () => {
    const deep = `${'<a>'.repeat(30)}x${'</a>'.repeat(30)}`;
    expect(refusal(() => parseUntrustedXml(deep, { maxDepth: 12 })).code).toBe('XML_TOO_DEEP');
    expect(refusal(() => parseUntrustedXml('<a><b></a>', { maxDepth: 12 })).code).toBe('XML_MALFORMED');
    expect(refusal(() => parseUntrustedXml('<a/><b/>', { maxDepth: 12 })).code).toBe('XML_MALFORMED');
    expect(parseUntrustedXml('<a><b>1</b><b>2</b><c/></a>', { maxDepth: 12 })).toEqual({ root: 'a', content: { b: ['1', '2'], c: [''] } });
  });
});

describe('the GIAMDINHHS package', () => {
  it('reads dossiers, decodes the tables it uses and lists the others as ignored', () => {
    const xml1 = '<TONG_HOP><MA_LK>LK1</MA_LK><HO_TEN>Lò Thị Mai &amp; con</HO_TEN></TONG_HOP>';
    const xml9 =
      '<CHI_TIEU_DULIEU_GIAY_CHUNG_SINH><DSACH_GIAYCHUNGSINH>' +
      '<DU_LIEU_GIAY_CHUNG_SINH><MA_LK>LK1</MA_LK><SO>1</SO></DU_LIEU_GIAY_CHUNG_SINH>' +
      '<DU_LIEU_GIAY_CHUNG_SINH><MA_LK>LK1</MA_LK><SO>2</SO></DU_LIEU_GIAY_CHUNG_SINH>' +
      '</DSACH_GIAYCHUNGSINH></CHI_TIEU_DULIEU_GIAY_CHUNG_SINH>';
    const parsed = parseNationalPackage(envelope([file('XML1', xml1) + file('XML2', '<x/>') + file('xml9', xml9)]));
    expect(parsed.facilityCode).toBe('11001');
    expect(parsed.createdOn).toBe('20261120');
    expect(parsed.dossiers).toEqual([
      {
        position: 1,
        ignoredTables: ['XML2'],
        tables: [
          { type: 'XML1', rows: [{ MA_LK: 'LK1', HO_TEN: 'Lò Thị Mai & con' }] },
          {
            type: 'XML9',
            rows: [
              { MA_LK: 'LK1', SO: '1' },
              { MA_LK: 'LK1', SO: '2' },
            ],
          },
        ],
      },
    ]);
  });

  it('refuses a hostile table inside a valid envelope', () => {
    const xxe = '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><TONG_HOP><MA_LK>&x;</MA_LK></TONG_HOP>';
    expect(refusal(() => parseNationalPackage(envelope([file('XML1', xxe)]))).code).toBe('XML_DTD_FORBIDDEN');
  });

  it('refuses wrong envelopes, counts, base64 and oversized tables with their codes', () => {
    const ok = file('XML1', '<TONG_HOP><MA_LK>1</MA_LK></TONG_HOP>');
    expect(refusal(() => parseNationalPackage(Buffer.from('<OTHER/>'))).code).toBe('XML_ENVELOPE_INVALID');
    expect(refusal(() => parseNationalPackage(envelope([ok], 3))).code).toBe('XML_ENVELOPE_INVALID');
    expect(refusal(() => parseNationalPackage(envelope([]))).code).toBe('XML_ENVELOPE_INVALID');
    expect(refusal(() => parseNationalPackage(Buffer.alloc(0))).code).toBe('XML_EMPTY');
    expect(refusal(() => parseNationalPackage(Buffer.from([0x3c, 0x61, 0xff, 0x3e]))).code).toBe('XML_ENCODING_INVALID');
    expect(refusal(() => parseNationalPackage(Buffer.from('<?xml version="1.0" encoding="windows-1258"?><GIAMDINHHS/>'))).code).toBe(
      'XML_ENCODING_INVALID',
    );
    const badBase64 = '<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>not*base64!</NOIDUNGFILE></FILEHOSO>';
    expect(refusal(() => parseNationalPackage(envelope([badBase64]))).code).toBe('XML_TABLE_BASE64_INVALID');
    const big = `<TONG_HOP><MA_LK>1</MA_LK><GHI_CHU>${'x'.repeat(PACKAGE_LIMITS.maxTableBytes)}</GHI_CHU></TONG_HOP>`;
    expect(refusal(() => parseNationalPackage(envelope([file('XML1', big)])))).toEqual({ code: 'XML_TABLE_TOO_LARGE', status: 413 });
    expect(refusal(() => parseNationalPackage(envelope([file('XML9', '<A><B>no link key</B></A>')]))).code).toBe('XML_TABLE_INVALID');
    expect(refusal(() => parseNationalPackage(Buffer.alloc(PACKAGE_LIMITS.maxBodyBytes + 1, 0x20)))).toEqual({
      code: 'XML_PAYLOAD_TOO_LARGE',
      status: 413,
    });
  });
});
