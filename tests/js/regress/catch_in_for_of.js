// Regression (fixed last session): a TypeError thrown and caught inside a for-of body
// must leave the loop and the code after it running normally.
for (const n of ["a", "b"]) { try { null.x } catch (e) {} }
console.log("after loop")
for (const n of ["a", "b"]) {
  try { null.x } catch (e) { console.log(n, e.constructor.name) }
}
console.log("done")
// expect: after loop
// expect: a TypeError
// expect: b TypeError
// expect: done
