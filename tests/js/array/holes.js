// Holes in dense arrays through the fast paths of shift, unshift, splice and reverse.
const j = (x) => JSON.stringify(x) + ' ' + x.length + ' ' + Object.keys(x).join('.')
const a = [1, , 3, , 5]
console.log(a.shift(), j(a))
console.log(a.unshift('u', 'v'), j(a))
const b = [, 1, , 2, ,]
console.log(b.shift(), j(b))
const c = [1, , 3, , 5, , 7]
console.log(j(c.splice(1, 3, 'x')), j(c))
console.log(j(c.splice(1, 0, 'p', 'q', 'r')), j(c))
const d = [1, , 3, , 5, 6]
console.log(j(d.reverse()))
const e = [, 'b']
console.log(j(e.reverse()))
Array.prototype[1] = 'P'
const f = [0, , 2, 3]
console.log(f.shift(), j(f), f.hasOwnProperty(0))
const g = [0, , 2]
g.reverse(); console.log(j(g), Object.keys(g).join())
delete Array.prototype[1]

// expect: 1 [null,3,null,5] 4 1.3
// expect: 6 ["u","v",null,3,null,5] 6 0.1.3.5
// expect: undefined [1,null,2,null] 4 0.2
// expect: [null,3,null] 3 1 [1,"x",5,null,7] 5 0.1.2.4
// expect: [] 0  [1,"p","q","r","x",5,null,7] 8 0.1.2.3.4.5.7
// expect: [6,5,null,3,null,1] 6 0.1.3.5
// expect: ["b",null] 2 0
// expect: 0 ["P",2,3] 3 0.1.2 true
// expect: [2,"P",0] 3 0.2 0,2
