// MutationObserver callbacks are microtasks: queued by the first mutation (later ones
// join the same batch), they run in order with promise jobs, before any task.
const log = (s) => console.log(s);
const el = document.createElement('div');
const mo = new MutationObserver((records) => {
  log('observer: ' + records.map((r) => r.type + (r.attributeName ? ':' + r.attributeName : '')).join(', '));
  Promise.resolve().then(() => log('promise from observer'));
});
mo.observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
setTimeout(() => log('timeout'), 0);
Promise.resolve().then(() => log('promise 1'));
el.setAttribute('data-x', '1');
el.appendChild(document.createTextNode('hello'));
Promise.resolve().then(() => {
  log('promise 2');
  el.firstChild.data = 'changed';
  el.setAttribute('data-x', '2');
  Promise.resolve().then(() => log('promise from promise 2'));
});
log('script end');
