// Runs Azurite inside this process and shuts it down when standard input closes.
//
// Why: whoever starts us (the app in its local profile, or a test run) holds the write end of our
// stdin pipe. The kernel closes that pipe when the owner exits for any reason -- Ctrl+C, a normal
// stop, an unhandled crash, even SIGKILL -- so Azurite can never outlive its owner and no orphaned
// node process is left behind. Azurite runs in this very process (not as a grandchild) so there is
// exactly one process to reap.
'use strict';
const path = require('path');

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // Azurite's own SIGTERM handler closes its servers (and flushes a --location workspace).
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(0), 5000).unref();
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();

process.argv = [process.argv[0], 'azurite', ...process.argv.slice(2)];
require(path.join(__dirname, '..', 'node_modules', 'azurite', 'dist', 'src', 'azurite.js'));
