import { Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { api, byTestId, DEMO_PASSWORD, signIn, text } from './support/console';

/**
 * Probable duplicates on a person's page (issue 6): two records of one woman entered by a commune station (the same
 * name written differently, the same date of birth and commune), one with an antenatal visit. The officer opens the
 * other, sees her offered under "Có thể trùng" with identifiers masked, merges her after a confirmation that says who is
 * kept and what moves, sees the visit move, and undoes the merge.
 */
const OFFICER = 'tyt.muongnhe';

const suffix = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
const NAME = `Lò Thị Gộp ${suffix[0].toUpperCase()}${suffix.slice(1)}`;
const CITIZEN_ID = `011198${String(Date.now()).slice(-6)}`;
const MASKED_CITIZEN_ID = `0111******${CITIZEN_ID.slice(-2)}`;

/** A day two months back (dd of a month no other test locks), as the API takes it. */
function pastDay(day: number): string {
  const now = new Date(Date.now() + 7 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, day)).toISOString().slice(0, 10);
}

describe('merging probable duplicates on a person’s page', () => {
  let browser: BrowserSession;
  let page: Page;
  let token = '';
  let survivorId = '';
  let duplicateId = '';
  let visitId = '';

  beforeAll(async () => {
    ({ token } = await api<{ token: string }>('/api/v1/auth/login', {
      method: 'POST',
      body: { username: OFFICER, password: DEMO_PASSWORD, session: 'bearer' },
    }));
    const person = (fullName: string, citizenId: string | null) =>
      api<{ person: { id: string } }>('/api/v1/persons', {
        method: 'POST',
        token,
        body: {
          fullName,
          dateOfBirth: '1998-04-12',
          sex: 'FEMALE',
          citizenId,
          ethnicityCode: '03',
          communeCode: '03160',
          address: 'Bản Mường Nhé',
        },
      });
    survivorId = (await person(NAME, null)).person.id;
    // The same woman entered again, her name typed in capitals, with her citizen ID and an antenatal visit.
    duplicateId = (await person(NAME.toLocaleUpperCase('vi'), CITIZEN_ID)).person.id;
    visitId = (
      await api<{ record: { id: string } }>('/api/v1/clinical-records/anc-visits', {
        method: 'POST',
        token,
        body: { personId: duplicateId, visitDate: pastDay(10), place: 'FACILITY', gaWeeks: 20, examiner: 'Hộ sinh Lò Thị Hoa' },
      })
    ).record.id;

    browser = await openBrowser();
    page = browser.page;
    await signIn(page, OFFICER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('offers the other record as a probable duplicate, identifiers masked', async () => {
    await page.goto(`/records/persons/${survivorId}`);
    await page.locator(byTestId('person-page-name'), { hasText: NAME }).waitFor();
    await page.locator(byTestId('person-rows-empty')).waitFor();
    await page.locator(byTestId('merges-none')).waitFor();
    const candidate = page.locator(`${byTestId('duplicate')}[data-id="${duplicateId}"]`);
    await candidate.waitFor();
    const shown = await text(page, `${byTestId('duplicate')}[data-id="${duplicateId}"]`);
    expect(shown).toContain(NAME.toLocaleUpperCase('vi'));
    expect(shown).toContain('Sinh ngày 12/04/1998');
    expect(shown).toContain(`CCCD ${MASKED_CITIZEN_ID}`);
    expect(shown).not.toContain(CITIZEN_ID);
  });

  it('merges it after a confirmation naming who is kept and what moves, and shows her visit moved', async () => {
    await page.locator(`${byTestId('duplicate')}[data-id="${duplicateId}"] ${byTestId('duplicate-merge')}`).click();
    const dialog = page.locator('mat-dialog-container');
    await dialog.waitFor();
    const said = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(said).toContain('Gộp hai hồ sơ?');
    expect(said).toContain(`Giữ lại hồ sơ của ${NAME} (Sinh ngày 12/04/1998)`);
    expect(said).toContain(`Hồ sơ của ${NAME.toLocaleUpperCase('vi')} (Sinh ngày 12/04/1998 · CCCD ${MASKED_CITIZEN_ID}) được gộp vào`);
    expect(said).toContain('Sổ khám thai: 1');
    expect(said).toContain('có thể hoàn tác');
    await page.locator(byTestId('confirm-ok')).click();

    await page.locator(byTestId('merge-done')).waitFor();
    await page.locator(`${byTestId('person-row')}[data-register="anc-visits"][data-id="${visitId}"]`).waitFor();
    await page.locator(byTestId('duplicates-none')).waitFor();
    // The citizen ID the kept record lacked came over with the merge.
    await page.locator(byTestId('person-page-citizen-id'), { hasText: CITIZEN_ID }).waitFor();
    const item = page.locator(`${byTestId('merge-item')}[data-undone="false"]`);
    await item.waitFor();
    expect(((await item.textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Đã chuyển: 1 lượt khám thai');
    const visit = await api<{ person: { id: string } }>(`/api/v1/clinical-records/anc-visits/${visitId}`, { token });
    expect(visit.person.id).toBe(survivorId);
  });

  it('undoes the merge: the visit goes back and the other record is offered again', async () => {
    await page.locator(byTestId('merge-undo')).click();
    await page.locator('mat-dialog-container', { hasText: 'Hoàn tác lần gộp hồ sơ?' }).waitFor();
    await page.locator(byTestId('confirm-ok')).click();

    await page.locator(byTestId('person-rows-empty')).waitFor();
    await page.locator(`${byTestId('duplicate')}[data-id="${duplicateId}"]`).waitFor();
    await page.locator(`${byTestId('merge-item')}[data-undone="true"]`).waitFor();
    expect(await page.locator(byTestId('merge-done')).count()).toBe(0);
    expect(await page.locator(byTestId('merge-item-undo')).count()).toBe(0);
    const visit = await api<{ person: { id: string } }>(`/api/v1/clinical-records/anc-visits/${visitId}`, { token });
    expect(visit.person.id).toBe(duplicateId);
  });
});
