// expect error: 2:1: SyntaxError: Cannot use import statement outside a module
import fs from 'fs'
