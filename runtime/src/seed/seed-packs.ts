// The demo-data entry point of `stagecraft start`: every configured pack with a `seed/` folder
// gets its seed run (idempotent: a second start creates nothing).
import { loadSeed } from './load-seed';
import { runSeed, type SeedReport, type SeedRunOptions } from './seed-runner';

export async function seedPacks(packDirectories: readonly string[], options: SeedRunOptions): Promise<SeedReport[]> {
  const reports: SeedReport[] = [];
  for (const directory of packDirectories) {
    const seed = await loadSeed(directory);
    if (seed) reports.push(await runSeed(seed, options));
  }
  return reports;
}

/** "Seeded sfa-demo: 6 territory, 200 account, … (12.3 s)", or null when nothing was created. */
export function describeSeedReport(report: SeedReport, milliseconds: number): string | null {
  const parts = Object.entries(report.created).filter(([, count]) => count > 0).map(([step, count]) => `${count} ${step}`);
  if (parts.length === 0) return null;
  return `Seeded demo data ${report.seed}: ${parts.join(', ')}, ${report.transitions} process steps (${(milliseconds / 1000).toFixed(1)} s)`;
}
