import type { vi } from './vi';

/** English texts of the `org` scope, typed against the Vietnamese ones. */
export const en: Record<keyof typeof vi, string> = {
  'page.title': 'Administrative units and health facilities',
  'page.subtitle': 'Browse administrative units, their merger history and health facilities on any day',

  'date.label': 'Effective date',
  'date.hint': 'dd/mm/yyyy',
  'date.invalid': 'Invalid date, use dd/mm/yyyy',
  'date.beforeReform': 'Before the merger (30/06/2025)',
  'date.afterReform': 'After the merger (01/07/2025)',
  'date.today': 'Today',

  'era.before': 'Three-tier local government: province – district – commune',
  'era.after': 'Two-tier local government: province – commune (since 01/07/2025)',

  'tree.title': 'Administrative tree',
  'tree.label': 'Administrative tree on {date}',
  'tree.count': '{count} province-level units',
  'tree.toggle': 'Expand or collapse {name}',
  'tree.children': '{count} subordinate units',

  'search.label': 'Search administrative units',
  'search.placeholder': 'Name or code, diacritics optional (e.g. muong nhe)',
  'search.minChars': 'Type at least 2 characters',
  'search.clear': 'Clear the search',
  'search.results': 'Search results',
  'search.count': 'Showing {shown} of {total} results',
  'search.parent': 'under {code}',

  'detail.placeholder': 'Select a unit in the tree or in the search results to see its details.',
  'detail.code': 'Code',
  'detail.type': 'Type',
  'detail.level': 'Level',
  'detail.parent': 'Parent unit',
  'detail.validFrom': 'Valid from',
  'detail.validTo': 'Valid to',

  'lineage.title': 'Merger and split history',
  'lineage.predecessors': 'Formed from',
  'lineage.successors': 'Merged into',
  'lineage.full': 'whole',
  'lineage.partial': 'part',
  'lineage.effectiveOn': 'on {date}',
  'lineage.none': 'No changes recorded.',
  'lineage.open': 'Show {name} on {date}',

  'facilities.title': 'Health facilities in this unit',
  'facilities.reportsTo': 'Reports to',
  'facilities.count': 'Showing {shown} of {total} facilities',
  'facilities.more': 'Show more',
};
