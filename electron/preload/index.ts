/**
 * The preload: runs sandboxed, before the page, in an isolated world. It exposes `window.smsit`
 * and nothing else — no generic ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildSmsitApi } from './smsit-api';

contextBridge.exposeInMainWorld('smsit', buildSmsitApi(ipcRenderer));
