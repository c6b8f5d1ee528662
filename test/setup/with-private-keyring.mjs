#!/usr/bin/env node
// Runs a command (the test runner) against a private, throw-away Secret Service so that no test
// ever touches a real person's keychain: a new D-Bus session (dbus-run-session) with its own
// gnome-keyring-daemon, unlocked with a password fed on stdin, keyring files in a temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: with-private-keyring.mjs COMMAND [ARGS…]');
  process.exit(2);
}

function run(argv, env) {
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function has(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

const testEnv = {
  ...process.env,
  SMSIT_TWILIO_KEYCHAIN_SERVICE: process.env.SMSIT_TWILIO_KEYCHAIN_SERVICE ?? 'SMS-iT Twilio Credentials (tests)',
};

if (process.platform !== 'linux' || process.env.SMSIT_PRIVATE_KEYRING === '1') {
  // macOS and Windows have no private keychain to start: tests use a service name of their own
  // and remove every entry they make.
  process.exit(run(command, testEnv));
}

const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((b) => !has(b));
if (missing.length > 0) {
  console.error(`The tests need a private Secret Service, but ${missing.join(' and ')} is not installed.`);
  console.error('Install it with: sudo apt-get install -y dbus gnome-keyring libsecret-1-dev');
  process.exit(1);
}

const home = mkdtempSync(join(tmpdir(), 'smsit-keyring-'));
chmodSync(home, 0o700);
const env = {
  ...testEnv,
  XDG_DATA_HOME: join(home, 'data'),
  XDG_RUNTIME_DIR: home,
  XDG_CONFIG_HOME: join(home, 'config'),
  XDG_CACHE_HOME: join(home, 'cache'),
  // No display: nothing may pop up a prompt, and libsecret cannot autolaunch another bus.
  DISPLAY: '',
  WAYLAND_DISPLAY: '',
};
const session = join(dirname(fileURLToPath(import.meta.url)), 'keyring-session.sh');
let status = 1;
try {
  status = run(['dbus-run-session', '--', 'bash', session, ...command], env);
} finally {
  rmSync(home, { recursive: true, force: true });
}
process.exit(status);
