/* lexer.h — turns JavaScript source (UTF-8) into tokens (ecma262 #sec-ecmascript-language-
 * lexical-grammar). Owns the scanning state of one source text; decoded token values
 * (identifier names, string and template values) are copied into the caller's AstArena,
 * so they live as long as the AST.
 *
 * Positions: every token has a SrcPos (tracer/srcpos.h): byte offset, 1-based line, and a
 * 1-based column counted in UTF-16 code units, which is what node 20 (V8) prints: "é" or
 * "中" count 1, "😀" counts 2, a TAB counts 1. Line terminators are LF, CR, CRLF (one),
 * U+2028 and U+2029. A UTF-8 BOM at the start is skipped (as node does); a `#!` line at
 * offset 0 is a comment (#sec-hashbang). Bytes that are not valid UTF-8 decode as U+FFFD.
 *
 * Goal symbols (regex vs division, template continuation): the lexer always scans `/` and
 * `/=` as division punctuators and `}` as TOK_RBRACE. The parser, which knows the goal
 * symbol, asks for a rescan: lex_rescan_regexp() where an expression may start (it turns
 * the current `/` or `/=` token into TOK_REGEXP), and lex_rescan_template() on the `}` that
 * ends a template substitution (it turns it into TOK_TEMPLATE_MIDDLE or _TAIL). Because
 * the parser never peeks past such a token, no token is scanned with the wrong goal. This
 * is exact (#sec-ecmascript-language-lexical-grammar: InputElementRegExp etc.) and needs no
 * previous-token heuristics.
 *
 * ASI support: Token.newline_before is true when a LineTerminator (also one inside a
 * multi-line comment) separates the token from the previous one.
 *
 * Errors: a malformed token yields TOK_ERROR with Lexer.error (V8's message) and
 * Lexer.error_pos; scanning never asserts or reads out of bounds, on any input.
 * Strict-mode-only errors (legacy octal literals, octal escapes, \8 \9) are not errors
 * here: the token carries flags and the parser decides, since strictness can be
 * established after the token was scanned (a later "use strict" directive). */
#ifndef TICKSCOPE_LEXER_H
#define TICKSCOPE_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tracer/ast.h"
#include "tracer/srcpos.h"

/* X(NAME, "spelling") — punctuators and reserved words have their exact spelling, which
 * is what error messages print ("Unexpected token ')'"). */
#define LEX_TOKENS(X)                                                                       \
    X(EOF, "end of input")                                                                 \
    X(ERROR, "invalid token")                                                              \
    X(IDENT, "identifier")       /* also contextual keywords: let async await yield of... */\
    X(PRIVATE_NAME, "#name")     /* #x (value: name without '#') */                        \
    X(NUMBER, "number")                                                                    \
    X(STRING, "string")                                                                    \
    X(TEMPLATE, "template")      /* `...` with no substitution */                          \
    X(TEMPLATE_HEAD, "template") /* `...${ */                                              \
    X(TEMPLATE_MIDDLE, "template") /* }...${  (after lex_rescan_template) */               \
    X(TEMPLATE_TAIL, "template") /* }...`    (after lex_rescan_template) */                \
    X(REGEXP, "regexp")          /* /.../flags (after lex_rescan_regexp) */                \
    /* punctuators */                                                                      \
    X(LBRACE, "{") X(RBRACE, "}") X(LPAREN, "(") X(RPAREN, ")") X(LBRACKET, "[")           \
    X(RBRACKET, "]") X(DOT, ".") X(ELLIPSIS, "...") X(SEMICOLON, ";") X(COMMA, ",")        \
    X(LT, "<") X(GT, ">") X(LE, "<=") X(GE, ">=") X(EQ, "==") X(NE, "!=")                  \
    X(STRICT_EQ, "===") X(STRICT_NE, "!==") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")        \
    X(SLASH, "/") X(PERCENT, "%") X(STAR_STAR, "**") X(INC, "++") X(DEC, "--")             \
    X(SHL, "<<") X(SAR, ">>") X(SHR, ">>>") X(AMP, "&") X(PIPE, "|") X(CARET, "^")         \
    X(BANG, "!") X(TILDE, "~") X(AND_AND, "&&") X(OR_OR, "||") X(QUESTION_QUESTION, "??")  \
    X(QUESTION, "?") X(QUESTION_DOT, "?.") X(COLON, ":") X(ASSIGN, "=")                    \
    X(PLUS_ASSIGN, "+=") X(MINUS_ASSIGN, "-=") X(STAR_ASSIGN, "*=") X(SLASH_ASSIGN, "/=")  \
    X(PERCENT_ASSIGN, "%=") X(STAR_STAR_ASSIGN, "**=") X(SHL_ASSIGN, "<<=")                \
    X(SAR_ASSIGN, ">>=") X(SHR_ASSIGN, ">>>=") X(AMP_ASSIGN, "&=") X(PIPE_ASSIGN, "|=")    \
    X(CARET_ASSIGN, "^=") X(AND_AND_ASSIGN, "&&=") X(OR_OR_ASSIGN, "||=")                  \
    X(QQ_ASSIGN, "\?\?=") X(ARROW, "=>") X(HASH, "#")                                      \
    /* reserved words (#sec-keywords-and-reserved-words); contextual ones are IDENT */      \
    X(BREAK, "break") X(CASE, "case") X(CATCH, "catch") X(CLASS, "class")                  \
    X(CONST, "const") X(CONTINUE, "continue") X(DEBUGGER, "debugger")                      \
    X(DEFAULT, "default") X(DELETE, "delete") X(DO, "do") X(ELSE, "else") X(ENUM, "enum")  \
    X(EXPORT, "export") X(EXTENDS, "extends") X(FALSE, "false") X(FINALLY, "finally")      \
    X(FOR, "for") X(FUNCTION, "function") X(IF, "if") X(IMPORT, "import") X(IN, "in")      \
    X(INSTANCEOF, "instanceof") X(NEW, "new") X(NULL, "null") X(RETURN, "return")          \
    X(SUPER, "super") X(SWITCH, "switch") X(THIS, "this") X(THROW, "throw")                \
    X(TRUE, "true") X(TRY, "try") X(TYPEOF, "typeof") X(VAR, "var") X(VOID, "void")        \
    X(WHILE, "while") X(WITH, "with")

typedef enum {
#define LEX_X_ENUM(name, str) TOK_##name,
    LEX_TOKENS(LEX_X_ENUM)
#undef LEX_X_ENUM
        TOK__COUNT
} TokenKind;

/* First and last reserved-word kinds: TOK_BREAK <= k <= TOK_WITH. */
#define TOK_FIRST_KEYWORD TOK_BREAK
#define TOK_LAST_KEYWORD TOK_WITH

typedef struct {
    TokenKind kind;
    SrcPos pos;           /* the first character */
    uint32_t end;         /* byte offset just past the token */
    SrcPos end_pos;       /* position just past the token */
    bool newline_before;  /* a LineTerminator precedes it (since the previous token) */
    bool escaped;         /* IDENT/keyword spelled with \u escapes (then it is IDENT even
                             when its name is a reserved word; the parser reports
                             "Keyword must not contain escaped characters" where needed) */
    bool legacy_octal;    /* NUMBER: 017 or 08/09 style (an error in strict mode) */
    bool leading_zero_decimal; /* NUMBER: legacy_octal of the 08/09 kind (decimal value) */
    bool octal_escape;    /* STRING/template: has \0N..\7 octal or \8 \9 escapes (strict: error) */
    bool escape_89;       /* STRING: the octal_escape was \8 or \9 (message differs) */
    uint32_t octal_escape_offset; /* STRING: byte offset of the first such escape */
    bool cooked_valid;    /* TEMPLATE*: false when an escape is invalid (ok only if tagged) */
    AstName name;         /* IDENT, PRIVATE_NAME: decoded name. REGEXP: the pattern */
    AstName flags;        /* REGEXP: the flags */
    AstStr16 str;         /* STRING: value; TEMPLATE*: cooked value (if cooked_valid) */
    AstStr16 raw;         /* TEMPLATE*: raw value */
    double num;           /* NUMBER */
    const char *invalid_escape_msg; /* TEMPLATE*: the message when !cooked_valid */
    SrcPos invalid_escape_pos;
} Token;

typedef struct {
    const uint8_t *src;
    uint32_t len;
    uint32_t cur;          /* byte offset of the next character to scan */
    uint32_t line;         /* line of cur */
    uint32_t line_start;   /* byte offset where the current line starts */
    uint32_t col_cache_off; /* a (byte offset, column) pair on the current line, to make */
    uint32_t col_cache_col; /* column computation amortized linear */
    AstArena *arena;       /* where decoded names and strings go */
    /* scratch buffers, reused per token */
    uint16_t *buf16;
    uint32_t buf16_len, buf16_cap;
    uint16_t *raw16;
    uint32_t raw16_len, raw16_cap;
    char *buf8;
    uint32_t buf8_len, buf8_cap;
    /* the first error */
    const char *error;     /* V8's message (static string or in err_buf), NULL if none */
    SrcPos error_pos;
    char err_buf[128];
} Lexer;

/* Prepare to scan src[0..len). src must outlive the lexer; names and strings go into
 * arena. Skips a BOM and a #! line. */
void lex_init(Lexer *lx, const char *src, size_t len, AstArena *arena);
void lex_fini(Lexer *lx);

/* Scan the next token into *tok (goal InputElementDiv). On a malformed token, tok->kind is
 * TOK_ERROR and lx->error / lx->error_pos say why and where. */
void lex_next(Lexer *lx, Token *tok);

/* tok is the current `/` or `/=` token: rescan it as a RegularExpressionLiteral. Returns
 * false (tok->kind = TOK_ERROR, lx->error set) on an unterminated literal or bad flags. */
bool lex_rescan_regexp(Lexer *lx, Token *tok);

/* tok is the current `}` that closes a template substitution: rescan from just after it as
 * a TemplateMiddle or TemplateTail. Returns false (TOK_ERROR) on an unterminated literal. */
bool lex_rescan_template(Lexer *lx, Token *tok);

/* The position of byte offset off (must be on or after the current line start or anywhere
 * earlier: earlier offsets are recomputed from the start, O(n)). */
SrcPos lex_pos_at(Lexer *lx, uint32_t off);

/* Token spelling for messages: "{", "=>", "typeof", "identifier"... */
const char *lex_token_name(TokenKind kind);

/* True when the name is a reserved word in any mode (the keyword tokens, plus enum). */
bool lex_is_reserved_word(const char *s, size_t len);
/* True for the strict-mode-only reserved words: implements interface let package private
 * protected public static yield. */
bool lex_is_strict_reserved_word(const char *s, size_t len);

/* Unicode ID_Start / ID_Continue (plus $ and _ / $, ZWNJ, ZWJ as the spec adds). */
bool lex_is_id_start(uint32_t cp);
bool lex_is_id_part(uint32_t cp);

#endif
