// Test setup: under CI, property-based tests use a fixed seed so a run is reproducible and a rare
// random case cannot fail an unrelated change; local runs keep fast-check's random seeds.
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 42 });
