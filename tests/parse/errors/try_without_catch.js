// expect error: 4:1: SyntaxError: Missing catch or finally after try
try {
  f()
}
x()
