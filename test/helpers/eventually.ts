/** Waiting for a change another part (a poll, another process) makes in its own time: checked until it shows. */

/** Checks `check` until it holds, 50 ms apart; fails after `ms`. For changes that announce themselves to nobody. */
export async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
