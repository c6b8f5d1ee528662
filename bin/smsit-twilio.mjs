#!/usr/bin/env node
// The `smsit-twilio` command: runs the TypeScript CLI (electron/cli/index.ts) through tsx,
// so the command line and the tray app share one core without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/index.ts');
await main();
