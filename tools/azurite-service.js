// One Azurite service (blob, queue or table) under tools/azurite-guard.js: it runs Azurite's own entry
// for that service and shuts it down when the guard's IPC channel closes (the guard stopping, or dying).
'use strict';
const path = require('path');

const service = process.argv[2];
process.argv.splice(2, 1);

// A terminal's Ctrl+C reaches us as well as the guard: Azurite's own once-only handler closes the server on
// the first SIGINT; this listener only keeps a second one (ours, below) from killing a flush half-way.
let closing = false;
process.on('SIGINT', () => { closing = true; });

process.on('disconnect', () => {
  if (!closing) {
    if (process.listenerCount('SIGINT') === 1) {
      process.exit(0); // Azurite is not listening yet: nothing to close or flush
    }
    // Azurite's SIGINT handler (every service has one; the table service has no SIGTERM handler) closes
    // the server and flushes a --location workspace.
    process.kill(process.pid, 'SIGINT');
  }
  setTimeout(() => process.exit(0), 5000).unref();
});

require(path.join(__dirname, '..', 'node_modules', 'azurite', 'dist', 'src', service, 'main.js'));
