/**
 * The loopback endpoint the tray app and `smsit-twilio serve` run. It keeps an in-memory view of
 * the registry (tokens, accounts, pause switch) that it refreshes whenever the file changes, so a
 * change made by another process takes effect within one poll interval, without a restart.
 */
import type { Server } from 'node:http';
import type { AccessLogEntry, EndpointStatus } from '../../shared/app-types';
import { toErrorInfo, type ErrorInfo } from '../errors';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';
import { AccessLog } from './access-log';
import { CredentialCache, credentialFingerprint } from './credential-cache';
import { DEFAULT_ENGINE_PORT, DEFAULT_LIMITS, LAST_USED_WRITE_MS, REGISTRY_POLL_MS, type EndpointLimits } from './endpoint-limits';
import { TokenMatcher, type TokenRegistry } from './engine-tokens';
import { FailedAttemptThrottle } from './failed-attempt-throttle';
import { closeServers, listenOnLoopback } from './loopback-server';
import { allowedHosts } from './request-guards';
import { watchRegistryFile } from './registry-watcher';
import type { RawJson } from './endpoint-routes';
import { createRequestHandler, type HandlerState } from './request-handler';

export interface EngineEndpointOptions {
  registry: TokenRegistry & { readonly path: string };
  accounts: { readSecret(record: AccountRecord, purpose: SecretPurpose): Promise<string> };
  /** Port to use; else the registry's `engine.port`; else DEFAULT_ENGINE_PORT. 0 picks a free one (tests). */
  port?: number | null;
  /** SMSIT_TWILIO_API_BASE: replaces every account's regional origin in answers (tests, proxies). */
  apiBase?: string | null;
  /** The access log file; null keeps the log in memory only. */
  logFile: string | null;
  version: string;
  clock?: () => Date;
  limits?: Partial<EndpointLimits>;
  registryPollMs?: number;
}

type Current = { registry: Registry; matcher: TokenMatcher } | { error: unknown };

/** The endpoint: start/stop, pause/resume, status, access log, change notices. */
export class EngineEndpoint {
  private readonly limits: EndpointLimits;
  private readonly clock: () => Date;
  private readonly secrets: CredentialCache;
  private readonly answers = new WeakMap<object, RawJson>();
  private readonly log: AccessLog;
  private readonly listeners = new Set<() => void>();
  private readonly lastUsedWrites = new Map<string, number>();
  private readonly pendingWrites = new Set<Promise<unknown>>();
  private servers: Server[] = [];
  private port: number;
  private current: Current = { error: new Error('not started') };
  private fingerprint = '';
  private error: ErrorInfo | null = null;
  private stopWatching: (() => void) | null = null;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private logNotice: NodeJS.Timeout | null = null;

  constructor(private readonly options: EngineEndpointOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.clock = options.clock ?? (() => new Date());
    this.port = options.port ?? DEFAULT_ENGINE_PORT;
    this.secrets = new CredentialCache((record, purpose) => options.accounts.readSecret(record, purpose));
    this.log = new AccessLog({ file: options.logFile, onAdd: () => this.noticeLog() });
  }

  /** Starts listening. Never throws: a failure (port taken, …) is in the returned status's `error`. */
  async start(): Promise<EndpointStatus> {
    if (this.servers.length > 0) return this.status();
    await this.reload();
    const configured = 'registry' in this.current ? this.current.registry.engine.port : null;
    this.port = this.options.port ?? configured ?? DEFAULT_ENGINE_PORT;
    const throttle = new FailedAttemptThrottle(this.limits.maxFailedAttempts, this.limits.failureWindowMs, () => this.clock().getTime());
    let hosts = allowedHosts(this.port);
    const state: HandlerState = { current: () => this.current, hosts: () => hosts, tokenUsed: (name) => this.tokenUsed(name) };
    const handler = createRequestHandler({ state, secrets: this.secrets, answers: this.answers, throttle, log: this.log, apiBase: this.options.apiBase ?? null, version: this.options.version, maxBodyBytes: this.limits.maxBodyBytes, now: this.clock });
    try {
      const { servers, port } = await listenOnLoopback(handler, this.port, this.limits, (status) => this.logRefused(status));
      this.servers = servers;
      this.port = port;
      hosts = allowedHosts(port);
      this.error = null;
      this.stopWatching = watchRegistryFile(this.options.registry.path, () => void this.reload(), this.options.registryPollMs ?? REGISTRY_POLL_MS);
    } catch (error) {
      this.error = toErrorInfo(error);
    }
    this.emit();
    return this.status();
  }

  /** Stops listening, closes every connection and writes the pending log lines. */
  async stop(): Promise<void> {
    this.stopWatching?.();
    this.stopWatching = null;
    const servers = this.servers;
    this.servers = [];
    await closeServers(servers);
    await Promise.allSettled([...this.pendingWrites]);
    await this.log.flush();
    if (this.logNotice) clearTimeout(this.logNotice);
    this.emit();
  }

  /** Stops handing out credentials (kept in the registry, so every process sees it) until resume. */
  pause(): Promise<EndpointStatus> {
    return this.setPaused(true);
  }

  /** Hands out credentials again. */
  resume(): Promise<EndpointStatus> {
    return this.setPaused(false);
  }

  /** Where it listens and whether it serves. */
  status(): EndpointStatus {
    const paused = 'registry' in this.current ? this.current.registry.engine.paused : false;
    return { url: `http://127.0.0.1:${this.port}`, port: this.port, running: this.servers.length > 0, paused, error: this.error };
  }

  /** The last requests, newest first. */
  recentLog(): AccessLogEntry[] {
    return this.log.recent();
  }

  /** Calls `listener` after the status, the tokens or the access log changed (log at most every 500 ms). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async setPaused(paused: boolean): Promise<EndpointStatus> {
    await this.options.registry.update((registry) => {
      registry.engine.paused = paused;
    });
    await this.reload();
    return this.status();
  }

  /** Re-reads the registry; calls that arrive during a read queue exactly one more read. */
  private reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        await this.readRegistry();
      } while (this.reloadAgain);
      this.reloading = null;
    })();
    return this.reloading;
  }

  private async readRegistry(): Promise<void> {
    try {
      const registry = await this.options.registry.read();
      const fingerprint = credentialFingerprint(registry.accounts);
      if (fingerprint !== this.fingerprint) this.secrets.clear();
      this.fingerprint = fingerprint;
      this.current = { registry, matcher: new TokenMatcher(registry.engine.tokens) };
    } catch (error) {
      // Fail closed: no token is valid and no secret is kept while the registry can't be read.
      this.secrets.clear();
      this.fingerprint = '';
      this.current = { error };
    }
    this.emit();
  }

  private tokenUsed(name: string): void {
    const now = this.clock().getTime();
    if (now - (this.lastUsedWrites.get(name) ?? -Infinity) < LAST_USED_WRITE_MS) return;
    this.lastUsedWrites.set(name, now);
    const write = this.options.registry
      .update((registry) => {
        const token = registry.engine.tokens.find((t) => t.name === name);
        if (token) token.lastUsedAt = new Date(now).toISOString();
      })
      .catch(() => {}) // a busy registry only delays a "last used" date
      .finally(() => this.pendingWrites.delete(write));
    this.pendingWrites.add(write);
  }

  private logRefused(status: number): void {
    this.log.add({ time: this.clock().toISOString(), tokenName: null, method: '-', route: '-', account: null, status, durationMs: 0 });
  }

  private noticeLog(): void {
    this.logNotice ??= setTimeout(() => {
      this.logNotice = null;
      this.emit();
    }, 500);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

