// expect error: 3:9: SyntaxError: Undefined label 'nowhere'
while (true) {
  break nowhere
}
