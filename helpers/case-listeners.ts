// Observers of the case a table-driven test runs (reporting shows its fields as parameters).
export type CaseListener = (testCase: object) => void | Promise<void>;

const listeners: CaseListener[] = [];

export function onCase(listener: CaseListener): void {
  listeners.push(listener);
}

export async function notifyCase(testCase: object): Promise<void> {
  for (const listener of listeners) await listener(testCase);
}
