// process.stdout.write text without a newline continues on the next console line.
process.stdout.write('a');
process.stdout.write('b\nc');
console.log('d');
setTimeout(() => { process.stdout.write('timer '); console.log('done'); }, 1);
