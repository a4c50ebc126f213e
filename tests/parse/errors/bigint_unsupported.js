// expect error: 2:5: SyntaxError: BigInt literals are not supported yet // deviation: node accepts BigInt
x = 10n
