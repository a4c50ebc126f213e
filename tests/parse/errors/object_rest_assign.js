// expect error: 2:6: SyntaxError: `...` must be followed by an assignable reference in assignment contexts
({...{a}} = x)
