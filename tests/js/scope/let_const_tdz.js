// Block scoping, TDZ errors and const assignment, with V8's messages.
let a = 1
{
  let a = 2
  console.log(a)
}
console.log(a)
try { console.log(b); } catch (e) { console.log(e.constructor.name, e.message) }
let b = 5
try { const c = 1; c = 2 } catch (e) { console.log(e.constructor.name, e.message) }
function f() { return g }
try { f() } catch (e) { console.log(e.message) }
const g = 'g'
console.log(f())
try { undefinedName } catch (e) { console.log(e.constructor.name + ': ' + e.message) }
console.log(typeof undefinedName)
var v1 = 1; var v1 = 2; console.log(v1)

// expect: 2
// expect: 1
// expect: ReferenceError Cannot access 'b' before initialization
// expect: TypeError Assignment to constant variable.
// expect: Cannot access 'g' before initialization
// expect: g
// expect: ReferenceError: undefinedName is not defined
// expect: undefined
// expect: 2
