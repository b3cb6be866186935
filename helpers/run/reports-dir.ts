// Where a run writes its reports: CONFORMANCE_REPORTS_DIR, default `reports/`.
export function reportsDir(): string {
  return process.env.CONFORMANCE_REPORTS_DIR?.trim() || 'reports';
}
