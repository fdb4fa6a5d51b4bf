import { ChildProcess, spawn } from 'node:child_process';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A real OpenID Connect provider (oidc-provider) standing in for the health statistics software
 * in browser tests. Its development interactions log in whoever is typed (any password) and ask
 * for consent; the account's `sub` is opaque and its `preferred_username` is the typed login, so
 * tests show that accounts are linked by the configured claim, not by the subject.
 *
 * oidc-provider is an ES module, which Jest's module system cannot load: the provider runs in a
 * child Node process (this same file, through tools/run-ts.js) and reports its issuer on stdout.
 */
export interface OidcProviderOptions {
  clientId: string;
  clientSecret: string;
  /** The relying party's callback, e.g. `${stack}/api/v1/auth/sso/callback`. */
  redirectUri: string;
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`, for SSO_ISSUER. */
  issuer: string;
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../../..');
const READY = 'OIDC_PROVIDER_READY';

/** The opaque subject the test provider gives the account a login name signs in as. */
export const providerSubject = (login: string): string => `tkyt-${Buffer.from(login).toString('hex')}`;

export async function startOidcProvider(options: OidcProviderOptions): Promise<TestOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'tools/run-ts.js'), __filename, JSON.stringify(options)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    const issuer = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('The test OpenID provider did not start within 30 s')), 30_000);
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        output.push(`${line}\n`);
        if (line.startsWith(`${READY} `)) {
          clearTimeout(timer);
          done(line.slice(READY.length + 1).trim());
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`The test OpenID provider exited with code ${code}`));
      });
    });
    return { issuer, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- provider output ---\n${output.join('')}`);
  }
}

/** The parts of oidc-provider this file uses (the package ships no type declarations). */
interface OidcProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type OidcProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProviderInstance;

/** Child process: serves the provider on a free port of 127.0.0.1 until SIGTERM. */
async function serve(options: OidcProviderOptions): Promise<void> {
  // Node's own require loads ES modules (Node ≥ 20.19); oidc-provider's default export is the class.
  const { default: Provider } = createRequire(__filename)('oidc-provider') as { default: OidcProviderClass };
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    cookies: { keys: ['skss-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, login: string) => ({
      accountId: login,
      claims: () => ({ sub: providerSubject(login), preferred_username: login, name: login }),
    }),
  });
  server.on('request', provider.callback());
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
  process.stdout.write(`${READY} ${issuer}\n`);
}

if (process.argv[1] === __filename) {
  serve(JSON.parse(process.argv[2] ?? '{}') as OidcProviderOptions).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
