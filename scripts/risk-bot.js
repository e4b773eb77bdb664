#!/usr/bin/env node
// The installed `risk-bot` command: the compiled CLI, compiled first if the source is newer than the build.
await import('./ensure-built.js');
await import('../build/cli.js');
