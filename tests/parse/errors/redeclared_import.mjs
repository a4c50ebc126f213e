// expect error: 3:5: SyntaxError: Identifier 'a' has already been declared
import {a} from 'm'
let a
