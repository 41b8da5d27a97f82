// Runs Azurite's three services (blob, queue, table), each in its own Node.js process, and shuts them
// all down when standard input closes.
//
// Why a guard: whoever starts us (the app in its local profile, or a test run) holds the write end of
// our stdin pipe. The kernel closes that pipe when the owner exits for any reason -- Ctrl+C, a normal
// stop, an unhandled crash, even SIGKILL -- so Azurite can never outlive its owner. The services are
// our children over an IPC channel (tools/azurite-service.js): when we go, even by SIGKILL, the channel
// closes and each service shuts itself down, so no node process is left behind.
//
// Why three processes: each Azurite service is single-threaded, and its queue store does work that
// grows with every message held (LokiJS rebuilds the message indexes after each removal). In one
// process that work queues every table request behind it; apart, the table service answers on
// another core while the queue service is busy. This is Azurite's own split (azurite-blob,
// azurite-queue, azurite-table); the endpoints and the data are the same.
'use strict';
const path = require('path');
const { fork } = require('child_process');

const SERVICES = ['blob', 'queue', 'table'];
const VALUED = new Set(['--location', '-l', '--debug', '-d', '--cert', '--key', '--pwd', '--oauth']);

// Split "--blobHost h --blobPort p ... --location dir --flag" into what every service takes and what one does.
const common = [];
const own = Object.fromEntries(SERVICES.map((s) => [s, []]));
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const service = SERVICES.find((s) => arg === `--${s}Host` || arg === `--${s}Port` || arg === `--${s}KeepAliveTimeout`);
  if (service) {
    own[service].push(arg, args[++i]);
  } else if (VALUED.has(arg)) {
    common.push(arg, args[++i]);
  } else {
    common.push(arg);
  }
}

let stopping = false;
let failed = 0;
const running = new Set();
const children = SERVICES.map((service) => {
  const child = fork(path.join(__dirname, 'azurite-service.js'), [service, ...own[service], ...common], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  child.on('exit', (code, signal) => {
    running.delete(child);
    if (!stopping) {
      console.error(`Azurite's ${service} service exited (${signal || code}); stopping the others`);
      failed = 1;
      stop();
    }
    if (running.size === 0) {
      process.exit(failed);
    }
  });
  return child;
});

function stop() {
  if (stopping) return;
  stopping = true;
  // Closing the channel is the services' signal to close their servers (and flush a --location workspace).
  for (const child of children) {
    if (child.connected) child.disconnect();
  }
  setTimeout(() => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(failed);
  }, 8000).unref();
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
