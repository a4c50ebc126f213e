/* parser_int.h — the parser's private state, shared by parser.c (tokens, errors, scopes,
 * the public API), parser_expr.c (expressions, patterns, functions, classes) and
 * parser_stmt.c (statements, declarations, modules). Nothing outside those files includes
 * it.
 *
 * Error protocol: every parse function returns NULL (or false) after the first error, which
 * parse_fail* records in p->err; callers propagate with TRY. Nothing needs cleaning up on
 * those paths: nodes, lists, and also the bookkeeping (scopes, function contexts, class
 * contexts, their growable arrays) live in the arena; only the node stack is the Parser's
 * own, freed by parse_program. */
#ifndef TICKSCOPE_PARSER_INT_H
#define TICKSCOPE_PARSER_INT_H

#include "tracer/ast.h"
#include "tracer/lexer.h"
#include "tracer/parser.h"

#define TRY(e)                                                                              \
    do {                                                                                    \
        if (!(e))                                                                           \
            return NULL;                                                                    \
    } while (0)
#define TRYB(e)                                                                             \
    do {                                                                                    \
        if (!(e))                                                                           \
            return false;                                                                   \
    } while (0)

/* Parser-internal Node.flags bits, above the public AST_* bits. They may remain set in the
 * returned tree; consumers ignore them. */
enum {
    PN_TRAILING_COMMA = 1 << 8, /* (a,) or [...a,]: only valid as arrow params / not pattern */
    PN_COVER_INIT = 1 << 9,     /* ASSIGN_PATTERN made from a CoverInitializedName {a = 1} */
    PN_COVER_ONLY = 1 << 10,    /* () / (...a): valid only as arrow parameters */
};

/* parse_binding_target kind for a rest element inside a parenthesized cover: the names are
 * checked but declared only if the cover becomes arrow parameters. */
#define DECL_PARAM_COVER ((AstDeclKind)100)

/* ==== Scopes (for redeclaration errors and the AST's declared-name lists) ============== */

typedef struct {
    AstName name;
    AstDeclKind kind;
    SrcPos pos;
    bool plain_function; /* a plain `function f` declaration (Annex B duplicates) */
} PDecl;

typedef struct {
    PDecl *items;
    uint32_t len, cap;
    uint32_t *hash; /* open addressing over indices+1, built when len grows past 16 */
    uint32_t hash_cap;
} PDeclList;

typedef enum {
    PSCOPE_FUNCTION = 0, /* function body or program top level (var scope) */
    PSCOPE_BLOCK,
    PSCOPE_CATCH,        /* the block of a catch clause; params = the catch parameter names */
    PSCOPE_FOR,          /* for (let ...): the loop head */
    PSCOPE_SWITCH,       /* the case block */
} PScopeKind;

typedef struct PScope {
    struct PScope *parent;
    PScopeKind kind;
    PDeclList lex;    /* LexicallyDeclaredNames of this scope */
    PDeclList vars;   /* VarDeclaredNames: var names declared here or in nested blocks */
    PDeclList params; /* FUNCTION: parameter names; CATCH: catch parameter names */
    bool catch_simple; /* CATCH: the parameter is a plain identifier (Annex B.3.4) */
    bool module_top;   /* FUNCTION scope of a module: top-level functions are lexical */
} PScope;

/* ==== Function contexts ================================================================ */

typedef struct {
    AstName name;
    bool is_loop;
} PLabel;

typedef enum {
    PF_PROGRAM = 0,
    PF_FUNCTION,     /* function declarations/expressions, methods, accessors, constructors */
    PF_ARROW,
    PF_FIELD_INIT,   /* a class field initializer (no FUNCTION node) */
    PF_STATIC_BLOCK, /* class static { } */
} PFuncKind;

/* A sloppy block-level function declaration that may get an Annex B.3.3 var binding. */
typedef struct {
    Node *fn;
    PScope *scope; /* the block it is declared in */
} PAnnexB;

typedef struct PFunc {
    struct PFunc *parent;
    PFuncKind kind;
    uint32_t flags;        /* FUNC_* accumulated for the node (uses_this, strict...) */
    bool is_async, is_generator;
    bool strict;
    bool await_kw;         /* await is an AwaitExpression (async body, module top level) */
    bool await_reserved;   /* await may not be an identifier (module, static block) */
    bool yield_kw;         /* yield is a YieldExpression (generator body) */
    bool in_params;        /* parsing the formal parameters */
    bool allow_super_prop, allow_super_call, allow_new_target, allow_return;
    bool no_arguments;     /* class field initializer / static block: 'arguments' is an error */
    bool directive_strict; /* a "use strict" directive was seen in this body */
    SrcPos use_strict_pos;
    bool simple_params;    /* all parameters are plain identifiers */
    bool has_dup_param;    /* a parameter name repeats (an error unless sloppy+simple+plain) */
    SrcPos dup_param_pos;
    bool method_like;      /* method/accessor/constructor: duplicates never allowed */
    PLabel *labels;
    uint32_t nlabels, caplabels;
    int breakable;         /* enclosing loops + switches (for a bare break) */
    int loops;             /* enclosing loops (for a bare continue) */
    PScope *scope;         /* the function's top scope */
    PAnnexB *annexb;       /* Annex B.3.3 candidates, judged when the function ends */
    uint32_t nannexb, capannexb;
} PFunc;

/* Private names of one class body (#sec-class-definitions-static-semantics-early-errors). */
typedef struct {
    AstName name;
    SrcPos pos;
    int kind;      /* 0 field/method, 1 getter, 2 setter, 3 getter+setter */
    bool is_static;
} PPrivDecl;

typedef struct {
    AstName name;
    SrcPos pos;
} PPrivRef;

typedef struct PClass {
    struct PClass *parent;
    PPrivDecl *decls;
    uint32_t ndecls, capdecls;
    PPrivRef *refs;   /* references not yet resolved */
    uint32_t nrefs, caprefs;
} PClass;

/* Errors of the cover grammars, reported only if the expression stays an expression
 * (#sec-object-initializer-static-semantics-early-errors: CoverInitializedName; duplicate
 * __proto__ is allowed in patterns). */
typedef struct {
    bool has_shorthand_init;
    SrcPos shorthand_init;
    bool has_double_proto;
    SrcPos double_proto;
} CoverErrors;

typedef struct Parser {
    Lexer lx;
    AstArena *arena;
    ParseGoal goal;
    Token tok;          /* the current token */
    Token prev;         /* the last consumed token */
    Token ahead;        /* one token of lookahead (has_ahead) */
    bool has_ahead;
    ParseError *err;
    bool failed;
    int depth;
    bool no_in;         /* parsing a for-init: `in` is not a binary operator */
    /* scratch stack of nodes for building lists */
    Node **stack;
    uint32_t sp, stack_cap;
    PScope *scope;
    PFunc *func;
    PClass *cls;
    uint32_t ntagged;
    /* positions of the first yield/await expression since the last reset (arrow params) */
    bool has_yield_pos, has_await_pos;
    SrcPos yield_pos, await_pos;
    /* the first `await` used as an identifier (reference or binding) since the last
     * reset, outside nested function bodies and non-arrow parameters: an error in async
     * arrow parameters, which are reparsed with [+Await] (#sec-async-arrow-function-
     * definitions-static-semantics-early-errors) */
    bool has_await_ident, cover_has_await_ident;
    SrcPos await_ident_pos, cover_await_ident_pos;
    /* the last parenthesized cover / async(...) call, for arrow conversion */
    Node *cover_node;
    bool cover_has_yield, cover_has_await;
    SrcPos cover_yield_pos, cover_await_pos;
    uint32_t cover_this_count;
    uint32_t this_count;       /* this/super/new.target uses so far (arrow USES_THIS) */
    bool top_level_await;      /* module: an await at the top level */
    bool default_export;       /* parsing `export default function`: the name is optional */
    /* module: exported names (duplicates are errors) and local names exported by
     * `export { x }` (they must be declared) */
    PDeclList exported;
    PDeclList export_locals;
} Parser;

/* ---- parser.c: tokens and errors ---- */
void parse_next(Parser *p);
Token *parse_peek(Parser *p);
bool parse_at(const Parser *p, TokenKind k);
bool parse_at_ident(const Parser *p, const char *name); /* unescaped IDENT with that name */
bool parse_accept(Parser *p, TokenKind k);
bool parse_expect(Parser *p, TokenKind k);
bool parse_semicolon(Parser *p);
bool parse_fail(Parser *p, SrcPos pos, const char *fmt, ...) PRINTF_LIKE(3, 4);
bool parse_fail_range(Parser *p, SrcPos pos, const char *msg);
bool parse_unexpected(Parser *p, const Token *t);
bool parse_enter(Parser *p); /* depth guard; false on too deep */
void parse_leave(Parser *p);
Node *parse_node(Parser *p, NodeKind kind, SrcPos pos);
uint32_t parse_stack_mark(Parser *p);
void parse_stack_push(Parser *p, Node *n);
NodeList parse_stack_pop(Parser *p, uint32_t mark);
bool parse_is_strict(const Parser *p);

/* ---- parser.c: scopes ---- */
PScope *scope_push(Parser *p, PScopeKind kind);
void scope_pop(Parser *p, PScope *s);
bool scope_declare(Parser *p, AstName name, AstDeclKind kind, SrcPos pos, SrcPos report_pos,
                   bool plain_function);
bool scope_declare_param(Parser *p, PScope *s, AstName name, SrcPos pos);
AstDeclList scope_export(Parser *p, const PDeclList *l);
bool pdecl_has(const PDeclList *l, AstName name);
void pdecl_push(Parser *p, PDeclList *l, AstName name, AstDeclKind kind, SrcPos pos);

/* ---- parser.c: functions and labels ---- */
PFunc *func_push(Parser *p, PFuncKind kind);
void func_pop(Parser *p, PFunc *f);
void func_mark_uses(Parser *p, uint32_t flag);
void func_annexb_candidate(Parser *p, Node *fn);
AstDeclList func_annexb_finish(Parser *p, PFunc *f);

/* ---- parser_expr.c and parser_func.c ---- */
Node *parse_expression(Parser *p);                       /* Expression[+In] (comma) */
Node *parse_assignment(Parser *p, CoverErrors *ce);       /* AssignmentExpression */
Node *parse_function(Parser *p, uint32_t flags, AstMethodKind mk, SrcPos start, bool is_decl);
Node *parse_class(Parser *p, bool is_decl, bool name_optional);
Node *parse_binding_target(Parser *p, AstDeclKind kind);  /* identifier or pattern */
Node *parse_binding_element(Parser *p, AstDeclKind kind); /* target [= default] */
bool parse_check_binding_name(Parser *p, const Token *t, AstDeclKind kind);
Node *parse_to_assign_target(Parser *p, Node *n, bool top, const char *top_msg);
bool parse_check_simple_target(Parser *p, Node *n, const char *msg);
Node *parse_ident_name_node(Parser *p);
bool parse_check_cover(Parser *p, CoverErrors *ce);

/* shared between parser_expr.c and parser_func.c */
Node *parse_lhs(Parser *p, CoverErrors *ce);                /* LeftHandSideExpression */
Node *parse_property_key(Parser *p, bool in_class, bool *computed);
Node *parse_method(Parser *p, uint32_t flags, AstMethodKind mk, SrcPos start);
Node *parse_arrow(Parser *p, Node *head, bool is_async, SrcPos start);
Node *parse_to_binding(Parser *p, Node *n, bool nested);   /* cover -> binding pattern */
Node *parse_ident_node(Parser *p, const Token *t);
Node *parse_private_node(Parser *p, const Token *t);
void parse_private_ref(Parser *p, const Token *t);
bool parse_declare_binding(Parser *p, Node *id, AstDeclKind kind);
bool parse_check_ident_ref(Parser *p, const Token *t);
bool parse_is_eval_or_arguments(AstName n);
bool parse_key_is(const Node *key, bool computed, const char *s);
bool parse_modifier_applies(Parser *p, bool in_class);

/* ---- parser_stmt.c ---- */
Node *parse_statement_list_item(Parser *p);
bool parse_function_body(Parser *p, PFunc *f, Node *fn, NodeList *out_body);
Node *parse_module_item(Parser *p);

#endif
