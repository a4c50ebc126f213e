// GetIteratorFromMethod: a non-object iterator is a TypeError naming the method that made it
// (Symbol.asyncIterator for for-await, Symbol.iterator for the sync fallback and Promise.all).
(async () => {
  try { for await (const x of { [Symbol.asyncIterator]() { return 1 } }) {} } catch (e) { console.log(e.message) }
  try { for await (const x of { [Symbol.iterator]() { return 1 } }) {} } catch (e) { console.log(e.message) }
  try { await Promise.all({ [Symbol.iterator]() { return 1 } }) } catch (e) { console.log(e.message) }
  for await (const x of [1, Promise.resolve(2)]) console.log(x)
})()
// expect: Result of the Symbol.asyncIterator method is not an object
// expect: Result of the Symbol.iterator method is not an object
// expect: Result of the Symbol.iterator method is not an object
// expect: 1
// expect: 2
