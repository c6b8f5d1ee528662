/** An in-memory stand-in for RegistryFile's read/update, for token unit tests. */
import { emptyRegistry, registrySchema, type Registry } from '../../../../electron/core/registry/registry-schema';
import type { TokenRegistry } from '../../../../electron/core/endpoint/engine-tokens';

/** Holds one registry; update validates it like the real file does. */
export class FakeTokenRegistry implements TokenRegistry {
  registry: Registry = emptyRegistry();

  async read(): Promise<Registry> {
    return structuredClone(this.registry);
  }

  async update<T>(change: (registry: Registry) => T | Promise<T>): Promise<T> {
    const copy = structuredClone(this.registry);
    const result = await change(copy);
    this.registry = registrySchema.parse(copy);
    return result;
  }
}
