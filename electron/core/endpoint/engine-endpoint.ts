/**
 * The loopback endpoint the tray app and `smsit-twilio serve` run: loopback servers, the
 * request handler, the access log and a live view of the registry, put together.
 */
import type { Server } from 'node:http';
import type { AccessLogEntry, EndpointStatus } from '../../shared/app-types';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors';
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';
import { AccessLog } from './access-log';
import { CredentialCache } from './credential-cache';
import { DEFAULT_ENGINE_PORT, DEFAULT_LIMITS, REGISTRY_POLL_MS, type EndpointLimits } from './endpoint-limits';
import type { RawJson } from './endpoint-routes';
import type { TokenRegistry } from './engine-tokens';
import { NonceBook } from './engine-proof';
import { FailedAttemptThrottle } from './failed-attempt-throttle';
import { dirname } from 'node:path';
import { secureDataFolder } from '../data-folder';
import { closeServers, listenOnLoopback, listenOnSocket, removeSocketFile } from './loopback-server';
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
  /** A Unix socket to serve on as well (engineSocketPath): a channel no other local user can take over. Null: TCP only. */
  socketPath?: string | null;
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
  private socket: string | null = null;
  /** Set by changePort: wins over the start options and the registry until the process ends. */
  private chosenPort: number | null = null;
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
    this.port = this.chosenPort ?? this.options.port ?? this.view.engine()?.port ?? DEFAULT_ENGINE_PORT;
    let hosts = allowedHosts(this.port);
    const deps = (hostsNow: () => Set<string>) => ({
      state: { current: () => this.view.current(), hosts: hostsNow, tokenUsed: (name: string) => this.view.tokenUsed(name) },
      secrets: this.secrets,
      answers: this.answers,
      log: this.log,
      apiBase: this.options.apiBase ?? null,
      version: this.options.version,
      maxBodyBytes: this.limits.maxBodyBytes,
    });
    const throttle = new FailedAttemptThrottle(this.limits.maxFailedAttempts, this.limits.failureWindowMs, () => this.clock().getTime());
    // A new key per start: no challenge from before a restart is accepted after it.
    const nonces = new NonceBook(() => this.clock().getTime());
    const handler = createRequestHandler({ ...deps(() => hosts), throttle, nonces });
    try {
      const { servers, port } = await listenOnLoopback(handler, this.port, this.limits, (status) => this.logRefused(status));
      this.servers = servers;
      this.port = port;
      hosts = allowedHosts(port);
      const socketPath = this.options.socketPath ?? null;
      if (socketPath !== null) {
        try {
          await secureDataFolder(dirname(socketPath));
          // curl --unix-socket sends "Host: localhost"; nothing but a process of this user reaches the socket.
          const socketHosts = new Set(['localhost', ...hosts]);
          this.servers.push(await listenOnSocket(createRequestHandler({ ...deps(() => socketHosts), throttle, nonces }), socketPath, this.limits, (status) => this.logRefused(status)));
          this.socket = socketPath;
        } catch (error) {
          await closeServers(this.servers);
          this.servers = [];
          throw error;
        }
      }
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
    if (this.socket !== null) await removeSocketFile(this.socket);
    this.socket = null;
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

  /**
   * Moves the endpoint to `port` (1–65535) and saves it as `engine.port`, so the app and
   * `smsit-twilio serve` use it from now on. If the new port cannot be taken, the endpoint goes
   * back to the old one, nothing is saved, and the error (`port-in-use`, naming the port) is thrown.
   */
  async changePort(port: number): Promise<EndpointStatus> {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new AppError('bad-input', `A port is a whole number from 1 to 65535 (1024 or above needs no privileges); "${port}" is not one.`, { field: 'port' });
    }
    const previous = this.port;
    if (port === previous && this.servers.length > 0) return this.status();
    await this.stop();
    this.chosenPort = port;
    const status = await this.start();
    if (status.error) {
      this.chosenPort = previous;
      await this.start();
      throw new AppError(status.error.kind, status.error.message, { field: 'port' });
    }
    await this.options.registry.update((registry) => {
      registry.engine.port = port;
    });
    return status;
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
    return { url: `http://127.0.0.1:${this.port}`, port: this.port, socketPath: this.socket, running: this.servers.length > 0, paused, error: this.error };
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
