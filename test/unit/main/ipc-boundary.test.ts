/**
 * The IPC boundary stays where it is drawn: only electron/main/ipc.ts calls ipcMain, only the
 * preload touches ipcRenderer/contextBridge, and the renderer never imports Electron.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}
const using = (files: string[], pattern: RegExp) => files.filter((file) => pattern.test(readFileSync(join(root, file), 'utf8')));

describe('IPC boundary', () => {
  const electronFiles = sources('electron');
  const rendererFiles = sources('renderer/src');

  it('only electron/main/ipc.ts calls ipcMain (the composition root just hands it over)', () => {
    expect(using([...electronFiles, ...rendererFiles], /\bipcMain\s*\.\s*\w/)).toEqual(['electron/main/ipc.ts']);
  });

  it('ipcRenderer and contextBridge appear only in the preload, which exposes one object', () => {
    const outside = using([...electronFiles, ...rendererFiles], /\b(ipcRenderer|contextBridge)\b/).filter((f) => !f.startsWith('electron/preload/'));
    expect(outside).toEqual([]);
    const preload = readFileSync(join(root, 'electron/preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
  });

  it('the renderer never imports Electron or Node', () => {
    expect(using(rendererFiles, /from\s+['"](electron|node:[\w/]+)['"]/)).toEqual([]);
  });
});
