// for (async of ...) is excluded by a lookahead restriction (ecma262
// #sec-for-in-and-for-of-statements); for await (async of ...) is not.
let async
for (async of [1]);
// expect error: 4:6: SyntaxError: The left-hand side of a for-of loop may not be 'async'.
