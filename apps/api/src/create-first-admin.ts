import { runFirstAdministratorCli } from '@skss/api/accounts';

/** `node dist/apps/api/create-first-admin.js --help`: the first administrator of a new installation. */
runFirstAdministratorCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
