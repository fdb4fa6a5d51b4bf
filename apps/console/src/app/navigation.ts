import type { Routes } from '@angular/router';
import type { CoreKey, TranslationScope } from '@skss/console/i18n';
import type { IconName } from '@skss/console/ui';
import type { Permission } from '@skss/contract';

/** The groups of the side navigation, in their order. */
export const NAV_SECTIONS = [
  { id: 'records', labelKey: 'nav.section.records' },
  { id: 'reports', labelKey: 'nav.section.reports' },
  { id: 'catalogs', labelKey: 'nav.section.catalogs' },
  { id: 'integration', labelKey: 'nav.section.integration' },
  { id: 'administration', labelKey: 'nav.section.administration' },
] as const satisfies readonly { id: string; labelKey: CoreKey }[];

export type NavSectionId = (typeof NAV_SECTIONS)[number]['id'];

/** A subsystem of the console: one lazily loaded feature, one entry in the side navigation. */
export interface ConsoleSubsystem {
  /** Its URL, and its route title's key. */
  readonly path: string;
  /** Console-wide (`nav.*`): the menu is shown before any feature's texts are fetched. */
  readonly labelKey: CoreKey;
  readonly icon: IconName;
  readonly section: NavSectionId;
  /** Holding any one of these shows it in the navigation and opens it (the API checks each operation again). */
  readonly permissions: readonly [Permission, ...Permission[]];
  /** The translation scope fetched with the feature's code, in parallel. */
  readonly scope?: TranslationScope;
  /** The feature's routes, imported lazily: nothing of it is in the initial bundle. */
  readonly loadChildren: () => Promise<Routes>;
}

export interface NavSection {
  readonly id: NavSectionId;
  readonly labelKey: CoreKey;
  readonly subsystems: readonly ConsoleSubsystem[];
}

type Holds = (permission: Permission) => boolean;

export function mayOpen(subsystem: ConsoleSubsystem, holds: Holds): boolean {
  return subsystem.permissions.some(holds);
}

/** The navigation a user sees: the sections in their order, each with the subsystems the user may open; empty ones left out. */
export function navigationFor(subsystems: readonly ConsoleSubsystem[], holds: Holds): NavSection[] {
  return NAV_SECTIONS.map((section) => ({
    ...section,
    subsystems: subsystems.filter((subsystem) => subsystem.section === section.id && mayOpen(subsystem, holds)),
  })).filter((section) => section.subsystems.length > 0);
}

/** The home page: the first subsystem of the navigation the user may open, or null (the profile then). */
export function homeSubsystem(subsystems: readonly ConsoleSubsystem[], holds: Holds): ConsoleSubsystem | null {
  return navigationFor(subsystems, holds)[0]?.subsystems[0] ?? null;
}
