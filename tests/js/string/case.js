// toUpperCase / toLowerCase: ASCII, Latin-1, Greek (final sigma), Cyrillic, special
// casing (one character becoming several), and astral letters.
console.log('Hello World 123'.toUpperCase(), 'Hello World 123'.toLowerCase())
// expect: HELLO WORLD 123 hello world 123
console.log('àéîõüÿ ÀÉÎÕÜ ç Ç ñ Ñ ø Ø å Å'.toUpperCase(), 'ÀÉÎÕÜŸ ÇÑØÅ'.toLowerCase())
// expect: ÀÉÎÕÜŸ ÀÉÎÕÜ Ç Ç Ñ Ñ Ø Ø Å Å àéîõüÿ çñøå
console.log('µ'.toUpperCase(), 'ÿ'.toUpperCase(), 'ß'.toUpperCase(), 'ß'.toLowerCase(), 'ẞ'.toLowerCase())
// expect: Μ Ÿ SS ß ß
console.log('ŉ ǰ ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ'.toUpperCase(), 'ΐ ΰ և'.toUpperCase().length)
// expect: ʼN J̌ FF FI FL FFI FFL ST ST 10
console.log('İ'.toLowerCase().length, 'İ'.toLowerCase().codePointAt(1).toString(16), 'ı'.toUpperCase(), 'i'.toUpperCase())
// expect: 2 307 I I
console.log('ΑΒΓΔ αβγδ Ω ω'.toLowerCase(), 'αβγδ ά έ ή ί ό ύ ώ'.toUpperCase())
// expect: αβγδ αβγδ ω ω ΑΒΓΔ Ά Έ Ή Ί Ό Ύ Ώ
console.log('ΟΔΟΣ ΣΑΣ Σ aΣb aΣ. ΣΑ'.toLowerCase()) // expect: οδος σας σ aσb aς. σα
console.log('ΌΣΟΣ ΟΔΟΣ.'.toLowerCase(), 'Σ'.toLowerCase(), 'AΣ\u0301'.toLowerCase().codePointAt(1))
// expect: όσος οδος. σ 962
console.log('Привет Мир ЁЖ'.toUpperCase(), 'ПРИВЕТ МИР ЁЖ Ї Ґ'.toLowerCase())
// expect: ПРИВЕТ МИР ЁЖ привет мир ёж ї ґ
console.log('ǅ ǈ ǋ ǲ'.toUpperCase(), 'ǅ ǈ ǋ ǲ'.toLowerCase(), 'Ǆ'.toLowerCase())
// expect: Ǆ Ǉ Ǌ Ǳ ǆ ǉ ǌ ǳ ǆ
console.log('𐐨𐐩'.toUpperCase() === '𐐀𐐁', '𐐀'.toLowerCase() === '𐐨', '\ud801x'.toUpperCase().length)
// expect: true true 2
console.log('Straße'.toLocaleUpperCase(), 'ÉCOLE'.toLocaleLowerCase(), 'i'.toLocaleUpperCase('tr'))
// expect: STRASSE école İ
console.log(String.prototype.toUpperCase.call(true), String.prototype.toLowerCase.call(123))
// expect: TRUE 123
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => String.prototype.toUpperCase.call(null)))
// expect: TypeError: String.prototype.toUpperCase called on null or undefined
console.log(t(() => String.prototype.toLocaleLowerCase.call(undefined)))
// expect: TypeError: String.prototype.toLocaleLowerCase called on null or undefined
console.log('iIİı'.toLocaleUpperCase('tr'), 'iIİı'.toLocaleLowerCase('tr'), 'I\u0307'.toLocaleLowerCase('az').length)
// expect: İIİI iıiı 1
console.log('iIİı'.toLocaleUpperCase(['tr-TR', 'en']), 'iIİı'.toLocaleLowerCase('en-US'), 'iI'.toLocaleUpperCase([]))
// expect: İIİI iii̇ı II
