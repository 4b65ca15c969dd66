#!/usr/bin/env node
// Prints the table of one scripts/bench-compare.sh run: per label and concurrency, median (min–max) over the
// repetitions of submits/s, p50, p99, server and PostgreSQL CPU per submit, failures; then each label's
// throughput and p99 relative to the baseline of the same repetition. Usage: node bench-compare-report.mjs RUN_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bench-compare-report.mjs RUN_DIR');
const runs = readdirSync(dir)
  .filter((f) => /^.+-c\d+-r\d+\.json$/.test(f))
  .map((f) => {
    const [, label, c, rep] = /^(.+)-c(\d+)-r(\d+)\.json$/.exec(f);
    return {
      label,
      c: Number(c),
      rep: Number(rep),
      r: JSON.parse(readFileSync(join(dir, f), 'utf8')),
    };
  });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs, digits = 1) =>
  xs.length === 0
    ? '—'
    : `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const labels = [...new Set(runs.map((x) => x.label))].sort((a, b) =>
  a === 'baseline' ? 1 : b === 'baseline' ? -1 : a.localeCompare(b),
);
const concs = [...new Set(runs.map((x) => x.c))].sort((a, b) => a - b);
const pick = (label, c, key) =>
  runs.filter((x) => x.label === label && x.c === c && x.r[key] !== null).map((x) => x.r[key]);

const out = [];
out.push(
  '| conc. | server | submits/s | p50 ms | p99 ms | server CPU ms/submit | PG CPU ms/submit | failed | n |',
);
out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const c of concs) {
  for (const label of labels) {
    out.push(
      `| ${c} | ${label} | ${fmt(pick(label, c, 'throughput_rps'))} | ${fmt(pick(label, c, 'p50_ms'))} | ${fmt(
        pick(label, c, 'p99_ms'),
      )} | ${fmt(pick(label, c, 'server_cpu_ms_per_req'), 2)} | ${fmt(pick(label, c, 'pg_cpu_ms_per_req'), 2)} | ${pick(
        label,
        c,
        'failed',
      ).reduce((a, b) => a + b, 0)} | ${pick(label, c, 'throughput_rps').length} |`,
    );
  }
}
// The embedded comparison (ENGINE=pglite) has no baseline.
if (labels.includes('baseline')) {
  out.push('');
  out.push('Per repetition, relative to the baseline of the same repetition, median (min–max):');
  out.push('');
  out.push('| conc. | server | throughput / baseline | p99 / baseline p99 |');
  out.push('|---:|---|---:|---:|');
  for (const c of concs) {
    for (const label of labels.filter((l) => l !== 'baseline')) {
      const ratios = [];
      const p99s = [];
      for (const x of runs.filter((y) => y.label === label && y.c === c)) {
        const base = runs.find((y) => y.label === 'baseline' && y.c === c && y.rep === x.rep);
        if (!base) continue;
        ratios.push(x.r.throughput_rps / base.r.throughput_rps);
        p99s.push(x.r.p99_ms / base.r.p99_ms);
      }
      out.push(`| ${c} | ${label} | ${fmt(ratios, 2)} | ${fmt(p99s, 1)} |`);
    }
  }
}
const loads = runs.map((x) => x.r.loadavg_1m).filter((x) => typeof x === 'number');
out.push('');
out.push(
  `Machine 1-minute load average during the runs: ${fmt(loads, 1)} (2 cores, shared: noisy).`,
);
process.stdout.write(`${out.join('\n')}\n`);
