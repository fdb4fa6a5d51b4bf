import { inject, Injectable } from '@angular/core';
import { facilityKindName } from '@skss/console/i18n';
import { I18n } from '@skss/console/ui';
import { FACILITY_OWNERSHIP_LABELS, FacilityKind, FacilityOwnership, REPORTING_GROUP_LABELS, ReportingGroup } from '@skss/domain';

/** Facility kinds, ownerships and the row groups of the provincial forms, named in the console's language. */
@Injectable({ providedIn: 'root' })
export class FacilityLabels {
  private readonly i18n = inject(I18n);

  kind(kind: FacilityKind): string {
    return facilityKindName(kind, this.i18n.language());
  }

  ownership(ownership: FacilityOwnership): string {
    return this.i18n.label(FACILITY_OWNERSHIP_LABELS[ownership]);
  }

  reportingGroup(group: ReportingGroup): string {
    return this.i18n.label(REPORTING_GROUP_LABELS[group]);
  }
}
