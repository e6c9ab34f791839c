#!/usr/bin/env node
// Runs the built CLI (`tsc -b` writes dist/); see src/cli/main.ts.
import '../dist/cli/main.js';
