// Run as a separate local process by the attack tests: floods the endpoint as fast as it can for
// a bounded time, loopback only, then prints what it sent as JSON on stdout.
//   node hostile-client.mjs tokens PORT MS   wrong and missing tokens on /v1/headers, 32 at a time
//   node hostile-client.mjs idle PORT COUNT   opens COUNT silent connections and holds them
import { request } from 'node:http';
import { connect } from 'node:net';

const [mode, portText, amountText] = process.argv.slice(2);
const port = Number(portText);
const amount = Number(amountText);

function once(i) {
  return new Promise((resolve) => {
    const headers = { Host: `127.0.0.1:${port}` };
    if (i % 2 === 0) headers.Authorization = `Bearer smsit_wrong${i}`;
    const req = request({ host: '127.0.0.1', port, path: '/v1/headers', agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

if (mode === 'tokens') {
  const until = Date.now() + amount;
  const statuses = {};
  let sent = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (Date.now() < until) {
        const status = await once(sent++);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  process.stdout.write(JSON.stringify({ sent, statuses }));
} else if (mode === 'idle') {
  let open = 0;
  let closed = 0;
  const sockets = [];
  for (let i = 0; i < amount; i++) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('connect', () => (open += 1));
    socket.on('error', () => {});
    socket.on('close', () => (closed += 1));
    socket.resume();
    sockets.push(socket);
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 5));
  }
  const settled = Date.now() + 5_000;
  while (open + closed < amount && Date.now() < settled) await new Promise((r) => setTimeout(r, 20));
  process.stdout.write('ready\n');
  process.stdin.once('data', () => {
    process.stdout.write(JSON.stringify({ open, closed }));
    for (const s of sockets) s.destroy();
    process.exit(0);
  });
}
