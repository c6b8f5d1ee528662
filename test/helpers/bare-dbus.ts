/** A D-Bus session bus with no services at all (no Secret Service can be activated on it). */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

const CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

/** Starts the bus; returns its address and a stop function. No service directories: nothing is activated. */
export async function startBareDbus(): Promise<{ address: string; stop: () => void }> {
  const dir = await tempDir('smsit-bare-dbus-');
  const config = join(dir, 'session.conf');
  await writeFile(config, CONFIG);
  const child: ChildProcess = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
  return { address, stop: () => child.kill() };
}
