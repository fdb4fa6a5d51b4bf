export * from './lib/console-org-units/console-org-units';
