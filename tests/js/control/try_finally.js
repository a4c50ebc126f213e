// try/catch/finally completions: finally overrides, break/continue/return through finally.
function f1() { try { return 'try' } finally { console.log('finally 1') } }
console.log(f1())
function f2() { try { return 'try' } finally { return 'finally' } }
console.log(f2())
function f3() { try { throw new Error('boom') } catch (e) { return 'caught ' + e.message } finally { console.log('cleanup') } }
console.log(f3())
function f4() {
  const log = []
  for (let i = 0; i < 3; i++) {
    try {
      if (i === 1) continue
      if (i === 2) break
      log.push('body' + i)
    } finally {
      log.push('fin' + i)
    }
  }
  return log.join(' ')
}
console.log(f4())
function f5() {
  try {
    try { throw 1 } finally { console.log('inner finally') }
  } catch (e) { return 'outer caught ' + e }
}
console.log(f5())
try { try { throw new TypeError('t') } catch { console.log('no binding') } } finally { console.log('done') }
function f6() {
  outer: try {
    try { break outer } finally { console.log('f6 inner') }
  } finally { console.log('f6 outer') }
  return 'f6 end'
}
console.log(f6())
function f7() { try { return 1 } finally { try { throw 2 } catch (e) { console.log('swallowed', e) } } }
console.log(f7())

// expect: finally 1
// expect: try
// expect: finally
// expect: cleanup
// expect: caught boom
// expect: body0 fin0 fin1 fin2
// expect: inner finally
// expect: outer caught 1
// expect: no binding
// expect: done
// expect: f6 inner
// expect: f6 outer
// expect: f6 end
// expect: swallowed 2
// expect: 1
