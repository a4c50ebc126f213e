// Dates print as toISOString (Invalid Date when the time is NaN).
console.log(new Date(0), [new Date(86400000)], { d: new Date(NaN) })
// expect: 1970-01-01T00:00:00.000Z [ 1970-01-02T00:00:00.000Z ] { d: Invalid Date }
const d = new Date(1e12); d.x = 1
console.log(d)
// expect: 2001-09-09T01:46:40.000Z { x: 1 }
class MyDate extends Date {}
console.log(new MyDate(0))
// expect: MyDate 1970-01-01T00:00:00.000Z
console.log(new Date(-1e14), new Date(8.64e15))
// expect: -001199-02-15T14:13:20.000Z +275760-09-13T00:00:00.000Z
