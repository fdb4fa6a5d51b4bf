/**
 * Identifiers as lists show them (issue 6 §6): enough to recognise a person, not enough to copy the
 * identifier. The full value is only in the audited read of one person.
 */
function mask(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return `${value.slice(0, keepStart)}${'*'.repeat(value.length - keepStart - keepEnd)}${value.slice(value.length - keepEnd)}`;
}

/** '001123456745' → '0011******45': the province and century digits and the last two. */
export function maskCitizenId(value: string | null): string | null {
  return value === null ? null : mask(value, 4, 2);
}

/** 'GD4797920387349' → 'GD479********49' (group, benefit level and province kept); '7920387349' → '792*****49'. */
export function maskInsuranceCard(value: string | null): string | null {
  if (value === null) return null;
  return value.length === 15 ? mask(value, 5, 2) : mask(value, 3, 2);
}

/** '0912345678' → '0912****78'. */
export function maskPhone(value: string | null): string | null {
  return value === null ? null : mask(value, 4, 2);
}
