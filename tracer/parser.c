/* parser.c — the parser's infrastructure: the token cursor with one token of lookahead,
 * automatic semicolon insertion, V8-worded errors, the depth guard, the scope and function
 * context stacks used for early errors, the public entry point, and error formatting.
 * The grammar itself is in parser_expr.c and parser_stmt.c. */
#include "tracer/parser.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/parser_int.h"

/* ==== Tokens ============================================================================ */

static void report_lex_error(Parser *p)
{
    if (p->failed)
        return;
    p->failed = true;
    p->err->pos = p->lx.error_pos;
    p->err->name = "SyntaxError";
    snprintf(p->err->message, sizeof p->err->message, "%s",
             p->lx.error ? p->lx.error : "Invalid or unexpected token");
}

void parse_next(Parser *p)
{
    p->prev = p->tok;
    if (p->has_ahead) {
        p->tok = p->ahead;
        p->has_ahead = false;
    } else {
        lex_next(&p->lx, &p->tok);
    }
    if (p->tok.kind == TOK_ERROR)
        report_lex_error(p);
}

/* One token of lookahead. Never called when the current token may need a rescan (a `/`
 * in operand position or the `}` closing a template substitution): see lexer.h. */
Token *parse_peek(Parser *p)
{
    if (!p->has_ahead) {
        lex_next(&p->lx, &p->ahead);
        p->has_ahead = true;
    }
    return &p->ahead;
}

bool parse_at(const Parser *p, TokenKind k)
{
    return p->tok.kind == k;
}

bool parse_at_ident(const Parser *p, const char *name)
{
    return p->tok.kind == TOK_IDENT && !p->tok.escaped && ast_name_eq(p->tok.name, name);
}

bool parse_accept(Parser *p, TokenKind k)
{
    if (p->tok.kind != k)
        return false;
    parse_next(p);
    return true;
}

bool parse_expect(Parser *p, TokenKind k)
{
    if (p->failed)
        return false;
    if (p->tok.kind != k)
        return parse_unexpected(p, &p->tok);
    parse_next(p);
    return true;
}

bool parse_is_strict(const Parser *p)
{
    return p->func->strict;
}

/* #sec-automatic-semicolon-insertion rules 1 and 2: a `;` is inserted before a token that
 * the grammar does not allow when a LineTerminator precedes it or it is `}`, and at the end
 * of the input. (Rule 3, the restricted productions, is applied where they are parsed;
 * the do-while rule in parse_do.) */
bool parse_semicolon(Parser *p)
{
    if (p->failed)
        return false;
    if (p->tok.kind == TOK_SEMICOLON) {
        parse_next(p);
        return true;
    }
    if (p->tok.kind == TOK_RBRACE || p->tok.kind == TOK_EOF || p->tok.newline_before)
        return true;
    /* V8 (ExpectSemicolon): `await x` outside an async function gets a specific message,
     * at the `await`. */
    if (p->prev.kind == TOK_IDENT && !p->prev.escaped && ast_name_eq(p->prev.name, "await") &&
        !p->func->await_kw)
        return parse_fail(p, p->prev.pos,
                          "await is only valid in async functions and the top level bodies "
                          "of modules");
    return parse_unexpected(p, &p->tok);
}

/* ==== Errors ============================================================================ */

bool parse_fail(Parser *p, SrcPos pos, const char *fmt, ...)
{
    if (p->failed)
        return false;
    p->failed = true;
    p->err->pos = pos;
    p->err->name = "SyntaxError";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    return false;
}

bool parse_fail_range(Parser *p, SrcPos pos, const char *msg)
{
    if (p->failed)
        return false;
    parse_fail(p, pos, "%s", msg);
    p->err->name = "RangeError";
    return false;
}

/* The message V8 gives for an unexpected token (ParserBase::ReportUnexpectedTokenAt). */
bool parse_unexpected(Parser *p, const Token *t)
{
    if (p->failed)
        return false;
    switch (t->kind) {
    case TOK_EOF:
        return parse_fail(p, t->pos, "Unexpected end of input");
    case TOK_ERROR:
        report_lex_error(p);
        return false;
    case TOK_NUMBER:
        return parse_fail(p, t->pos, "Unexpected number");
    case TOK_STRING:
        return parse_fail(p, t->pos, "Unexpected string");
    case TOK_TEMPLATE:
    case TOK_TEMPLATE_HEAD:
    case TOK_TEMPLATE_MIDDLE:
    case TOK_TEMPLATE_TAIL:
        return parse_fail(p, t->pos, "Unexpected template string");
    case TOK_REGEXP:
        return parse_fail(p, t->pos, "Unexpected regular expression");
    case TOK_PRIVATE_NAME:
        return parse_fail(p, t->pos, "Unexpected identifier '#%s'", t->name.s);
    case TOK_ENUM:
        return parse_fail(p, t->pos, "Unexpected reserved word");
    case TOK_IDENT:
        if (t->escaped && lex_is_reserved_word(t->name.s, t->name.len))
            return parse_fail(p, t->pos, "Keyword must not contain escaped characters");
        if (parse_is_strict(p) && lex_is_strict_reserved_word(t->name.s, t->name.len))
            return parse_fail(p, t->pos, "Unexpected strict mode reserved word");
        /* V8 scans these as their own tokens: await is always "reserved" in messages,
         * async/get/set print as tokens */
        if (!t->escaped && ast_name_eq(t->name, "await"))
            return parse_fail(p, t->pos, "Unexpected reserved word");
        if (!t->escaped && (ast_name_eq(t->name, "async") || ast_name_eq(t->name, "get") ||
                            ast_name_eq(t->name, "set")))
            return parse_fail(p, t->pos, "Unexpected token '%s'", t->name.s);
        return parse_fail(p, t->pos, "Unexpected identifier '%s'", t->name.s);
    default:
        return parse_fail(p, t->pos, "Unexpected token '%s'", lex_token_name(t->kind));
    }
}

bool parse_enter(Parser *p)
{
    if (p->failed)
        return false;
    if (++p->depth > PARSE_MAX_DEPTH) {
        p->depth--;
        return parse_fail_range(p, p->tok.pos, "Maximum call stack size exceeded");
    }
    return true;
}

void parse_leave(Parser *p)
{
    p->depth--;
}

/* ==== Nodes and the list stack ========================================================== */

Node *parse_node(Parser *p, NodeKind kind, SrcPos pos)
{
    return ast_node_new(p->arena, kind, pos);
}

uint32_t parse_stack_mark(Parser *p)
{
    return p->sp;
}

void parse_stack_push(Parser *p, Node *n)
{
    if (p->sp == p->stack_cap) {
        p->stack_cap = p->stack_cap ? p->stack_cap * 2 : 256;
        p->stack = xrealloc(p->stack, p->stack_cap * sizeof(Node *));
    }
    p->stack[p->sp++] = n;
}

NodeList parse_stack_pop(Parser *p, uint32_t mark)
{
    NodeList l = ast_list_copy(p->arena, p->stack + mark, p->sp - mark);
    p->sp = mark;
    return l;
}

/* ==== Declared-name lists =============================================================== */

static uint32_t name_hash(AstName n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (uint32_t i = 0; i < n.len; i++)
        h = (h ^ (uint8_t)n.s[i]) * 16777619u;
    return h;
}

static bool name_eq(AstName a, AstName b)
{
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

static void pdecl_rehash(AstArena *a, PDeclList *l)
{
    l->hash_cap = l->cap * 2;
    l->hash = ast_alloc(a, l->hash_cap * sizeof(uint32_t));
    for (uint32_t i = 0; i < l->len; i++) {
        uint32_t h = name_hash(l->items[i].name) & (l->hash_cap - 1);
        while (l->hash[h])
            h = (h + 1) & (l->hash_cap - 1);
        l->hash[h] = i + 1;
    }
}

static PDecl *pdecl_find(const PDeclList *l, AstName name)
{
    if (l->hash) {
        uint32_t h = name_hash(name) & (l->hash_cap - 1);
        while (l->hash[h]) {
            PDecl *d = &l->items[l->hash[h] - 1];
            if (name_eq(d->name, name))
                return d;
            h = (h + 1) & (l->hash_cap - 1);
        }
        return NULL;
    }
    for (uint32_t i = 0; i < l->len; i++)
        if (name_eq(l->items[i].name, name))
            return &l->items[i];
    return NULL;
}

bool pdecl_has(const PDeclList *l, AstName name)
{
    return pdecl_find(l, name) != NULL;
}

static void pdecl_add(AstArena *a, PDeclList *l, PDecl d)
{
    if (l->len == l->cap) {
        uint32_t ncap = l->cap ? l->cap * 2 : 8;
        PDecl *items = ast_alloc(a, ncap * sizeof(PDecl));
        if (l->len)
            memcpy(items, l->items, l->len * sizeof(PDecl));
        l->items = items;
        l->cap = ncap;
        if (l->cap > 16)
            pdecl_rehash(a, l);
    }
    l->items[l->len++] = d;
    if (l->hash) {
        uint32_t h = name_hash(d.name) & (l->hash_cap - 1);
        while (l->hash[h])
            h = (h + 1) & (l->hash_cap - 1);
        l->hash[h] = l->len;
    }
}

void pdecl_push(Parser *p, PDeclList *l, AstName name, AstDeclKind kind, SrcPos pos)
{
    pdecl_add(p->arena, l, (PDecl){name, kind, pos, false});
}

AstDeclList scope_export(Parser *p, const PDeclList *l)
{
    AstDeclList out = {NULL, 0};
    if (l->len == 0)
        return out;
    AstDecl *items = ast_alloc(p->arena, l->len * sizeof(AstDecl));
    for (uint32_t i = 0; i < l->len; i++)
        items[i] = (AstDecl){l->items[i].name, l->items[i].kind, l->items[i].pos};
    out.items = items;
    out.len = l->len;
    return out;
}

/* ==== Scopes ============================================================================ */

PScope *scope_push(Parser *p, PScopeKind kind)
{
    PScope *s = ast_alloc(p->arena, sizeof(PScope));
    s->parent = p->scope;
    s->kind = kind;
    p->scope = s;
    return s;
}

void scope_pop(Parser *p, PScope *s)
{
    p->scope = s->parent;
}

static bool redeclared(Parser *p, SrcPos pos, AstName name)
{
    return parse_fail(p, pos, "Identifier '%s' has already been declared", name.s);
}

/* Record a declaration in the current scope, with the early errors of
 * #sec-block-static-semantics-early-errors, #sec-function-definitions-static-semantics-
 * early-errors, #sec-try-statement-static-semantics-early-errors and Annex B.3.2.4/B.3.4.
 * report_pos is where V8 points for a redeclaration. */
bool scope_declare(Parser *p, AstName name, AstDeclKind kind, SrcPos pos, SrcPos report_pos,
                   bool plain_function)
{
    PScope *cur = p->scope;
    PDecl d = {name, kind, pos, plain_function};
    bool var_like = kind == DECL_VAR ||
                    (kind == DECL_FUNCTION && cur->kind == PSCOPE_FUNCTION && !cur->module_top);
    if (var_like) {
        for (PScope *s = cur; s; s = s->parent) {
            if (pdecl_has(&s->lex, name))
                return redeclared(p, report_pos, name);
            if (s->kind == PSCOPE_CATCH && !s->catch_simple && pdecl_has(&s->params, name))
                return redeclared(p, report_pos, name);
            PDecl *old = pdecl_find(&s->vars, name);
            if (!old)
                pdecl_add(p->arena, &s->vars, d);
            else if (s->kind == PSCOPE_FUNCTION && kind == DECL_FUNCTION)
                old->kind = DECL_FUNCTION; /* the function wins the var binding's initial value */
            if (s->kind == PSCOPE_FUNCTION)
                break;
        }
        return true;
    }
    PDecl *old = pdecl_find(&cur->lex, name);
    if (old) {
        /* B.3.2.4: duplicate plain function declarations in a sloppy block are allowed */
        if (plain_function && old->plain_function && !parse_is_strict(p) &&
            cur->kind != PSCOPE_FUNCTION)
            return true;
        return redeclared(p, report_pos, name);
    }
    if (pdecl_has(&cur->vars, name))
        return redeclared(p, report_pos, name);
    if ((cur->kind == PSCOPE_FUNCTION || cur->kind == PSCOPE_CATCH) &&
        pdecl_has(&cur->params, name))
        return redeclared(p, report_pos, name);
    pdecl_add(p->arena, &cur->lex, d);
    return true;
}

/* A parameter (or catch parameter) name; duplicates are checked by the caller, which
 * knows whether they are allowed. Returns false if the name was already a parameter. */
bool scope_declare_param(Parser *p, PScope *s, AstName name, SrcPos pos)
{
    if (pdecl_has(&s->params, name)) {
        pdecl_add(p->arena, &s->params, (PDecl){name, DECL_PARAM, pos, false});
        return false;
    }
    pdecl_add(p->arena, &s->params, (PDecl){name, DECL_PARAM, pos, false});
    return true;
}

/* ==== Function contexts ================================================================= */

PFunc *func_push(Parser *p, PFuncKind kind)
{
    PFunc *f = ast_alloc(p->arena, sizeof(PFunc));
    PFunc *parent = p->func;
    f->parent = parent;
    f->kind = kind;
    if (parent) {
        f->strict = parent->strict;
        if (kind == PF_ARROW) {
            f->allow_super_prop = parent->allow_super_prop;
            f->allow_super_call = parent->allow_super_call;
            f->allow_new_target = parent->allow_new_target;
            f->no_arguments = parent->no_arguments;
            /* await_reserved is not inherited: the static-block rule for `await` as an
             * IdentifierReference stops at function boundaries, arrows included
             * (§15.7.1 ContainsAwait; test262 static-init-await-*-valid; V8 agrees), and
             * a module's await is reserved by the goal below. */
        } else {
            f->allow_new_target = kind != PF_PROGRAM;
        }
        f->allow_return = kind == PF_FUNCTION || kind == PF_ARROW;
        if (p->goal == PARSE_MODULE)
            f->await_reserved = true;
    }
    p->func = f;
    return f;
}

void func_pop(Parser *p, PFunc *f)
{
    p->func = f->parent;
}

/* Mark a use of this/arguments/super/new.target: on every arrow up to and including the
 * first non-arrow function (ast.h FUNC_USES_*). */
void func_mark_uses(Parser *p, uint32_t flag)
{
    for (PFunc *f = p->func; f; f = f->parent) {
        if (f->kind == PF_ARROW) {
            if (flag != FUNC_USES_ARGUMENTS)
                f->flags |= flag;
            continue;
        }
        f->flags |= flag;
        break;
    }
}

/* Record a sloppy-mode plain function declaration directly in a block (or switch, catch
 * block, if-body) as an Annex B.3.3 candidate of the current function. */
void func_annexb_candidate(Parser *p, Node *fn)
{
    PFunc *f = p->func;
    if (parse_is_strict(p) || p->scope->kind == PSCOPE_FUNCTION)
        return;
    if (f->nannexb == f->capannexb) {
        uint32_t ncap = f->capannexb ? f->capannexb * 2 : 4;
        PAnnexB *n = ast_alloc(p->arena, ncap * sizeof(PAnnexB));
        if (f->nannexb)
            memcpy(n, f->annexb, f->nannexb * sizeof(PAnnexB));
        f->annexb = n;
        f->capannexb = ncap;
    }
    f->annexb[f->nannexb++] = (PAnnexB){fn, p->scope};
}

/* B.3.3.1 / B.3.3.2: a candidate is hoisted when `var F` in its place would not be an early
 * error (no lexical F in the scopes between its block and the function, the function's
 * top-level lexical names included) and F is not a parameter name nor "arguments". Marks
 * the hoisted declarations and returns their names. Runs when the body is complete, since
 * a later `let F` also blocks hoisting. */
AstDeclList func_annexb_finish(Parser *p, PFunc *f)
{
    PDeclList names;
    memset(&names, 0, sizeof names);
    for (uint32_t i = 0; i < f->nannexb; i++) {
        Node *fn = f->annexb[i].fn;
        AstName name = fn->as.function.id->as.ident.name;
        bool ok = !ast_name_eq(name, "arguments") || f->kind == PF_PROGRAM;
        for (PScope *s = f->annexb[i].scope->parent; ok && s; s = s->parent) {
            if (pdecl_has(&s->lex, name))
                ok = false;
            if (s == f->scope)
                break;
        }
        if (ok && pdecl_has(&f->scope->params, name))
            ok = false;
        if (!ok)
            continue;
        fn->as.function.flags |= FUNC_ANNEXB_HOISTED;
        if (!pdecl_has(&names, name))
            pdecl_add(p->arena, &names, (PDecl){name, DECL_FUNCTION, fn->pos, true});
    }
    return scope_export(p, &names);
}

/* ==== Entry point ======================================================================= */

Node *parse_program(AstArena *arena, const char *src, size_t len, ParseGoal goal,
                    ParseError *err)
{
    Parser p;
    memset(&p, 0, sizeof p);
    memset(err, 0, sizeof *err);
    err->name = "SyntaxError";
    p.arena = arena;
    p.goal = goal;
    p.err = err;
    lex_init(&p.lx, src ? src : "", src ? len : 0, arena);

    PFunc *f = func_push(&p, PF_PROGRAM);
    bool module = goal == PARSE_MODULE;
    f->strict = module;
    f->await_kw = module;
    f->await_reserved = module;
    if (goal == PARSE_COMMONJS) {
        f->allow_return = true;
        f->allow_new_target = true;
    }
    PScope *s = scope_push(&p, PSCOPE_FUNCTION);
    s->module_top = module;
    f->scope = s;

    Node *prog = parse_node(&p, NODE_PROGRAM, (SrcPos){0, 1, 1});
    parse_next(&p);
    prog->pos = p.tok.pos;
    NodeList body = {NULL, 0};
    bool ok = !p.failed && parse_function_body(&p, f, prog, &body);
    if (ok && !p.failed && module) {
        for (uint32_t i = 0; i < p.export_locals.len; i++) {
            PDecl *d = &p.export_locals.items[i];
            if (!pdecl_has(&s->vars, d->name) && !pdecl_has(&s->lex, d->name)) {
                parse_fail(&p, d->pos, "Export '%s' is not defined in module", d->name.s);
                break;
            }
        }
    }
    if (ok && !p.failed) {
        AstProgram *pr = &prog->as.program;
        pr->has_top_level_await = p.top_level_await;
        pr->body = body;
        pr->is_module = module;
        pr->strict = f->strict;
        pr->var_decls = scope_export(&p, &s->vars);
        pr->lex_decls = scope_export(&p, &s->lex);
        pr->ntagged = p.ntagged;
        pr->annexb_funcs = func_annexb_finish(&p, f);
    }
    lex_fini(&p.lx);
    free(p.stack);
    if (p.failed || !ok) {
        if (!p.failed) { /* cannot happen: every false return records an error */
            err->pos = p.tok.pos;
            snprintf(err->message, sizeof err->message, "Unexpected token");
        }
        return NULL;
    }
    return prog;
}

/* ==== Error formatting ================================================================== */

static uint32_t utf8_len_at(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    uint32_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n > avail)
        n = 1;
    for (uint32_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

void parse_error_format(const ParseError *err, const char *file, const char *src, size_t len,
                        StrBuf *out)
{
    strbuf_printf(out, "%s:%u:%u: %s: %s\n", file ? file : "<input>", err->pos.line, err->pos.col,
                  err->name ? err->name : "SyntaxError", err->message);
    if (!src || err->pos.line == 0)
        return;
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    /* find the start of the error line */
    uint32_t line = 1;
    while (i < len && line < err->pos.line) {
        if (s[i] == '\n') {
            line++;
        } else if (s[i] == '\r') {
            if (i + 1 < len && s[i + 1] == '\n')
                i++;
            line++;
        } else if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
                   (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            i += 2;
            line++;
        }
        i++;
    }
    size_t start = i, end = i;
    while (end < len && s[end] != '\n' && s[end] != '\r' &&
           !(s[end] == 0xE2 && end + 2 < len && s[end + 1] == 0x80 &&
             (s[end + 2] == 0xA8 || s[end + 2] == 0xA9)))
        end++;
    strbuf_put(out, src + start, end - start);
    strbuf_putc(out, '\n');
    /* the caret line: one space per UTF-16 unit (tabs kept) up to the column */
    uint32_t col = 1;
    size_t j = start;
    while (col < err->pos.col && j < end) {
        uint32_t n = utf8_len_at(s + j, end - j);
        if (s[j] == '\t')
            strbuf_putc(out, '\t');
        else
            strbuf_puts(out, n == 4 ? "  " : " ");
        col += n == 4 ? 2 : 1;
        j += n;
    }
    strbuf_puts(out, "^\n");
}

void parse_error_print(const ParseError *err, const char *file, const char *src, size_t len,
                       FILE *f)
{
    StrBuf sb;
    strbuf_init(&sb);
    parse_error_format(err, file, src, len, &sb);
    fputs(sb.data, f);
    strbuf_fini(&sb);
}
