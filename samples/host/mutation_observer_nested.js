// A mutation made by an observer callback queues a new mutation observer microtask,
// which runs after the microtasks already queued; takeRecords() empties the queue; an
// observer after disconnect() gets nothing.
const log = (s) => console.log(s);
const a = document.createElement('p');
const b = document.createElement('p');
let rounds = 0;
const mo = new MutationObserver((records, observer) => {
  rounds++;
  log('observer round ' + rounds + ': ' + records.length + ' record(s), same observer: ' + (observer === mo));
  if (rounds === 1) {
    Promise.resolve().then(() => log('promise queued in round 1'));
    a.setAttribute('class', 'again');
  }
});
mo.observe(a, { attributes: true, attributeOldValue: true });
const other = new MutationObserver(() => log('never: disconnected observer'));
other.observe(b, { childList: true });
a.setAttribute('class', 'x');
a.setAttribute('class', 'y');
b.appendChild(document.createElement('span'));
other.disconnect();
Promise.resolve().then(() => log('promise after the first mutations'));
const taken = new MutationObserver(() => log('never: records were taken'));
taken.observe(b, { childList: true });
b.textContent = 'text';
log('taken: ' + taken.takeRecords().length);
