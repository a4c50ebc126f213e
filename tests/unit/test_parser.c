/* test_parser.c — tracer/parser: AST shapes (as S-expressions from ast_dump) and positions
 * for representative programs, automatic semicolon insertion, the flags and declared-name
 * lists the compiler relies on, every early error with node 20's exact message and
 * line:col (every tests/parse/errors file, each starting with "// expect error: L:C: Name: msg"),
 * every code example of the seeds (the programs of samples/ and the fragments in
 * tests/parse/seeds), error formatting, the depth bound, and a deterministic fuzz pass
 * that must never crash or hang.
 * The expected shapes were checked against acorn and node 20 while writing them.
 * Files are found under tests/parse (tests/check.sh runs from the repository root), or
 * under $PARSE_TESTS. */
#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/strbuf.h"
#include "tracer/ast.h"
#include "tracer/parser.h"

/* ---- helpers ---------------------------------------------------------------------- */

static const char *tests_dir(void)
{
    const char *env = getenv("PARSE_TESTS");
    return env && *env ? env : "tests/parse";
}

/* Collapse runs of whitespace to one space (the dump indents statements). */
static void normalize(char *s)
{
    size_t k = 0;
    bool sp = false;
    for (size_t r = 0; s[r]; r++) {
        char c = s[r];
        if (c == ' ' || c == '\n') {
            sp = true;
            continue;
        }
        if (sp && k)
            s[k++] = ' ';
        sp = false;
        s[k++] = c;
    }
    s[k] = 0;
}

/* Parse src and return its normalized dump, or "ERROR L:C: Name: message" (caller frees). */
static char *parse_to_string(const char *src, size_t len, ParseGoal goal, bool with_pos)
{
    AstArena a;
    ast_arena_init(&a);
    ParseError err;
    Node *prog = parse_program(&a, src, len, goal, &err);
    StrBuf out;
    strbuf_init(&out);
    if (prog)
        ast_dump(prog, &out, with_pos);
    else
        strbuf_printf(&out, "ERROR %u:%u: %s: %s", err.pos.line, err.pos.col, err.name,
                      err.message);
    ast_arena_fini(&a);
    char *s = strbuf_take(&out, NULL);
    strbuf_fini(&out); /* strbuf_take leaves a fresh empty buffer */
    normalize(s);
    return s;
}

static void assert_dump(const char *src, const char *expect)
{
    char *got = parse_to_string(src, strlen(src), PARSE_SCRIPT, false);
    if (strcmp(got, expect) != 0) {
        print_error("source: %s\nexpect: %s\ngot:    %s\n", src, expect, got);
        free(got);
        fail();
    }
    free(got);
}

static void assert_error_goal(const char *src, ParseGoal goal, const char *expect)
{
    char *got = parse_to_string(src, strlen(src), goal, false);
    char want[512];
    snprintf(want, sizeof want, "ERROR %s", expect);
    if (strcmp(got, want) != 0) {
        print_error("source: %s\nexpect: %s\ngot:    %s\n", src, want, got);
        free(got);
        fail();
    }
    free(got);
}

static void assert_error(const char *src, const char *expect)
{
    assert_error_goal(src, PARSE_SCRIPT, expect);
}

/* Parse src (must succeed) and return the program; the arena is the caller's. */
static Node *parse_ok(AstArena *a, const char *src, ParseGoal goal)
{
    ParseError err;
    Node *prog = parse_program(a, src, strlen(src), goal, &err);
    if (!prog)
        fail_msg("%s\n-> %u:%u: %s", src, err.pos.line, err.pos.col, err.message);
    return prog;
}

/* ---- AST shapes ------------------------------------------------------------------- */

static const struct {
    const char *src;
    const char *dump;
} shapes[] = {
    {"let a = 1, [b, , ...c] = d, {e, f: {g = 2}, ...h} = i",
     "(program (let (decl (id a) (number 1)) (decl (array-pattern (id b) _ (rest (id c))) (id d)) (decl (object-pattern (prop init shorthand (id e) (id e)) (prop init (id f) (object-pattern (prop init shorthand (id g) (default (id g) (number 2))))) (rest (id h))) (id i))))"},
    {"x = a ? b : c ?? d; y = (a || b) ?? c",
     "(program (expr (assign = (id x) (cond (id a) (id b) (logical ?? (id c) (id d))))) (expr (assign = (id y) (logical ?? (logical || (id a) (id b)) (id c)))))"},
    {"a ** b ** c; (-a) ** b; a - b - c; a = b = c",
     "(program (expr (binary ** (id a) (binary ** (id b) (id c)))) (expr (binary ** (unary -x (id a)) (id b))) (expr (binary - (binary - (id a) (id b)) (id c))) (expr (assign = (id a) (assign = (id b) (id c)))))"},
    {"a?.b.c(d)?.[e]; (a?.b).c; new A.B(c)(d)",
     "(program (expr (chain (member-expr ?.[] (call (member-expr . (member-expr ?. (id a) (id b)) (id c)) (id d)) (id e)))) (expr (member-expr . (chain (member-expr ?. (id a) (id b))) (id c))) (expr (call (new (member-expr . (id A) (id B)) (id c)) (id d))))"},
    {"tag`x${1}y${2}z`; `a\\u0041${b}`; String.raw`\\unicode`",
     "(program (expr (tagged (id tag) (template \"x\" (number 1) \"y\" (number 2) \"z\"))) (expr (template \"aA\" (id b) \"\")) (expr (tagged (member-expr . (id String) (id raw)) (template undefined))))"},
    {"x = /re/g.test(y) / z",
     "(program (expr (assign = (id x) (binary / (call (member-expr . (regexp /re/g) (id test)) (id y)) (id z)))))"},
    {"x = {a, b: 1, [c]: 2, ...d, get e() {}, set e(v) {}, async *f() {}, __proto__: null, 'g'() {}}",
     "(program (expr (assign = (id x) (object (prop init shorthand (id a) (id a)) (prop init (id b) (number 1)) (prop init computed (id c) (number 2)) (spread (id d)) (prop get (id e) (function get _ (params))) (prop set (id e) (function set _ (params (id v)))) (prop method (id f) (function async generator method _ (params))) (prop init proto (id __proto__) (null)) (prop method (string \"g\") (function method _ (params)))))))"},
    {"[a, b] = [b, a]; ({x, y: [z = 1]} = o)",
     "(program (expr (assign = (array-pattern (id a) (id b)) (array (id b) (id a)))) (expr (assign = (object-pattern (prop init shorthand (id x) (id x)) (prop init (id y) (array-pattern (default (id z) (number 1))))) (id o))))"},
    {"async function f() { for await (const x of y) await x }",
     "(program (function async decl (id f) (params) (for-of await (const (decl (id x))) (id y) (expr (await (id x))))))"},
    {"function* g() { yield; yield* h(); yield 1 }",
     "(program (function generator decl (id g) (params) (expr (yield)) (expr (yield * (call (id h)))) (expr (yield (number 1)))))"},
    {"const f = async (a, {b} = {}, ...c) => a, g = async x => x, h = () => ({})",
     "(program (const (decl (id f) (function arrow async expr-body _ (params (id a) (default (object-pattern (prop init shorthand (id b) (id b))) (object)) (rest (id c))) (return (id a)))) (decl (id g) (function arrow async expr-body _ (params (id x)) (return (id x)))) (decl (id h) (function arrow expr-body _ (params) (return (object))))))"},
    {"class A extends B { #p = 1; static s; static { this.t = 2 } constructor() { super(); } get x() { return this.#p } static async *m() {} #q() {} [k] = 3 }",
     "(program (class decl (id A) (id B) (function strict constructor _ (params) (expr (call (super)))) (member field (private #p) (number 1)) (member field static (id s) _) (member static-block static _ (function strict method _ (params) (expr (assign = (member-expr . (this) (id t)) (number 2))))) (member get (id x) (function strict get _ (params) (return (member-expr . (this) (private #p))))) (member method static (id m) (function async generator strict method _ (params))) (member method (private #q) (function strict method _ (params))) (member field computed (id k) (number 3))))"},
    {"label: for (const k in o) { if (k) continue label; else break label }",
     "(program (label label (for-in (const (decl (id k))) (id o) (block (if (id k) (continue label) (break label))))))"},
    {"switch (x) { case 1: f(); default: g() }",
     "(program (switch (id x) (case (number 1) (expr (call (id f)))) (case default (expr (call (id g))))))"},
    {"try { f() } catch { g() } finally { h() }",
     "(program (try (block (expr (call (id f)))) _ (block (expr (call (id g)))) (block (expr (call (id h))))))"},
    {"try { f() } catch ({message}) { g(message) }",
     "(program (try (block (expr (call (id f)))) (object-pattern (prop init shorthand (id message) (id message))) (block (expr (call (id g) (id message)))) _))"},
    {"if (a) function f() {}",
     "(program (if (id a) (block (function decl (id f) (params)))))"},
    {"do x++; while (x < 3) y()",
     "(program (do-while (binary < (id x) (number 3)) (expr (update ++ postfix (id x)))) (expr (call (id y))))"},
    {"function f() { return new.target }",
     "(program (function decl (id f) (params) (return (meta new.target))))"},
    {"x = (1, 2, 3); (a, b) => a + b",
     "(program (expr (assign = (id x) (seq (number 1) (number 2) (number 3)))) (expr (function arrow expr-body _ (params (id a) (id b)) (return (binary + (id a) (id b))))))"},
    {"\"use strict\"; 'other'; x",
     "(program strict (expr directive (string \"use strict\")) (expr directive (string \"other\")) (expr (id x)))"},
    {"delete a[b], void 0, typeof c, !d, ~e, +f, -g",
     "(program (expr (seq (unary delete (member-expr [] (id a) (id b))) (unary void (number 0)) (unary typeof (id c)) (unary ! (id d)) (unary ~ (id e)) (unary +x (id f)) (unary -x (id g)))))"},
    {"a++ + ++b - c-- - --d",
     "(program (expr (binary - (binary - (binary + (update ++ postfix (id a)) (update ++ prefix (id b))) (update -- postfix (id c))) (update -- prefix (id d)))))"},
    {"x = a in b; for (var i = 0 in o);",
     "(program (expr (assign = (id x) (binary in (id a) (id b)))) (for-in (var (decl (id i) (number 0))) (id o) (empty)))"},
    {"x = { if: 1, class: 2 }.class",
     "(program (expr (assign = (id x) (member-expr . (object (prop init (id if) (number 1)) (prop init (id class) (number 2))) (id class)))))"},
    {"class C { #x; m(y) { return #x in y } }",
     "(program (class decl (id C) _ (member field (private #x) _) (member method (id m) (function strict method _ (params (id y)) (return (binary in (private #x) (id y)))))))"},
    {"a\n++b",
     "(program (expr (id a)) (expr (update ++ prefix (id b))))"},
    {"return_ = 1\nx\n(y)",
     "(program (expr (assign = (id return_) (number 1))) (expr (call (id x) (id y))))"},
    {"let x = 1\n[1, 2].forEach(f)",
     "(program (let (decl (id x) (call (member-expr . (member-expr [] (number 1) (seq (number 1) (number 2))) (id forEach)) (id f)))))"},
    {"a = b\n/re/g.exec(c)",
     "(program (expr (assign = (id a) (binary / (binary / (id b) (id re)) (call (member-expr . (id g) (id exec)) (id c))))))"},
    {"const p = new Promise(r => r())\n.then(() => 1)\n.then(v => v)",
     "(program (const (decl (id p) (call (member-expr . (call (member-expr . (new (id Promise) (function arrow expr-body _ (params (id r)) (return (call (id r))))) (id then)) (function arrow expr-body _ (params) (return (number 1)))) (id then)) (function arrow expr-body _ (params (id v)) (return (id v)))))))"},
    {"x\n++\ny",
     "(program (expr (id x)) (expr (update ++ prefix (id y))))"},
    {"let\nx = 1",
     "(program (let (decl (id x) (number 1))))"},
    {"async\nfunction f() {}",
     "(program (expr (id async)) (function decl (id f) (params)))"},
    {"a = async\n(b)",
     "(program (expr (assign = (id a) (call (id async) (id b)))))"},
    {"a\n`t`",
     "(program (expr (tagged (id a) (template \"t\"))))"},
    {"var a = 1, b\n, c",
     "(program (var (decl (id a) (number 1)) (decl (id b)) (decl (id c))))"},
    {"if (a) b\nelse c",
     "(program (if (id a) (expr (id b)) (expr (id c))))"},
    {"function f() { return\n1 }",
     "(program (function decl (id f) (params) (return) (expr (number 1))))"},
    {"for (;;) { break\nlabel }",
     "(program (for _ _ _ (block (break) (expr (id label)))))"},
};

static void test_parser_builds_the_expected_tree_for_representative_programs(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_LEN(shapes); i++)
        assert_dump(shapes[i].src, shapes[i].dump);
}

static void test_parser_records_positions_of_first_tokens(void **state)
{
    (void)state;
    const char *text = "let x =\n  (a + b) * f(c)\n";
    char *got = parse_to_string(text, strlen(text), PARSE_SCRIPT, true);
    assert_string_equal(got,
                        "(program@1:1 (let@1:1 (decl@1:5 (id@1:5 x) (binary@2:3 * "
                        "(binary@2:3 + (id@2:4 a) (id@2:8 b)) (call@2:13 (id@2:13 f) "
                        "(id@2:15 c))))))");
    free(got);
    /* columns count UTF-16 units: the emoji takes two */
    const char *src = "s = '\xf0\x9f\x98\x80'; t";
    got = parse_to_string(src, strlen(src), PARSE_SCRIPT, true);
    assert_non_null(strstr(got, "(id@1:11 t)"));
    free(got);
}

static void test_parser_sets_function_flags_the_compiler_needs(void **state)
{
    (void)state;
    AstArena a;
    ast_arena_init(&a);
    Node *prog = parse_ok(&a,
                          "function f(a, b = 1, ...c) { return () => this + arguments[0] }\n"
                          "class D extends B { constructor() { super() } }\n"
                          "function g(x) { 'use strict' }\n",
                          PARSE_SCRIPT);
    Node *f = prog->as.program.body.items[0];
    AstFunction *fn = &f->as.function;
    assert_int_equal(f->kind, NODE_FUNCTION);
    assert_true(fn->flags & FUNC_DECLARATION);
    assert_false(fn->flags & FUNC_STRICT);
    assert_true(fn->flags & FUNC_USES_THIS);
    assert_true(fn->flags & FUNC_USES_ARGUMENTS);
    assert_false(fn->flags & FUNC_SIMPLE_PARAMS);
    assert_int_equal(fn->length, 1);
    assert_int_equal(fn->param_decls.len, 3);
    assert_int_equal(fn->src_start, 0);
    assert_int_equal(fn->body_end.line, 1);
    Node *arrow = fn->body.items[0]->as.jump.arg;
    assert_true(arrow->as.function.flags & FUNC_ARROW);
    assert_true(arrow->as.function.flags & FUNC_EXPR_BODY);
    assert_true(arrow->as.function.flags & FUNC_USES_THIS);
    assert_false(arrow->as.function.flags & FUNC_USES_ARGUMENTS);
    Node *cls = prog->as.program.body.items[1];
    Node *ctor = cls->as.class_.constructor;
    assert_non_null(ctor);
    assert_int_equal(ctor->as.function.method_kind, METHOD_CONSTRUCTOR);
    assert_true(ctor->as.function.flags & FUNC_DERIVED);
    assert_true(ctor->as.function.flags & FUNC_USES_SUPER_CALL);
    assert_true(ctor->as.function.flags & FUNC_STRICT);
    Node *g = prog->as.program.body.items[2];
    assert_true(g->as.function.flags & FUNC_STRICT);
    assert_true(g->as.function.flags & FUNC_HAS_USE_STRICT);
    assert_true(g->as.function.flags & FUNC_SIMPLE_PARAMS);
    assert_true(g->as.function.body.items[0]->flags & AST_DIRECTIVE);
    ast_arena_fini(&a);
}

static bool has_decl(AstDeclList l, const char *name, AstDeclKind kind)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (ast_name_eq(l.items[i].name, name) && l.items[i].kind == kind)
            return true;
    return false;
}

static void test_parser_lists_declared_names_per_scope(void **state)
{
    (void)state;
    AstArena a;
    ast_arena_init(&a);
    Node *prog = parse_ok(&a,
                          "var v; let l; const c = 1; class K {} function f(p) { var w; { var x; let y } }\n"
                          "{ let b; function g() {} }\n",
                          PARSE_SCRIPT);
    AstProgram *pr = &prog->as.program;
    assert_true(has_decl(pr->var_decls, "v", DECL_VAR));
    assert_true(has_decl(pr->var_decls, "f", DECL_FUNCTION));
    assert_true(has_decl(pr->lex_decls, "l", DECL_LET));
    assert_true(has_decl(pr->lex_decls, "c", DECL_CONST));
    assert_true(has_decl(pr->lex_decls, "K", DECL_CLASS));
    assert_int_equal(pr->var_decls.len, 2);
    Node *f = pr->body.items[4];
    assert_true(has_decl(f->as.function.param_decls, "p", DECL_PARAM));
    assert_true(has_decl(f->as.function.var_decls, "w", DECL_VAR));
    assert_true(has_decl(f->as.function.var_decls, "x", DECL_VAR));
    Node *inner = f->as.function.body.items[1];
    assert_true(has_decl(inner->as.block.lex_decls, "y", DECL_LET));
    Node *blk = pr->body.items[5];
    assert_true(has_decl(blk->as.block.lex_decls, "b", DECL_LET));
    assert_true(has_decl(blk->as.block.lex_decls, "g", DECL_FUNCTION));
    ast_arena_fini(&a);
}

static void test_parser_marks_annex_b_block_functions_that_get_a_var_binding(void **state)
{
    (void)state;
    AstArena a;
    ast_arena_init(&a);
    Node *prog = parse_ok(&a,
                          "{ function f() {} }\nif (x) function g() {}\n"
                          "{ function k() {} }\nlet k\n"
                          "function m(p) { { function p() {} function q() {} } }\n"
                          "function s() { 'use strict'; { function t() {} } }\n",
                          PARSE_SCRIPT);
    AstDeclList top = prog->as.program.annexb_funcs;
    assert_int_equal(top.len, 2); /* f, g; k is blocked by the top-level let */
    assert_true(has_decl(top, "f", DECL_FUNCTION));
    assert_true(has_decl(top, "g", DECL_FUNCTION));
    Node *fblock = prog->as.program.body.items[0];
    assert_true(fblock->as.block.body.items[0]->as.function.flags & FUNC_ANNEXB_HOISTED);
    Node *kblock = prog->as.program.body.items[2];
    assert_false(kblock->as.block.body.items[0]->as.function.flags & FUNC_ANNEXB_HOISTED);
    Node *m = prog->as.program.body.items[4];
    assert_int_equal(m->as.function.annexb_funcs.len, 1); /* q; p is a parameter */
    assert_true(has_decl(m->as.function.annexb_funcs, "q", DECL_FUNCTION));
    Node *st = prog->as.program.body.items[5];
    assert_int_equal(st->as.function.annexb_funcs.len, 0); /* strict code: no Annex B */
    ast_arena_fini(&a);
}

static void test_parser_keeps_string_values_as_utf16_with_lone_surrogates(void **state)
{
    (void)state;
    AstArena a;
    ast_arena_init(&a);
    Node *prog = parse_ok(&a, "'\\uD800x'", PARSE_SCRIPT);
    Node *s = prog->as.program.body.items[0]->as.expr_stmt.expr;
    assert_int_equal(s->kind, NODE_STRING);
    assert_int_equal(s->as.string.value.len, 2);
    assert_int_equal(s->as.string.value.units[0], 0xD800);
    ast_arena_fini(&a);
}

static void test_parser_gives_each_tagged_template_a_site_id(void **state)
{
    (void)state;
    AstArena a;
    ast_arena_init(&a);
    Node *prog = parse_ok(&a, "f`a`; f`b${1}c`", PARSE_SCRIPT);
    assert_int_equal(prog->as.program.ntagged, 2);
    Node *t = prog->as.program.body.items[1]->as.expr_stmt.expr;
    assert_int_equal(t->as.tagged.site_id, 1);
    assert_int_equal(t->as.tagged.quasi->as.template.nquasis, 2);
    ast_arena_fini(&a);
}

/* ---- modules and goals ------------------------------------------------------------ */

static void test_parser_parses_modules_with_top_level_await(void **state)
{
    (void)state;
    AstArena a;
    ast_arena_init(&a);
    Node *prog = parse_ok(&a,
                          "import d, {a as b, c} from './m.mjs'\nimport * as ns from 'n'\n"
                          "export const x = await d\nexport default class {}\n"
                          "export {b as y}\nexport * from 'z'\n",
                          PARSE_MODULE);
    assert_true(prog->as.program.is_module);
    assert_true(prog->as.program.strict);
    assert_true(prog->as.program.has_top_level_await);
    assert_int_equal(prog->as.program.body.items[0]->kind, NODE_IMPORT_DECL);
    assert_int_equal(prog->as.program.body.items[0]->as.import_decl.specifiers.len, 3);
    ast_arena_fini(&a);
    assert_error("await 1", "1:1: SyntaxError: await is only valid in async functions and the "
                            "top level bodies of modules");
    assert_error("return 1", "1:1: SyntaxError: Illegal return statement");
    char *cjs = parse_to_string("if (x) return\nnew.target", 24, PARSE_COMMONJS, false);
    assert_string_equal(cjs, "(program (if (id x) (return)) (expr (meta new.target)))");
    free(cjs);
    assert_error_goal("var await", PARSE_MODULE, "1:5: SyntaxError: Unexpected reserved word");
    assert_error_goal("export { nope }", PARSE_MODULE,
                      "1:10: SyntaxError: Export 'nope' is not defined in module");
}

/* ---- errors ----------------------------------------------------------------------- */

static void test_parser_reports_early_errors_like_node(void **state)
{
    (void)state;
    assert_error("let a; let a", "1:12: SyntaxError: Identifier 'a' has already been declared");
    assert_error("f(1", "1:3: SyntaxError: missing ) after argument list");
    assert_error("(", "1:2: SyntaxError: Unexpected end of input");
    assert_error("x = )", "1:5: SyntaxError: Unexpected token ')'");
    assert_error("x = 1 y", "1:7: SyntaxError: Unexpected identifier 'y'");
    assert_error("x = 1 async", "1:7: SyntaxError: Unexpected token 'async'");
    assert_error("x = 1 enum", "1:7: SyntaxError: Unexpected reserved word");
    assert_error("(a,)", "1:4: SyntaxError: Unexpected token ')'");
    assert_error("()", "1:2: SyntaxError: Unexpected token ')'");
    assert_error("[(a)] = 1; ({a}) = 1", "1:12: SyntaxError: Invalid left-hand side in assignment");
    assert_error("({a() {}} = 1)", "1:3: SyntaxError: Invalid destructuring assignment target");
    assert_error("async function f() { for await (x in y) {} }",
                 "1:35: SyntaxError: Unexpected token 'in'");
    assert_error("class A { static x = arguments }",
                 "1:22: SyntaxError: 'arguments' is not allowed in class field initializer or "
                 "static initialization block");
    assert_error("label: { break label; continue label }",
                 "1:32: SyntaxError: Illegal continue statement: 'label' does not denote an "
                 "iteration statement");
    assert_error("\"use strict\"; function f() { 010 }",
                 "1:30: SyntaxError: Octal literals are not allowed in strict mode.");
    assert_error("function f() { \"use strict\"; \"\\01\" }",
                 "1:32: SyntaxError: Octal escape sequences are not allowed in strict mode.");
    assert_error("`${a`", "1:6: SyntaxError: Unexpected end of input");
    assert_error("x = `a${b c}`", "1:9: SyntaxError: Missing } in template expression");
}

static char *read_file(const char *path, size_t *len)
{
    StrBuf sb;
    strbuf_init(&sb);
    if (!strbuf_read_file(&sb, path)) {
        strbuf_fini(&sb);
        return NULL;
    }
    char *s = strbuf_take(&sb, len);
    strbuf_fini(&sb);
    return s;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the *.js / *.mjs files in dir, sorted (caller frees each and the array). */
static char **list_js(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("cannot open %s (run from the repository root or set PARSE_TESTS)", dir);
    char **names = NULL;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        bool js = (l > 3 && strcmp(e->d_name + l - 3, ".js") == 0) ||
                  (l > 4 && strcmp(e->d_name + l - 4, ".mjs") == 0);
        if (!js)
            continue;
        names = realloc(names, (size_t)(n + 1) * sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, name_cmp);
    *count = n;
    return names;
}

static void test_parser_reports_every_error_of_tests_parse_errors_like_node(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/errors", tests_dir());
    int n;
    char **names = list_js(dir, &n);
    assert_true(n >= 100);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *src = read_file(path, &len);
        assert_non_null(src);
        const char *tag = "// expect error: ";
        assert_true(strncmp(src, tag, strlen(tag)) == 0);
        const char *want = src + strlen(tag);
        size_t want_len = strcspn(want, "\n");
        const char *note = strstr(want, " // ");
        if (note && note < want + want_len)
            want_len = (size_t)(note - want);
        bool module = strstr(names[i], ".mjs") != NULL;
        char *got = parse_to_string(src, len, module ? PARSE_MODULE : PARSE_SCRIPT, false);
        if (strncmp(got, "ERROR ", 6) != 0 || strlen(got + 6) != want_len ||
            strncmp(got + 6, want, want_len) != 0) {
            print_error("%s\n  expect: %.*s\n  got:    %s\n", path, (int)want_len, want, got);
            failures++;
        }
        free(got);
        free(src);
        free(names[i]);
    }
    free(names);
    assert_int_equal(failures, 0);
}

/* Parses every .js file of dir as a script; returns how many failed, adds the count read. */
static int parse_every_script_in(const char *dir, int *nfiles)
{
    int n;
    char **names = list_js(dir, &n);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *src = read_file(path, &len);
        assert_non_null(src);
        char *got = parse_to_string(src, len, PARSE_SCRIPT, false);
        if (strncmp(got, "ERROR", 5) == 0) {
            print_error("%s: %s\n", path, got);
            failures++;
        }
        free(got);
        free(src);
        free(names[i]);
    }
    free(names);
    *nfiles += n;
    return failures;
}

/* The seeds' whole programs are the .js files of samples/ (next to tests/); the code
 * fragments of the seeds that no sample holds are in tests/parse/seeds. */
static void test_parser_parses_every_code_example_of_the_seeds(void **state)
{
    (void)state;
    char dir[512];
    int nfiles = 0, failures = 0;
    snprintf(dir, sizeof dir, "%s/../../samples", tests_dir());
    failures += parse_every_script_in(dir, &nfiles);
    assert_true(nfiles >= 20);
    snprintf(dir, sizeof dir, "%s/seeds", tests_dir());
    failures += parse_every_script_in(dir, &nfiles);
    assert_true(nfiles >= 27);
    assert_int_equal(failures, 0);
}

static void test_parser_formats_errors_with_the_source_line_and_a_caret(void **state)
{
    (void)state;
    const char *src = "let a = 1\n\tlet a = 2\n";
    AstArena a;
    ast_arena_init(&a);
    ParseError err;
    assert_null(parse_program(&a, src, strlen(src), PARSE_SCRIPT, &err));
    StrBuf out;
    strbuf_init(&out);
    parse_error_format(&err, "x.js", src, strlen(src), &out);
    assert_string_equal(out.data, "x.js:2:6: SyntaxError: Identifier 'a' has already been declared\n"
                                  "\tlet a = 2\n"
                                  "\t    ^\n");
    strbuf_fini(&out);
    ast_arena_fini(&a);
}

static void test_parser_bounds_nesting_depth_with_a_range_error(void **state)
{
    (void)state;
    const char *opens[] = {"(", "[", "{", "!", "a=>", "`${", "function f(){", "-", "new ", "x.y+"};
    for (size_t i = 0; i < ARRAY_LEN(opens); i++) {
        StrBuf sb;
        strbuf_init(&sb);
        for (int k = 0; k < 100000; k++)
            strbuf_puts(&sb, opens[i]);
        char *got = parse_to_string(sb.data, sb.len, PARSE_SCRIPT, false);
        if (!strstr(got, "RangeError: Maximum call stack size exceeded"))
            fail_msg("%s x 100000: %s", opens[i], got);
        free(got);
        strbuf_fini(&sb);
    }
    /* well under the bound still parses */
    StrBuf sb;
    strbuf_init(&sb);
    for (int k = 0; k < 200; k++)
        strbuf_putc(&sb, '(');
    strbuf_putc(&sb, '1');
    for (int k = 0; k < 200; k++)
        strbuf_putc(&sb, ')');
    char *got = parse_to_string(sb.data, sb.len, PARSE_SCRIPT, false);
    assert_string_equal(got, "(program (expr (number 1)))");
    free(got);
    strbuf_fini(&sb);
}

/* ---- robustness ------------------------------------------------------------------- */

static uint64_t rng_state = 88172645463325252ULL;
static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)rng_state;
}

static void test_parser_survives_random_bytes_and_token_soup(void **state)
{
    (void)state;
    static const char *const toks[] = {
        "(", ")", "{", "}", "[", "]", ";", ",", "=>", "=", "+", "++", "/", "/=", "*", "?.",
        "?", ":", "??", "...", ".", "`", "${", "`a${", "}`", "'s'", "1", "07", "a", "let",
        "const", "async", "await", "yield", "function", "function*", "class", "extends",
        "super", "new", "target", "this", "return", "if", "else", "for", "of", "in", "while",
        "do", "break", "continue", "try", "catch", "finally", "switch", "case", "default",
        "static", "get", "set", "#x", "import", "export", "\n", "/re/g", "\"use strict\"",
        "delete", "typeof", "label:", "eval", "arguments", "\\u0061", "\xc3\xa9", "/*c*/",
        "//c\n", "\xff", "#!"};
    for (int it = 0; it < 6000; it++) {
        StrBuf sb;
        strbuf_init(&sb);
        if (it % 2 == 0) {
            int n = (int)(rng() % 48);
            for (int i = 0; i < n; i++)
                strbuf_putc(&sb, (char)(rng() & 0xff));
        } else {
            int n = (int)(rng() % 32);
            for (int i = 0; i < n; i++) {
                strbuf_puts(&sb, toks[rng() % ARRAY_LEN(toks)]);
                if (rng() % 3 == 0)
                    strbuf_putc(&sb, ' ');
            }
        }
        for (int goal = PARSE_SCRIPT; goal <= PARSE_COMMONJS; goal++) {
            AstArena a;
            ast_arena_init(&a);
            ParseError err;
            Node *prog = parse_program(&a, sb.data, sb.len, (ParseGoal)goal, &err);
            StrBuf out;
            strbuf_init(&out);
            if (prog) {
                ast_dump(prog, &out, true);
            } else {
                assert_true(err.pos.line >= 1 && err.pos.col >= 1);
                assert_true(err.message[0] != 0);
                parse_error_format(&err, "f.js", sb.data, sb.len, &out);
            }
            strbuf_fini(&out);
            ast_arena_fini(&a);
        }
        strbuf_fini(&sb);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parser_builds_the_expected_tree_for_representative_programs),
        cmocka_unit_test(test_parser_records_positions_of_first_tokens),
        cmocka_unit_test(test_parser_sets_function_flags_the_compiler_needs),
        cmocka_unit_test(test_parser_lists_declared_names_per_scope),
        cmocka_unit_test(test_parser_marks_annex_b_block_functions_that_get_a_var_binding),
        cmocka_unit_test(test_parser_keeps_string_values_as_utf16_with_lone_surrogates),
        cmocka_unit_test(test_parser_gives_each_tagged_template_a_site_id),
        cmocka_unit_test(test_parser_parses_modules_with_top_level_await),
        cmocka_unit_test(test_parser_reports_early_errors_like_node),
        cmocka_unit_test(test_parser_reports_every_error_of_tests_parse_errors_like_node),
        cmocka_unit_test(test_parser_parses_every_code_example_of_the_seeds),
        cmocka_unit_test(test_parser_formats_errors_with_the_source_line_and_a_caret),
        cmocka_unit_test(test_parser_bounds_nesting_depth_with_a_range_error),
        cmocka_unit_test(test_parser_survives_random_bytes_and_token_soup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
