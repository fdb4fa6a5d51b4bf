import { Component } from '@angular/core';

@Component({
  selector: 'skss-console-org-units',
  imports: [],
  templateUrl: './console-org-units.html',
  styleUrl: './console-org-units.css',
})
export class ConsoleOrgUnits {}
