/* test_regexp.c — the regular-expression engine on its own (regexp.h): the parse with
 * V8's early-error texts, the pattern semantics of ecma262 #sec-pattern-semantics
 * (alternation order, greedy and lazy quantifiers, the empty-iteration check, captures
 * reset per iteration, backreferences, lookahead and lookbehind, case folding, u mode),
 * and the matcher's limits: a catastrophic pattern stops cleanly through the poll hook,
 * and the backtrack stack bound gives RE_OVERFLOW instead of exhausting memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracer/regexp.h"

/* Units of an ASCII/UTF-8 C string with \uXXXX written as "\\uXXXX" left alone: these
 * tests use plain ASCII subjects, and u16 literals where they need more. */
static uint32_t to_units(const char *s, uint16_t *out) {
    uint32_t n = 0;
    for (; *s; s++)
        out[n++] = (uint8_t)*s;
    return n;
}

static unsigned flags_of(const char *f) {
    uint16_t u[16];
    uint32_t n = to_units(f, u);
    unsigned flags = 0;
    assert_true(re_parse_flags(u, n, &flags));
    return flags;
}

static char result[1024];

/* "nomatch", or the groups as "start-end" ("-" when undefined) joined by spaces. */
static const char *run16(const char *pat, const char *flags, const uint16_t *subj,
                         uint32_t len, uint32_t start) {
    uint16_t p[512];
    char err[256];
    uint32_t plen = to_units(pat, p);
    ReProg *prog = re_compile(p, plen, flags_of(flags), err, sizeof err);
    if (!prog) {
        snprintf(result, sizeof result, "error: %s", err);
        return result;
    }
    int32_t caps[64];
    ReInput in = {.data = subj, .wide = true, .len = len};
    ReResult r = re_exec(prog, &in, start, caps);
    if (r != RE_MATCH) {
        snprintf(result, sizeof result, "%s", r == RE_NO_MATCH ? "nomatch" : "limit");
    } else {
        result[0] = 0;
        for (uint32_t i = 0; i < re_capture_count(prog); i++) {
            size_t at = strlen(result);
            if (caps[2 * i] < 0)
                snprintf(result + at, sizeof result - at, "%s-", i ? " " : "");
            else
                snprintf(result + at, sizeof result - at, "%s%d-%d", i ? " " : "", caps[2 * i],
                         caps[2 * i + 1]);
        }
    }
    re_free(prog);
    return result;
}

static const char *run(const char *pat, const char *flags, const char *subj) {
    uint16_t s[512];
    uint32_t n = to_units(subj, s);
    return run16(pat, flags, s, n, 0);
}

static const char *compile_error(const char *pat, const char *flags) {
    uint16_t p[256];
    uint32_t n = to_units(pat, p);
    ReProg *prog = re_compile(p, n, flags_of(flags), result, sizeof result);
    if (prog) {
        re_free(prog);
        return "ok";
    }
    return result;
}

static void test_regexp_alternation_tries_left_to_right(void **state) {
    (void)state;
    assert_string_equal(run("a|ab", "", "abc"), "0-1");
    assert_string_equal(run("((a)|(ab))((c)|(bc))", "", "abc"), "0-3 0-1 0-1 - 1-3 - 1-3");
    assert_string_equal(run("x|y|z", "", "--z"), "2-3");
    assert_string_equal(run("", "", "abc"), "0-0");
}

static void test_regexp_quantifiers_are_greedy_or_lazy(void **state) {
    (void)state;
    assert_string_equal(run("a[a-z]{2,4}", "", "abcdefghi"), "0-5");
    assert_string_equal(run("a[a-z]{2,4}?", "", "abcdefghi"), "0-3");
    assert_string_equal(run("(aa|aabaac|ba|b|c)*", "", "aabaac"), "0-4 2-4");
    assert_string_equal(run("a*?b", "", "aaab"), "0-4");
    assert_string_equal(run("<.*>", "", "<a><b>"), "0-6");
    assert_string_equal(run("<.*?>", "", "<a><b>"), "0-3");
    assert_string_equal(run("(?:ab){2}", "", "abababx"), "0-4");
    assert_string_equal(run("x{2,}", "", "xxxxy"), "0-4");
    assert_string_equal(run("^\\d+$", "", "12345"), "0-5");
    assert_string_equal(run("^\\d+$", "", "123a45"), "nomatch");
}

/* #sec-runtime-semantics-repeatmatcher-abstract-operation: captures inside a quantified
 * group are reset at each iteration, and an empty iteration past min fails. */
static void test_regexp_repeat_resets_captures_and_stops_on_empty(void **state) {
    (void)state;
    assert_string_equal(run("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac"), "0-10 0-1 8-10 8-9 - 9-10");
    assert_string_equal(run("(a*)*", "", "b"), "0-0 -");
    assert_string_equal(run("(a*)b\\1+", "", "baaaac"), "0-1 0-0");
    assert_string_equal(run("(?:a|b*)*c", "", "abbac"), "0-5");
    assert_string_equal(run("(a?)??", "", "a"), "0-0 -");
}

static void test_regexp_groups_and_backreferences(void **state) {
    (void)state;
    assert_string_equal(run("(\\w+)@(\\w+)", "", "mail me@host now"), "5-12 5-7 8-12");
    assert_string_equal(run("(a)\\1", "", "aa"), "0-2 0-1");
    assert_string_equal(run("\\1(a)", "", "aa"), "0-1 0-1"); /* forward reference: empty */
    assert_string_equal(run("(?<y>\\d{4})-\\k<y>", "", "2020-2020"), "0-9 0-4");
    assert_string_equal(run("(a)|b", "", "b"), "0-1 -");
    assert_string_equal(run("(A)\\1", "i", "aA"), "0-2 0-1");
}

static void test_regexp_lookaround(void **state) {
    (void)state;
    assert_string_equal(run("(?=(a+))a*b\\1", "", "baaabac"), "3-6 3-4");
    assert_string_equal(run("(?=(a+))", "", "baaabac"), "1-1 1-4");
    assert_string_equal(run("(.*?)a(?!(a+)b\\2c)\\2(.*)", "", "baaabaac"), "0-8 0-2 - 3-8");
    assert_string_equal(run("(?<=\\$)\\d+", "", "cost $42"), "6-8");
    assert_string_equal(run("(?<!\\$)\\b\\d+", "", "$4 2"), "3-4");
    assert_string_equal(run("(?<=(\\d+)(\\d+))$", "", "1053"), "4-4 0-1 1-4");
    assert_string_equal(run("(?<=\\1(a))b", "", "aab"), "2-3 1-2");
}

static void test_regexp_classes_anchors_and_flags(void **state) {
    (void)state;
    assert_string_equal(run("[^a-c]+", "", "abcdefa"), "3-6");
    assert_string_equal(run("[\\d.]+", "", "v1.25x"), "1-5");
    assert_string_equal(run("\\s+", "", "a \t\nb"), "1-4");
    assert_string_equal(run("\\bfoo\\b", "", "a foo."), "2-5");
    assert_string_equal(run("\\Boo", "", "foo"), "1-3");
    assert_string_equal(run("^b", "", "a\nb"), "nomatch");
    assert_string_equal(run("^b", "m", "a\nb"), "2-3");
    assert_string_equal(run("a$", "m", "a\nb"), "0-1");
    assert_string_equal(run("a.c", "", "a\nc"), "nomatch");
    assert_string_equal(run("a.c", "s", "a\nc"), "0-3");
    assert_string_equal(run("HELLO", "i", "say hello"), "4-9");
    assert_string_equal(run("[A-Z]+", "i", "abc1"), "0-3");
    assert_string_equal(run("b", "y", "ab"), "nomatch");
    assert_string_equal(run("[-a]", "", "x-"), "1-2");
    assert_string_equal(run("[\\w-]+", "", "a-b c"), "0-3");
}

/* Annex B (#sec-regular-expressions-patterns) without u: literal braces and brackets,
 * legacy octal, identity escapes; the same patterns are errors with u. */
static void test_regexp_annex_b_and_u_mode_errors(void **state) {
    (void)state;
    assert_string_equal(run("a{", "", "a{"), "0-2");
    assert_string_equal(run("]", "", "]"), "0-1");
    assert_string_equal(run("\\101", "", "A"), "0-1");
    assert_string_equal(run("\\8", "", "8"), "0-1");
    assert_string_equal(run("\\c", "", "\\c"), "0-2");
    assert_string_equal(run("\\k", "", "k"), "0-1");
    assert_string_equal(compile_error("(", ""), "Unterminated group");
    assert_string_equal(compile_error(")", ""), "Unmatched ')'");
    assert_string_equal(compile_error("a**", ""), "Nothing to repeat");
    assert_string_equal(compile_error("{1}", ""), "Nothing to repeat");
    assert_string_equal(compile_error("a{2,1}", ""), "numbers out of order in {} quantifier");
    assert_string_equal(compile_error("[b-a]", ""), "Range out of order in character class");
    assert_string_equal(compile_error("[a", ""), "Unterminated character class");
    assert_string_equal(compile_error("\\", ""), "\\ at end of pattern");
    assert_string_equal(compile_error("(?x)", ""), "Invalid group");
    assert_string_equal(compile_error("(?<a>x)(?<a>y)", ""), "Duplicate capture group name");
    assert_string_equal(compile_error("\\k<b>(?<a>x)", ""), "Invalid named capture referenced");
    assert_string_equal(compile_error("(?<1>x)", ""), "Invalid capture group name");
    assert_string_equal(compile_error("(?<=a)+", ""), "Invalid quantifier");
    assert_string_equal(compile_error("a{", "u"), "Incomplete quantifier");
    assert_string_equal(compile_error("}", "u"), "Lone quantifier brackets");
    assert_string_equal(compile_error("\\1", "u"), "Invalid escape");
    assert_string_equal(compile_error("\\-", "u"), "Invalid escape");
    assert_string_equal(compile_error("[\\d-a]", "u"), "Invalid character class");
    assert_string_equal(compile_error("\\u{110000}", "u"), "Invalid Unicode escape");
    assert_string_equal(compile_error("\\00", "u"), "Invalid decimal escape");
    assert_string_equal(compile_error("\\k", "u"), "Invalid named reference");
    assert_string_equal(compile_error("(?=a)+", "u"), "Invalid quantifier");
}

static void test_regexp_unicode_mode_reads_code_points(void **state) {
    (void)state;
    static const uint16_t pair[] = {0xd83d, 0xde00, 'x'}; /* U+1F600 then x */
    assert_string_equal(run16("^.x", "", pair, 3, 0), "nomatch");
    assert_string_equal(run16("^.x", "u", pair, 3, 0), "0-3");
    assert_string_equal(run16("\\u{1F600}", "u", pair, 3, 0), "0-2");
    assert_string_equal(run16("\\ud83d\\ude00", "u", pair, 3, 0), "0-2");
    assert_string_equal(run16("[\\u{1F600}-\\u{1F64F}]x", "u", pair, 3, 0), "0-3");
    /* a u-mode match never starts inside a pair */
    static const uint16_t lone[] = {0xd83d, 0xde00};
    assert_string_equal(run16("\\ude00", "u", lone, 2, 0), "nomatch");
    assert_string_equal(run16("\\ude00", "", lone, 2, 0), "1-2");
    /* simple case folding with u: U+017F (long s) matches s, and \w with u+i includes it */
    static const uint16_t longs[] = {0x17f};
    assert_string_equal(run16("s", "i", longs, 1, 0), "nomatch");
    assert_string_equal(run16("s", "ui", longs, 1, 0), "0-1");
    assert_string_equal(run16("\\w", "ui", longs, 1, 0), "0-1");
    assert_string_equal(run16("\\w", "i", longs, 1, 0), "nomatch");
    assert_true(re_canonicalize(0x3c3, false) == re_canonicalize(0x3a3, false)); /* σ Σ */
    /* property escapes: General_Category groups, Script, \P */
    static const uint16_t greek[] = {'a', 0x391, 0x3b2, '1'};
    assert_string_equal(run16("\\p{L}+", "u", greek, 4, 0), "0-3");
    assert_string_equal(run16("\\p{Script=Greek}+", "u", greek, 4, 0), "1-3");
    assert_string_equal(run16("\\P{L}", "u", greek, 4, 0), "3-4");
    assert_string_equal(compile_error("\\p{Nope}", "u"), "Invalid property name");
}

static int polls;
static bool stop_after_budget(void *ctx) {
    (void)ctx;
    return ++polls < 2000; /* about two million steps */
}

/* /(a*)*b/ on thirty a's needs exponentially many steps (node takes minutes): the
 * matcher polls its embedder, which stops it cleanly. */
static void test_regexp_catastrophic_pattern_stops_through_poll(void **state) {
    (void)state;
    uint16_t p[16], s[64];
    uint32_t plen = to_units("(a*)*b", p);
    for (int i = 0; i < 30; i++)
        s[i] = 'a';
    char err[64];
    ReProg *prog = re_compile(p, plen, 0, err, sizeof err);
    assert_non_null(prog);
    int32_t caps[4];
    polls = 0;
    ReInput in = {.data = s, .wide = true, .len = 30, .poll = stop_after_budget};
    assert_int_equal(re_exec(prog, &in, 0, caps), RE_ABORTED);
    assert_int_equal(polls, 2000);
    assert_int_equal(caps[0], -1);
    /* with a b at the end it matches at once */
    s[30] = 'b';
    in.len = 31;
    polls = 0;
    assert_int_equal(re_exec(prog, &in, 0, caps), RE_MATCH);
    assert_int_equal(caps[1], 31);
    re_free(prog);
}

/* Each iteration of a general loop logs its state; a small max_stack makes a long
 * subject overflow, which the built-in reports as V8's RangeError. */
static void test_regexp_backtrack_stack_is_bounded(void **state) {
    (void)state;
    uint16_t p[16];
    static uint16_t s[10000];
    uint32_t plen = to_units("(a|b)*c", p);
    for (int i = 0; i < 10000; i++)
        s[i] = 'a';
    char err[64];
    ReProg *prog = re_compile(p, plen, 0, err, sizeof err);
    assert_non_null(prog);
    int32_t caps[4];
    ReInput in = {.data = s, .wide = true, .len = 10000, .max_stack = 1000};
    assert_int_equal(re_exec(prog, &in, 0, caps), RE_OVERFLOW);
    in.max_stack = 0; /* the default bound is large enough */
    assert_int_equal(re_exec(prog, &in, 0, caps), RE_NO_MATCH);
    re_free(prog);
}

/* The v flag's class sets (#prod-ClassSetExpression): set operations on code points and
 * on \q strings, strings matched longest first (and backward in a lookbehind), case
 * folding before && and --, and the v-only early errors. */
static void test_regexp_unicode_sets(void **state) {
    (void)state;
    assert_string_equal(run("[[a-z]--[aeiou]]+", "v", "education"), "1-2");
    assert_string_equal(run("[\\w&&\\d]+", "v", "ab12c"), "2-4");
    assert_string_equal(run("[\\q{abc|ab|a}]", "v", "xabcx"), "1-4");
    assert_string_equal(run("[\\q{ab}--\\q{ab}]", "v", "ab"), "nomatch");
    assert_string_equal(run("[[\\q{ab|cd}]&&\\q{cd}]", "v", "abcd"), "2-4");
    assert_string_equal(run("^[\\q{}]$", "v", ""), "0-0");
    assert_string_equal(run("(?<=[\\q{ab|c}])x", "v", "abx"), "2-3");
    assert_string_equal(run("[^[^a-c]]+", "v", "zzabcz"), "2-5");
    assert_string_equal(run("[[a-z]&&[^aeiou]]", "vi", "AEB"), "2-3");
    assert_string_equal(run("[\\q{AB}]", "vi", "xaby"), "1-3");
    assert_string_equal(compile_error("[a&&&b]", "v"), "Invalid character in character class");
    assert_string_equal(compile_error("[(]", "v"), "Invalid character in character class");
    assert_string_equal(compile_error("[a!!b]", "v"), "Invalid set operation in character class");
    assert_string_equal(compile_error("[a&&b--c]", "v"), "Invalid set operation in character class");
    assert_string_equal(compile_error("[^\\q{ab}]", "v"), "Negated character class may contain strings");
    assert_string_equal(compile_error("[^\\q{ab}&&a]", "v"), "ok");
    assert_string_equal(compile_error("[[a]", "v"), "Unterminated character class");
    assert_string_equal(compile_error("[(]", "u"), "ok");
}

static void test_regexp_flags_parse_rejects_repeats_and_u_with_v(void **state) {
    (void)state;
    uint16_t u[8];
    unsigned f;
    assert_true(re_parse_flags(u, to_units("dgimsuy", u), &f));
    assert_int_equal(f, RE_FLAG_HAS_INDICES | RE_FLAG_GLOBAL | RE_FLAG_IGNORE_CASE |
                            RE_FLAG_MULTILINE | RE_FLAG_DOT_ALL | RE_FLAG_UNICODE |
                            RE_FLAG_STICKY);
    assert_false(re_parse_flags(u, to_units("gg", u), &f));
    assert_false(re_parse_flags(u, to_units("uv", u), &f));
    assert_false(re_parse_flags(u, to_units("x", u), &f));
}

/* ---- the Unicode property tables against node ------------------------------------------ */

typedef struct {
    uint32_t *r;
    uint32_t n, cap;
} Ranges;

static void ranges_add(void *ctx, uint32_t lo, uint32_t hi) {
    Ranges *rs = ctx;
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 64;
        rs->r = realloc(rs->r, rs->cap * 2 * sizeof(uint32_t));
    }
    rs->r[2 * rs->n] = lo;
    rs->r[2 * rs->n + 1] = hi;
    rs->n++;
}

static bool ranges_have(const Ranges *rs, uint32_t c) {
    for (uint32_t i = 0; i < rs->n; i++)
        if (c >= rs->r[2 * i] && c <= rs->r[2 * i + 1])
            return true;
    return false;
}

/* Every entry of the property tables (General_Category, Script, Script_Extensions, the
 * binary properties) answers like node's own \p{} for a sample of code points: a stride
 * through all of them (a different offset per entry) and both sides of every range
 * boundary. Skipped when node is not installed. */
static void test_regexp_property_tables_agree_with_node(void **state) {
    (void)state;
    if (system("command -v node >/dev/null 2>&1") != 0)
        skip();
    char dir[] = "/tmp/test_regexp.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char data[64], script[64], cmd[192];
    snprintf(data, sizeof data, "%s/points", dir);
    snprintf(script, sizeof script, "%s/ask.js", dir);
    FILE *js = fopen(script, "w");
    assert_non_null(js);
    fputs("const lines = require('fs').readFileSync(process.argv[2], 'utf8').trim().split('\\n');\n"
          "for (const l of lines) {\n"
          "  const [spec, pts] = l.split('\\t'), re = new RegExp('^\\\\p{' + spec + '}$', 'u');\n"
          "  let s = '';\n"
          "  for (const h of pts.split(',')) s += re.test(String.fromCodePoint(parseInt(h, 16))) ? '1' : '0';\n"
          "  console.log(s);\n"
          "}\n",
          js);
    fclose(js);
    FILE *f = fopen(data, "w");
    assert_non_null(f);
    char spec[96];
    uint32_t nprops = 0;
    Ranges *all = NULL;
    uint32_t **points = NULL, *npoints = NULL;
    for (uint32_t i = 0; re_unicode_property_entry(i, spec, sizeof spec); i++, nprops++) {
        all = realloc(all, (nprops + 1) * sizeof(Ranges));
        points = realloc(points, (nprops + 1) * sizeof(uint32_t *));
        npoints = realloc(npoints, (nprops + 1) * sizeof(uint32_t));
        Ranges *rs = &all[nprops];
        memset(rs, 0, sizeof *rs);
        char name[96], *eq;
        snprintf(name, sizeof name, "%s", spec);
        eq = strchr(name, '=');
        if (eq)
            *eq++ = 0;
        assert_true(re_unicode_property(name, eq, ranges_add, rs));
        uint32_t cap = 0x110000 / 257 + 4 * rs->n + 8, n = 0;
        uint32_t *pts = malloc(cap * sizeof(uint32_t));
        for (uint32_t c = (i * 31) % 257; c <= 0x10ffff; c += 257)
            pts[n++] = c;
        for (uint32_t k = 0; k < rs->n; k++) {
            uint32_t lo = rs->r[2 * k], hi = rs->r[2 * k + 1];
            if (lo > 0)
                pts[n++] = lo - 1;
            pts[n++] = lo;
            pts[n++] = hi;
            if (hi < 0x10ffff)
                pts[n++] = hi + 1;
        }
        points[nprops] = pts;
        npoints[nprops] = n;
        fprintf(f, "%s\t", spec);
        for (uint32_t k = 0; k < n; k++)
            fprintf(f, "%s%x", k ? "," : "", pts[k]);
        fputc('\n', f);
    }
    fclose(f);
    assert_true(nprops > 300);
    snprintf(cmd, sizeof cmd, "node %s %s", script, data);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t line_cap = 1 << 16;
    char *line = malloc(line_cap);
    uint32_t mismatches = 0;
    for (uint32_t i = 0; i < nprops; i++) {
        size_t len = 0;
        int ch;
        while ((ch = fgetc(p)) != EOF && ch != '\n') {
            if (len + 1 >= line_cap)
                line = realloc(line, line_cap *= 2);
            line[len++] = (char)ch;
        }
        line[len] = 0;
        assert_int_equal(len, npoints[i]);
        for (uint32_t k = 0; k < npoints[i]; k++) {
            bool mine = ranges_have(&all[i], points[i][k]);
            if (mine != (line[k] == '1') && mismatches++ < 10) {
                re_unicode_property_entry(i, spec, sizeof spec);
                fprintf(stderr, "\\p{%s} U+%04X: node %c, tables %d\n", spec, points[i][k],
                        line[k], mine);
            }
        }
        free(all[i].r);
        free(points[i]);
    }
    assert_int_equal(pclose(p), 0);
    free(line);
    free(all);
    free(points);
    free(npoints);
    remove(data);
    remove(script);
    rmdir(dir);
    assert_int_equal(mismatches, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regexp_alternation_tries_left_to_right),
        cmocka_unit_test(test_regexp_quantifiers_are_greedy_or_lazy),
        cmocka_unit_test(test_regexp_repeat_resets_captures_and_stops_on_empty),
        cmocka_unit_test(test_regexp_groups_and_backreferences),
        cmocka_unit_test(test_regexp_lookaround),
        cmocka_unit_test(test_regexp_classes_anchors_and_flags),
        cmocka_unit_test(test_regexp_annex_b_and_u_mode_errors),
        cmocka_unit_test(test_regexp_unicode_mode_reads_code_points),
        cmocka_unit_test(test_regexp_catastrophic_pattern_stops_through_poll),
        cmocka_unit_test(test_regexp_backtrack_stack_is_bounded),
        cmocka_unit_test(test_regexp_flags_parse_rejects_repeats_and_u_with_v),
        cmocka_unit_test(test_regexp_unicode_sets),
        cmocka_unit_test(test_regexp_property_tables_agree_with_node),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
