export * from './lib/auth.module';
export * from './lib/client-operation.decorator';
export * from './lib/passwords/password-hasher';
export * from './lib/passwords/password.service';
export * from './lib/sessions/account-state';
export * from './lib/sessions/session-token';
export * from './lib/sessions/sessions.service';
export * from './lib/sign-in/sign-in.service';
