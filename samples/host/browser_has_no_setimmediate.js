// The hosts' globals differ: no process or setImmediate in a browser (calling it is a
// ReferenceError there; the page goes on), no document or window in node.
const log = (s) => console.log(s);
log('process: ' + typeof process + ', setImmediate: ' + typeof setImmediate);
log('document: ' + typeof document + ', window: ' + typeof window);
setTimeout(() => log('timeout still runs after the error'), 50);
setImmediate(() => log('immediate (node only)'));
log('script end (node only)');
