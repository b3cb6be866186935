// Provisions the states one test needs through the state hook, and tears down every customer it created.
import { stateHook, type ProvisionedRequest, type SetupParams } from './state-hook-client.js';

/** Provisions states for one test and remembers the customers to tear down afterwards. */
export class StateArranger {
  private readonly customers = new Set<string>();

  private track(provisioned: ProvisionedRequest): ProvisionedRequest {
    this.customers.add(provisioned.customerId);
    return provisioned;
  }

  async pendingRequest(params: SetupParams = {}): Promise<ProvisionedRequest> {
    return this.track(await stateHook.pendingRequest(params));
  }

  async expiredRequest(params: Omit<SetupParams, 'expiresInSeconds'> = {}): Promise<ProvisionedRequest> {
    return this.track(await stateHook.expiredRequest(params));
  }

  async failingChangeRequest(params: Pick<SetupParams, 'passwordHistory'> = {}): Promise<ProvisionedRequest> {
    return this.track(await stateHook.failingChangeRequest(params));
  }

  /** A key that exists but is not active (state hook v1.1; StateNotOfferedError when the hook lacks it). */
  async inactiveApiKey(): Promise<string> {
    return stateHook.inactiveApiKey();
  }

  /** A key past its expiration (state hook v1.1; StateNotOfferedError when the hook lacks it). */
  async expiredApiKey(): Promise<string> {
    return stateHook.expiredApiKey();
  }

  /** Whether `password` is the customer's current password. */
  async isCurrentPassword(customerId: string, password: string): Promise<boolean> {
    return (await stateHook.inspect(customerId, password)).passwordMatches;
  }

  async lastRealIp(customerId: string, currentPassword: string): Promise<string | null> {
    return (await stateHook.inspect(customerId, currentPassword)).lastRealIp;
  }

  async teardownAll(): Promise<void> {
    const customers = [...this.customers];
    this.customers.clear();
    await Promise.all(customers.map((id) => stateHook.teardown(id)));
  }
}
