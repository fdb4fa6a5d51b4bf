import { Permission } from '@skss/contract';
import { ConsoleSubsystem, homeSubsystem, navigationFor } from './navigation';

const feature = (path: string, section: ConsoleSubsystem['section'], ...permissions: [Permission, ...Permission[]]): ConsoleSubsystem => ({
  path,
  labelKey: 'nav.users',
  icon: 'person',
  section,
  permissions,
  loadChildren: () => Promise.resolve([]),
});

/** The console as it will be with the registers, catalogs and facility administration. */
const SUBSYSTEMS = [
  feature('org-units', 'catalogs', 'org.read'),
  feature('catalogs', 'catalogs', 'catalogs.manage'),
  feature('users', 'administration', 'users.read'),
  feature('records', 'records', 'records.read', 'records.enter'),
];

const holding =
  (...permissions: Permission[]) =>
  (permission: Permission) =>
    permissions.includes(permission);

describe('the navigation', () => {
  it('lists the sections in their order, each with what the user may open', () => {
    const sections = navigationFor(SUBSYSTEMS, holding('org.read', 'records.enter', 'users.read'));
    expect(sections.map((section) => [section.id, section.subsystems.map((s) => s.path)])).toEqual([
      ['records', ['records']],
      ['catalogs', ['org-units']],
      ['administration', ['users']],
    ]);
  });

  it('opens a subsystem with any one of its permissions, and leaves out empty sections', () => {
    expect(navigationFor(SUBSYSTEMS, holding('records.read')).map((section) => section.id)).toEqual(['records']);
    expect(navigationFor(SUBSYSTEMS, holding('reports.read'))).toEqual([]);
  });

  it('makes the first entry the home page', () => {
    expect(homeSubsystem(SUBSYSTEMS, holding('org.read', 'records.read'))?.path).toBe('records');
    expect(homeSubsystem(SUBSYSTEMS, holding('org.read'))?.path).toBe('org-units');
    expect(homeSubsystem(SUBSYSTEMS, holding())).toBeNull();
  });
});
