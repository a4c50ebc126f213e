// setTimeout(f, 1) then setTimeout(g, 0): node makes every delay below 1 ms 1 ms, so f
// runs first; browsers have no 1 ms minimum (Chromium since M101), so g runs first.
setTimeout(() => console.log('f: 1ms'), 1);
setTimeout(() => console.log('g: 0ms'), 0);
