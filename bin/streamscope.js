#!/usr/bin/env node
// The command line is TypeScript; tsx (installed with the repository) runs it without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/streamscope.ts');
