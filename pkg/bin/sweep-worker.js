'use strict';
// A worker of the summary sweep: loads the core once, then summarises each plan file the
// pool sends it, answering with its overview entry.

const { parentPort, workerData } = require('node:worker_threads');
const { summarizeFile } = require('./sweep.js');

parentPort.on('message', ({ index, file }) => {
  parentPort.postMessage({ index, entry: summarizeFile(file, workerData.options) });
});
