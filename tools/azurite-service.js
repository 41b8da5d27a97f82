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

const dist = path.join(__dirname, '..', 'node_modules', 'azurite', 'dist', 'src');

// Two removals in Azurite's LokiJS stores cost far more than the work they do, because LokiJS (1.5.12) rebuilds
// every binary index of a collection -- a full sort -- after any removal by batch, even of nothing:
// - the queue service sweeps expired messages before every receive, delete and update, and removes the
//   (almost always empty) result as a batch: four index sorts over every message of every queue, per request;
// - the queue and blob garbage collectors (every 60 s) drop the extent of each deleted message or blob one at a
//   time, each a batch removal: one sort of all extents per extent. After a burst that is thousands of sorts of
//   thousands, which held the queue service's only thread for 20-77 s (a CPU profile: 95 % in deleteExtents)
//   while every queue request in flight waited.
// Both now remove single documents (LokiJS updates its indexes in place) and skip an empty sweep. Same data, same
// answers; only the cost changes. Azure's queues have neither cost.
// The queue service's sweep.
function patchExpirySweep() {
  const queueStore = require(path.join(dist, 'queue', 'persistence', 'LokiQueueMetadataStore.js')).default;
  queueStore.prototype.clearExpiredMessages = async function clearExpiredMessages(account, queue, context) {
    this.checkQueueExist(account, queue, context);
    const coll = this.db.getCollection(this.MESSAGES_COLLECTION);
    // The queue's name first: LokiJS uses the index of the first property only, and one account holds every queue.
    const expired = coll.chain().find({ queueName: queue, accountName: account, expirationTime: { $lte: Date.now() } }).data();
    for (const doc of expired) {
      coll.remove(doc);
    }
  };
}

// The extent store both the queue and the blob service collect garbage from.
function patchExtentRemoval() {
  const extentStore = require(path.join(dist, 'common', 'persistence', 'LokiExtentMetadataStore.js')).default;
  extentStore.prototype.deleteExtent = async function deleteExtent(extentId) {
    const coll = this.db.getCollection(this.EXTENTS_COLLECTION);
    const doc = coll.findOne({ id: extentId });
    if (doc) {
      coll.remove(doc);
    }
  };
}

if (service === 'queue') {
  patchExpirySweep();
}

if (service === 'queue' || service === 'blob') {
  patchExtentRemoval();
}

require(path.join(dist, service, 'main.js'));
