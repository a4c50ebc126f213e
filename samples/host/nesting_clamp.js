// HTML's timer nesting clamp: a setTimeout(f, 0) chain runs unclamped for 5 levels,
// then each level waits at least 4 ms (measured on Chromium 156); node clamps nothing
// but makes 0 ms 1 ms. Each step prints whether it waited 3 ms or more. The chain starts
// at 300 ms, once a real page has settled (before that Chromium's load and first paint
// delay some tasks by a few ms).
let level = 0;
let last = Date.now();
const step = () => {
  const now = Date.now();
  level++;
  if (level > 1) console.log('level ' + level + ': ' + (now - last >= 3 ? 'clamped' : 'not clamped'));
  last = now;
  if (level < 10) setTimeout(step, 0);
};
setTimeout(step, 300); // after the page has settled (load, first paint)
