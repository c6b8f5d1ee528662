/**
 * The loopback endpoint the tray app and `smsit-twilio serve` run: loopback servers, the
 * request handler, the access log and a live view of the registry, put together.
 */
import type { Server } from 'node:http';
import type { AccessLogEntry, EndpointStatus } from '../../shared/app-types';
import { toErrorInfo, type ErrorInfo } from '../errors';
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';
import { AccessLog } from './access-log';
import { CredentialCache } from './credential-cache';
import { DEFAULT_ENGINE_PORT, DEFAULT_LIMITS, REGISTRY_POLL_MS, type EndpointLimits } from './endpoint-limits';
import type { RawJson } from './endpoint-routes';
import type { TokenRegistry } from './engine-tokens';
import { FailedAttemptThrottle } from './failed-attempt-throttle';
import { closeServers, listenOnLoopback } from './loopback-server';
import { RegistryView } from './registry-view';
import { allowedHosts } from './request-guards';
import { createRequestHandler } from './request-handler';

/** What an endpoint is built from; the shells pass the app context's registry and account store. */
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
  /** How often counts of unauthenticated requests are written as summary lines (tests shorten it). */
  logSummaryMs?: number;
}

/** The endpoint: start/stop, pause/resume, status, access log, change notices. */
export class EngineEndpoint {
  private readonly limits: EndpointLimits;
  private readonly clock: () => Date;
  private readonly secrets: CredentialCache;
  private readonly answers = new WeakMap<object, RawJson>();
  private readonly log: AccessLog;
  private readonly view: RegistryView;
  private readonly listeners = new Set<() => void>();
  private servers: Server[] = [];
  private port: number;
  private error: ErrorInfo | null = null;
  private logNotice: NodeJS.Timeout | null = null;

  constructor(private readonly options: EngineEndpointOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.clock = options.clock ?? (() => new Date());
    this.port = options.port ?? DEFAULT_ENGINE_PORT;
    this.secrets = new CredentialCache((record, purpose) => options.accounts.readSecret(record, purpose));
    this.log = new AccessLog({ file: options.logFile, onAdd: () => this.noticeLog(), now: this.clock, summaryEveryMs: options.logSummaryMs });
    this.view = new RegistryView({
      registry: options.registry,
      secrets: this.secrets,
      now: this.clock,
      pollMs: options.registryPollMs ?? REGISTRY_POLL_MS,
      onChange: () => this.emit(),
    });
  }

  /** Starts listening. Never throws: a failure (port taken, …) is in the returned status's `error`. */
  async start(): Promise<EndpointStatus> {
    if (this.servers.length > 0) return this.status();
    await this.view.reload();
    this.port = this.options.port ?? this.view.engine()?.port ?? DEFAULT_ENGINE_PORT;
    let hosts = allowedHosts(this.port);
    const handler = createRequestHandler({
      state: { current: () => this.view.current(), hosts: () => hosts, tokenUsed: (name) => this.view.tokenUsed(name) },
      secrets: this.secrets,
      answers: this.answers,
      throttle: new FailedAttemptThrottle(this.limits.maxFailedAttempts, this.limits.failureWindowMs, () => this.clock().getTime()),
      log: this.log,
      apiBase: this.options.apiBase ?? null,
      version: this.options.version,
      maxBodyBytes: this.limits.maxBodyBytes,
      now: this.clock,
    });
    try {
      const { servers, port } = await listenOnLoopback(handler, this.port, this.limits, (status) => this.logRefused(status));
      this.servers = servers;
      this.port = port;
      hosts = allowedHosts(port);
      this.error = null;
      this.view.watch();
    } catch (error) {
      this.error = toErrorInfo(error);
    }
    this.emit();
    return this.status();
  }

  /** Stops listening, closes every connection and writes the pending log lines. */
  async stop(): Promise<void> {
    const servers = this.servers;
    this.servers = [];
    await Promise.all([closeServers(servers), this.view.unwatch()]);
    await this.log.flush();
    if (this.logNotice) clearTimeout(this.logNotice);
    this.logNotice = null;
    this.emit();
  }

  /** Stops handing out credentials (kept in the registry, so every process sees it) until resume. */
  async pause(): Promise<EndpointStatus> {
    await this.view.setPaused(true);
    return this.status();
  }

  /** Hands out credentials again. */
  async resume(): Promise<EndpointStatus> {
    await this.view.setPaused(false);
    return this.status();
  }

  /**
   * Reads the registry now instead of at the next poll: the process that changed it (revoked a
   * token, switched or removed an account) calls this, so the change holds from its next request.
   */
  async reload(): Promise<void> {
    await this.view.reload();
  }

  /** Where it listens and whether it serves. */
  status(): EndpointStatus {
    const paused = this.view.engine()?.paused ?? false;
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

  private logRefused(status: number): void {
    this.log.countUnauthenticated(status);
  }

  private noticeLog(): void {
    this.logNotice ??= setTimeout(() => {
      this.logNotice = null;
      this.emit();
    }, 500).unref();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
