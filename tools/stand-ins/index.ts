export * from './stand-in';
export * from './dhis2';
export * from './fhir';
export * from './ehandbook-client';
