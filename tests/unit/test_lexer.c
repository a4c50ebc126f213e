/* test_lexer.c — tracer/lexer: token kinds, the newline_before flag that ASI needs, the
 * parser-driven rescans (regex vs division, template continuation), numeric literal forms
 * (correctly rounded), string and template escapes (UTF-16, lone surrogates), identifiers
 * with escapes and non-ASCII letters, positions in UTF-16 columns, and the V8 messages
 * of malformed tokens. Expected values were checked against node 20. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tracer/ast.h"
#include "tracer/lexer.h"

/* ---- helpers ---------------------------------------------------------------------- */

typedef struct {
    AstArena arena;
    Lexer lx;
    Token tok;
} Lx;

static void lx_open(Lx *l, const char *src)
{
    ast_arena_init(&l->arena);
    lex_init(&l->lx, src, strlen(src), &l->arena);
}

static void lx_close(Lx *l)
{
    lex_fini(&l->lx);
    ast_arena_fini(&l->arena);
}

static Token *lx_next(Lx *l)
{
    lex_next(&l->lx, &l->tok);
    return &l->tok;
}

/* The kinds of all tokens of src (up to 64), ending with TOK_EOF or TOK_ERROR. */
static int kinds_of(const char *src, TokenKind *out, int max)
{
    Lx l;
    lx_open(&l, src);
    int n = 0;
    for (;;) {
        Token *t = lx_next(&l);
        if (n < max)
            out[n] = t->kind;
        n++;
        if (t->kind == TOK_EOF || t->kind == TOK_ERROR)
            break;
    }
    lx_close(&l);
    return n;
}

/* The only token of src must be a number: its value. */
static double number_of(const char *src)
{
    Lx l;
    lx_open(&l, src);
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_NUMBER);
    double v = t->num;
    assert_int_equal(lx_next(&l)->kind, TOK_EOF);
    lx_close(&l);
    return v;
}

/* The error message and "line:col" for the first malformed token of src. */
static void assert_lex_error(const char *src, const char *pos, const char *message)
{
    Lx l;
    lx_open(&l, src);
    for (int i = 0; i < 100; i++) {
        Token *t = lx_next(&l);
        if (t->kind == TOK_ERROR)
            break;
        if (t->kind == TOK_EOF)
            fail_msg("no error in %s", src);
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%u:%u", l.lx.error_pos.line, l.lx.error_pos.col);
    assert_string_equal(l.lx.error, message);
    assert_string_equal(buf, pos);
    lx_close(&l);
}

static void assert_str16(AstStr16 s, const uint16_t *expect, size_t n)
{
    assert_int_equal(s.len, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(s.units[i], expect[i]);
}

/* ---- tokens ----------------------------------------------------------------------- */

static void test_lexer_scans_longest_punctuators(void **state)
{
    (void)state;
    TokenKind k[16];
    int n = kinds_of(">>>= ?. ?.5 ... => **= ?\?= &&=", k, 16);
    assert_int_equal(n, 10);
    assert_int_equal(k[0], TOK_SHR_ASSIGN);
    assert_int_equal(k[1], TOK_QUESTION_DOT);
    /* ?.5 is `?` then `.5` (OptionalChainingPunctuator lookahead) */
    assert_int_equal(k[2], TOK_QUESTION);
    assert_int_equal(k[3], TOK_NUMBER);
    assert_int_equal(k[4], TOK_ELLIPSIS);
    assert_int_equal(k[5], TOK_ARROW);
    assert_int_equal(k[6], TOK_STAR_STAR_ASSIGN);
    assert_int_equal(k[7], TOK_QQ_ASSIGN);
    assert_int_equal(k[8], TOK_AND_AND_ASSIGN);
    assert_int_equal(k[9], TOK_EOF);
}

static void test_lexer_tells_keywords_from_contextual_words(void **state)
{
    (void)state;
    TokenKind k[8];
    kinds_of("typeof async let await yield of", k, 8);
    assert_int_equal(k[0], TOK_TYPEOF);
    for (int i = 1; i <= 5; i++)
        assert_int_equal(k[i], TOK_IDENT);
    assert_true(lex_is_reserved_word("enum", 4));
    assert_false(lex_is_reserved_word("let", 3));
    assert_true(lex_is_strict_reserved_word("let", 3));
    assert_true(lex_is_strict_reserved_word("implements", 10));
}

static void test_lexer_sets_newline_before_for_asi(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "return\nx /* a\ncomment */ y /* same line */ z\u2028w");
    assert_false(lx_next(&l)->newline_before); /* return */
    assert_true(lx_next(&l)->newline_before);  /* x */
    assert_true(lx_next(&l)->newline_before);  /* y: the comment spans a line */
    assert_false(lx_next(&l)->newline_before); /* z */
    assert_true(lx_next(&l)->newline_before);  /* w after U+2028 */
    lx_close(&l);
}

static void test_lexer_scans_slash_as_division_until_the_parser_rescans_it(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "/a[/]b\\//gi.x");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_SLASH);
    assert_true(lex_rescan_regexp(&l.lx, t));
    assert_int_equal(t->kind, TOK_REGEXP);
    assert_string_equal(t->name.s, "a[/]b\\/");
    assert_string_equal(t->flags.s, "gi");
    assert_int_equal(lx_next(&l)->kind, TOK_DOT);
    lx_close(&l);

    lx_open(&l, "/=x/");
    t = lx_next(&l);
    assert_int_equal(t->kind, TOK_SLASH_ASSIGN);
    assert_true(lex_rescan_regexp(&l.lx, t));
    assert_string_equal(t->name.s, "=x");
    lx_close(&l);
}

static void test_lexer_rescans_template_continuations(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "`a${x}b${y}c`");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_TEMPLATE_HEAD);
    assert_str16(t->str, (const uint16_t[]){'a'}, 1);
    assert_int_equal(lx_next(&l)->kind, TOK_IDENT);
    t = lx_next(&l);
    assert_int_equal(t->kind, TOK_RBRACE);
    assert_true(lex_rescan_template(&l.lx, t));
    assert_int_equal(t->kind, TOK_TEMPLATE_MIDDLE);
    assert_str16(t->str, (const uint16_t[]){'b'}, 1);
    assert_int_equal(lx_next(&l)->kind, TOK_IDENT);
    t = lx_next(&l);
    assert_true(lex_rescan_template(&l.lx, t));
    assert_int_equal(t->kind, TOK_TEMPLATE_TAIL);
    assert_str16(t->str, (const uint16_t[]){'c'}, 1);
    assert_int_equal(lx_next(&l)->kind, TOK_EOF);
    lx_close(&l);
}

static void test_lexer_normalizes_template_line_ends_in_cooked_and_raw(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "`a\r\nb\rc\\\r\nd\\n`");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_TEMPLATE);
    assert_true(t->cooked_valid);
    /* cooked: a LF b LF c (line continuation removed) d LF */
    assert_str16(t->str, (const uint16_t[]){'a', '\n', 'b', '\n', 'c', 'd', '\n'}, 7);
    /* raw: CR and CRLF become LF, escapes stay */
    assert_str16(t->raw, (const uint16_t[]){'a', '\n', 'b', '\n', 'c', '\\', '\n', 'd', '\\', 'n'},
                 10);
    assert_int_equal(lx_next(&l)->pos.line, 4);
    lx_close(&l);
}

static void test_lexer_marks_invalid_template_escapes_for_tagged_templates(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "`\\unicode and \\xg`");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_TEMPLATE);
    assert_false(t->cooked_valid);
    assert_string_equal(t->invalid_escape_msg, "Invalid Unicode escape sequence");
    assert_int_equal(t->invalid_escape_pos.col, 2);
    assert_int_equal(t->raw.len, 16);
    lx_close(&l);
}

/* ---- numbers ---------------------------------------------------------------------- */

static void test_lexer_reads_every_numeric_literal_form(void **state)
{
    (void)state;
    assert_true(number_of("0") == 0.0);
    assert_true(number_of("1.5e3") == 1500.0);
    assert_true(number_of(".5") == 0.5);
    assert_true(number_of("5.") == 5.0);
    assert_true(number_of("1E-7") == 1e-7);
    assert_true(number_of("0x1F") == 31.0);
    assert_true(number_of("0XfF") == 255.0);
    assert_true(number_of("0o17") == 15.0);
    assert_true(number_of("0b101") == 5.0);
    assert_true(number_of("1_000_000") == 1e6);
    assert_true(number_of("0xF_F") == 255.0);
    assert_true(number_of("0.1") == 0.1);
    assert_true(number_of("123456789012345678901234567890") == 123456789012345678901234567890.0);
    assert_true(isinf(number_of("1e400")));
}

static void test_lexer_rounds_hex_literals_half_to_even(void **state)
{
    (void)state;
    /* 2^53 + 1 rounds down to 2^53, 2^53 + 3 rounds up to 2^53 + 4 (node agrees) */
    assert_true(number_of("0x20000000000001") == 9007199254740992.0);
    assert_true(number_of("0x20000000000003") == 9007199254740996.0);
    /* above 2^64: sticky bits beyond the kept 64 still round correctly */
    assert_true(number_of("0x1000000000000080000000000000001") == ldexp(1.0, 120) + ldexp(1.0, 68));
    assert_true(number_of("0x1000000000000080000000000000000") == ldexp(1.0, 120)); /* tie: even */
    assert_true(number_of("0xFFFFFFFFFFFFFFFFFF") == 4722366482869645213696.0);
}

static void test_lexer_flags_legacy_octal_for_strict_mode(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "017 08 09.5 00");
    Token *t = lx_next(&l);
    assert_true(t->legacy_octal && !t->leading_zero_decimal);
    assert_true(t->num == 15.0);
    t = lx_next(&l);
    assert_true(t->legacy_octal && t->leading_zero_decimal);
    assert_true(t->num == 8.0);
    t = lx_next(&l);
    assert_true(t->num == 9.5);
    t = lx_next(&l);
    assert_true(t->legacy_octal && t->num == 0.0);
    lx_close(&l);
}

static void test_lexer_reports_malformed_numbers_with_v8_messages(void **state)
{
    (void)state;
    assert_lex_error("x = 1__0", "1:7", "Only one underscore is allowed as numeric separator");
    assert_lex_error("x = 0_1", "1:6", "Numeric separator can not be used after leading 0.");
    assert_lex_error("x = 1_e5", "1:7",
                     "Numeric separators are not allowed at the end of numeric literals");
    assert_lex_error("x = 3in x", "1:5", "Invalid or unexpected token");
    assert_lex_error("x = 0b12", "1:5", "Invalid or unexpected token");
    assert_lex_error("x = 0x", "1:5", "Invalid or unexpected token");
    assert_lex_error("x = 1.e", "1:5", "Invalid or unexpected token");
    assert_lex_error("x = 10n", "1:5", "BigInt literals are not supported yet");
}

/* ---- strings and identifiers ------------------------------------------------------ */

static void test_lexer_decodes_string_escapes_to_utf16(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "'\\n\\x41\\u0042\\u{1F600}\\uD800\\0\\101\\q\\\nz\xe2\x80\xa8'");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_STRING);
    const uint16_t want[] = {'\n', 'A', 'B', 0xD83D, 0xDE00, 0xD800, 0, 'A', 'q', 'z', 0x2028};
    assert_str16(t->str, want, ARRAY_LEN(want));
    assert_true(t->octal_escape); /* \101 */
    lx_close(&l);
}

static void test_lexer_decodes_non_ascii_source_to_utf16(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xff\"");
    Token *t = lx_next(&l);
    /* é 中 😀 (a surrogate pair) and an invalid byte as U+FFFD */
    assert_str16(t->str, (const uint16_t[]){0xE9, 0x4E2D, 0xD83D, 0xDE00, 0xFFFD}, 5);
    lx_close(&l);
}

static void test_lexer_decodes_identifier_escapes_and_flags_escaped_keywords(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "\\u0061b\\u{63} caf\xc3\xa9 v\\u0061r $_x");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_IDENT);
    assert_string_equal(t->name.s, "abc");
    assert_true(t->escaped);
    t = lx_next(&l);
    assert_string_equal(t->name.s, "caf\xc3\xa9");
    t = lx_next(&l);
    assert_int_equal(t->kind, TOK_IDENT); /* an escaped keyword is never a keyword token */
    assert_string_equal(t->name.s, "var");
    assert_true(t->escaped);
    t = lx_next(&l);
    assert_string_equal(t->name.s, "$_x");
    lx_close(&l);
    assert_true(lex_is_id_start(0x4E2D));
    assert_false(lex_is_id_start(0x1F600));
    assert_true(lex_is_id_part(0x200D));
}

static void test_lexer_scans_private_names(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "#x #");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_PRIVATE_NAME);
    assert_string_equal(t->name.s, "x");
    assert_int_equal(lx_next(&l)->kind, TOK_ERROR);
    lx_close(&l);
}

static void test_lexer_reports_malformed_tokens_with_v8_messages(void **state)
{
    (void)state;
    assert_lex_error("x = 'ab\ncd'", "1:5", "Invalid or unexpected token");
    assert_lex_error("x = 1;\n/* abc", "2:1", "Invalid or unexpected token");
    assert_lex_error("x = \"ab\\x4g\"", "1:8", "Invalid hexadecimal escape sequence");
    assert_lex_error("x = \"ab\\u{110000}\"", "1:8", "Undefined Unicode code-point");
    assert_lex_error("x = `abc", "1:9", "Unexpected end of input");
    assert_lex_error("x = @", "1:5", "Invalid or unexpected token");
    assert_lex_error("\\u0030b", "1:1", "Invalid or unexpected token");
}

static void test_lexer_validates_regexp_flags(void **state)
{
    (void)state;
    const char *bad[] = {"/a/gg", "/a/z", "/a/uv"};
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        Lx l;
        lx_open(&l, bad[i]);
        Token *t = lx_next(&l);
        assert_false(lex_rescan_regexp(&l.lx, t));
        assert_string_equal(l.lx.error, "Invalid regular expression flags");
        lx_close(&l);
    }
    Lx l;
    lx_open(&l, "/abc\n/");
    assert_false(lex_rescan_regexp(&l.lx, lx_next(&l)));
    assert_string_equal(l.lx.error, "Invalid regular expression: missing /");
    lx_close(&l);
}

/* ---- positions -------------------------------------------------------------------- */

static void test_lexer_counts_columns_in_utf16_units_like_node(void **state)
{
    (void)state;
    Lx l;
    /* node: `var s="😀😀"; let s` reports the second s at 1:19 */
    lx_open(&l, "var s=\"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\"; let s");
    Token *t = NULL;
    for (int i = 0; i < 7; i++)
        t = lx_next(&l);
    assert_string_equal(t->name.s, "s");
    assert_int_equal(t->pos.line, 1);
    assert_int_equal(t->pos.col, 19);
    assert_int_equal(t->pos.offset, 22);
    lx_close(&l);

    lx_open(&l, "\xc3\xa9\xe4\xb8\xad = 1"); /* é中: 1 unit each */
    t = lx_next(&l);
    t = lx_next(&l);
    assert_int_equal(t->pos.col, 4);
    lx_close(&l);
}

static void test_lexer_counts_lines_for_every_line_terminator(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "a\r\nb\rc\nd\xe2\x80\xa8" "e\xe2\x80\xa9\tf");
    const unsigned lines[] = {1, 2, 3, 4, 5, 6};
    for (int i = 0; i < 6; i++) {
        Token *t = lx_next(&l);
        assert_int_equal(t->pos.line, lines[i]);
        assert_int_equal(t->pos.col, i == 5 ? 2 : 1);
    }
    lx_close(&l);
}

static void test_lexer_skips_bom_and_hashbang(void **state)
{
    (void)state;
    Lx l;
    lx_open(&l, "\xef\xbb\xbf#!/usr/bin/env node\nx");
    Token *t = lx_next(&l);
    assert_int_equal(t->kind, TOK_IDENT);
    assert_int_equal(t->pos.line, 2);
    assert_int_equal(t->pos.col, 1);
    lx_close(&l);
}

static void test_lexer_never_reads_past_the_end_of_truncated_input(void **state)
{
    (void)state;
    /* every prefix of a token-rich text scans to EOF or ERROR */
    const char *text = "`a${'\\u{1F600}'}` /re[/]/g 0x1_F \\u0061 #p \xf0\x9f\x98 '\\";
    size_t n = strlen(text);
    for (size_t len = 0; len <= n; len++) {
        char *copy = malloc(len ? len : 1); /* no NUL: ASan catches any over-read */
        memcpy(copy, text, len);
        AstArena a;
        ast_arena_init(&a);
        Lexer lx;
        lex_init(&lx, copy, len, &a);
        Token t;
        for (int i = 0; i < 64; i++) {
            lex_next(&lx, &t);
            if (t.kind == TOK_SLASH)
                lex_rescan_regexp(&lx, &t);
            if (t.kind == TOK_EOF || t.kind == TOK_ERROR)
                break;
        }
        lex_fini(&lx);
        ast_arena_fini(&a);
        free(copy);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexer_scans_longest_punctuators),
        cmocka_unit_test(test_lexer_tells_keywords_from_contextual_words),
        cmocka_unit_test(test_lexer_sets_newline_before_for_asi),
        cmocka_unit_test(test_lexer_scans_slash_as_division_until_the_parser_rescans_it),
        cmocka_unit_test(test_lexer_rescans_template_continuations),
        cmocka_unit_test(test_lexer_normalizes_template_line_ends_in_cooked_and_raw),
        cmocka_unit_test(test_lexer_marks_invalid_template_escapes_for_tagged_templates),
        cmocka_unit_test(test_lexer_reads_every_numeric_literal_form),
        cmocka_unit_test(test_lexer_rounds_hex_literals_half_to_even),
        cmocka_unit_test(test_lexer_flags_legacy_octal_for_strict_mode),
        cmocka_unit_test(test_lexer_reports_malformed_numbers_with_v8_messages),
        cmocka_unit_test(test_lexer_decodes_string_escapes_to_utf16),
        cmocka_unit_test(test_lexer_decodes_non_ascii_source_to_utf16),
        cmocka_unit_test(test_lexer_decodes_identifier_escapes_and_flags_escaped_keywords),
        cmocka_unit_test(test_lexer_scans_private_names),
        cmocka_unit_test(test_lexer_reports_malformed_tokens_with_v8_messages),
        cmocka_unit_test(test_lexer_validates_regexp_flags),
        cmocka_unit_test(test_lexer_counts_columns_in_utf16_units_like_node),
        cmocka_unit_test(test_lexer_counts_lines_for_every_line_terminator),
        cmocka_unit_test(test_lexer_skips_bom_and_hashbang),
        cmocka_unit_test(test_lexer_never_reads_past_the_end_of_truncated_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
