export * from './lib/integration.module';
export * from './lib/clients/integration-clients.service';
