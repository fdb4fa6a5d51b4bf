export * from './lib/audit-trail.module';
export * from './lib/events/audit-events.service';
