import { inject, Injectable } from '@angular/core';
import { Api, getSsoStatus, startSsoLogin } from '@skss/contract';
import { catchError, map, Observable, of } from 'rxjs';

/** Where the browser goes (a full navigation, not a call) to sign in with the health statistics software. */
export const SSO_LOGIN_URL = startSsoLogin.PATH;

/** Whether single sign-on is configured on this server; any failure (older server, server down) means no. */
@Injectable({ providedIn: 'root' })
export class SsoStatus {
  private readonly api = inject(Api);

  enabled(): Observable<boolean> {
    return this.api.invoke(getSsoStatus).pipe(
      map((status) => status.enabled === true),
      catchError(() => of(false)),
    );
  }
}
