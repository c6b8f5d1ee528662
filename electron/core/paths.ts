/** Where the app keeps its files: one data folder shared by the tray app and the command line. */
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder name under the platform's app-data folder; the same as Electron's `userData` for our productName. */
export const APP_FOLDER_NAME = 'SMS-iT Twilio Credentials';

/**
 * The data folder: `SMSIT_TWILIO_HOME` when set, else the platform's app-data folder
 * (what Electron's `app.getPath('userData')` gives for our product name, so both shells agree).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.SMSIT_TWILIO_HOME?.trim();
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), APP_FOLDER_NAME);
}

/** The account registry file inside the data folder. */
export function registryPath(dataDir: string): string {
  return join(dataDir, 'accounts.json');
}

/** The engine access log file inside the data folder. */
export function accessLogPath(dataDir: string): string {
  return join(dataDir, 'access-log.jsonl');
}

/** Longest Unix socket path every OS accepts (sun_path is 104 bytes on macOS, 108 on Linux). */
const MAX_SOCKET_PATH = 100;

/**
 * The engine's Unix socket: `engine.sock` in the data folder (0700, ours), or — when that path is
 * too long for a socket — in a per-user folder under XDG_RUNTIME_DIR or the temp folder. Null on
 * Windows, where a named pipe would need an owner-only ACL Node cannot set.
 */
export function engineSocketPath(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (platform === 'win32') return null;
  const inData = join(dataDir, 'engine.sock');
  if (Buffer.byteLength(inData) <= MAX_SOCKET_PATH) return inData;
  return join(env.XDG_RUNTIME_DIR?.trim() || tmpdir(), `smsit-twilio-${process.getuid?.() ?? 'user'}`, 'engine.sock');
}
