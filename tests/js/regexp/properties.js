// Unicode property escapes beyond General_Category and Script: Script_Extensions (scx)
// and the binary properties of ecma262's table "Binary Unicode property aliases", long
// and short names (the tables reproduce node's answers; tests/unit/test_regexp.c checks
// a sample of every code point against node).
const t = (src, s) => { try { return (s.match(new RegExp(src, 'gu')) || []).join('') } catch (e) { return e.message } };
console.log(t('\\p{scx=Grek}', '\u0342a\u03b1'), t('\\p{sc=Grek}', '\u0342a\u03b1'), t('\\p{Script_Extensions=Latin}+', 'x\u0363y!'), t('\\p{scx=Hira}', '\u30fc\u3042a'))
// expect: ͂α α xͣy ーあ
console.log(t('\\p{Alphabetic}+', 'é1b\u0345'), t('\\p{Alpha}+', 'ab'), t('\\p{ID_Start}', '1a_$'), t('\\p{IDC}+', 'a1_\u00b7-'), t('\\p{XIDS}', 'a\u2e2f'))
// expect: ébͅ ab a a1_· a
console.log(t('\\p{Uppercase}', 'aBÇ\u2160'), t('\\p{Lower}', 'aBª'), t('\\p{White_Space}', 'a b\u3000c'), t('\\p{Dash}', 'a-b\u2014'), t('\\p{Math}', '+<a∑'))
// expect: BÇⅠ aª  　 -— +<∑
console.log(t('\\p{Ideographic}', '中a〇'), t('\\p{Noncharacter_Code_Point}', 'a\ufdd0\uffff'), t('\\p{Pat_Syn}', 'a!~'), t('\\p{CWCF}', 'aAß'), t('\\p{Radical}', '\u2e80a'))
// expect: 中〇 ﷐￿ !~ Aß ⺀
console.log(t('\\P{scx=Latn}', 'ab1'), t('\\p{scx=Nope}', ''), t('\\p{Bidi_M}', '(a]'), t('\\p{Join_C}', 'a\u200d'), t('\\p{Variation_Selector}', 'a\ufe0f'))
// expect: 1 Invalid regular expression: /\p{scx=Nope}/gu: Invalid property name (] ‍ ️
const hex = (src, s) => [...t(src, s)].map((c) => c.codePointAt(0).toString(16)).join(' ');
console.log(hex('\\p{gc=cntrl}', 'a\x01'), '|', hex('\\p{digit}+', 'x42'), '|', hex('\\p{sc=Unknown}', 'a\u0378'), '|', hex('\\p{scx=Zzzz}', 'a\ue000'), '|', hex('\\P{Any}', 'ab'))
// expect: 1 | 34 32 | 378 | e000 | 
