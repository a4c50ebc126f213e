// The classic race: setTimeout(f, 0) and setImmediate(g) from the main module. A real
// node prints them in either order (it depends on whether 1 ms passed before the first
// loop iteration); tickscope prints `immediate` first (the script takes less than 1
// virtual ms) and writes a `note` event naming the two jobs.
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
