/* ast.h — the abstract syntax tree of a JavaScript program, as the parser builds it and
 * the scope pass and the bytecode compiler read it. Owns nothing but the node types and
 * the arena (AstArena) that holds every node, list and string of one parse: the arena is
 * freed at once (ast_arena_fini) after compiling, and no pointer into it survives that.
 *
 * Representation (fixed; others rely on it):
 *  - Every node is a Node {kind, flags, pos, as.<kind>}; pos is the position of the
 *    node's first token (for binary/assign/member/call nodes: the first token of the left
 *    operand, as V8 reports; `op_pos` fields give the operator's own position). These are
 *    ESTree's `start` positions, except that a parenthesized expression starts at its `(`
 *    and a method's FUNCTION starts at the method name (or get/set/async/`*`).
 *  - Identifiers, property names, labels and private names are AstName: UTF-8, escapes
 *    decoded, NUL-terminated, with a length in bytes. Identifiers can never hold a lone
 *    surrogate, so UTF-8 is lossless for them.
 *  - String literals, template cooked and raw values are AstStr16: UTF-16 code units, so
 *    "\uD800" survives. Source that is not valid UTF-8 decodes each bad byte to U+FFFD.
 *  - Numbers are doubles (correctly rounded). BigInt literals are a SyntaxError for now.
 *  - Lists are NodeList {items, len}; items[i] may be NULL only where documented (array
 *    holes). Lists and strings live in the arena.
 *  - Node kinds are one X-macro list (AST_NODE_KINDS) giving the enum NODE_<KIND> and the
 *    names ast_kind_name() returns; ast_dump() prints a tree as S-expressions for tests.
 *
 * This header only grows: new kinds and fields are added, nothing is renamed or removed. */
#ifndef TICKSCOPE_AST_H
#define TICKSCOPE_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "tracer/srcpos.h"

typedef struct Node Node;

/* UTF-8 text, NUL-terminated (s[len] == 0), escapes decoded. len is in bytes. */
typedef struct {
    const char *s;
    uint32_t len;
} AstName;

/* UTF-16 code units (not NUL-terminated). units may be NULL when len == 0. */
typedef struct {
    const uint16_t *units;
    uint32_t len;
} AstStr16;

typedef struct {
    Node **items;
    uint32_t len;
} NodeList;

/* ==== Node kinds ========================================================================
 * X(NAME, "dump name"). Each kind's fields are documented at its payload struct below. */
#define AST_NODE_KINDS(X)                                                                   \
    /* -- literals and primary expressions -- */                                           \
    X(NUMBER, "number")               /* as.number */                                      \
    X(STRING, "string")               /* as.string */                                      \
    X(TEMPLATE, "template")           /* as.template: `a${b}c` */                          \
    X(TAGGED_TEMPLATE, "tagged")      /* as.tagged: tag`a${b}` */                          \
    X(REGEXP, "regexp")               /* as.regexp: /pattern/flags */                      \
    X(NULL_LIT, "null")               /* no payload */                                     \
    X(TRUE_LIT, "true")               /* no payload */                                     \
    X(FALSE_LIT, "false")             /* no payload */                                     \
    X(THIS, "this")                   /* no payload */                                     \
    X(SUPER, "super")                 /* no payload; only as MEMBER.object or CALL.callee */\
    X(IDENT, "id")                    /* as.ident: a reference or a binding */             \
    X(PRIVATE_NAME, "private")        /* as.ident (name without '#'): a.#x, #x in o */     \
    X(ARRAY, "array")                 /* as.array: [a, , ...b] */                          \
    X(OBJECT, "object")               /* as.object: {a, b: 1, ...c, m() {}} */             \
    X(PROPERTY, "prop")               /* as.property: one entry of OBJECT/OBJECT_PATTERN */\
    X(FUNCTION, "function")           /* as.function: every function, arrow and method */  \
    X(CLASS, "class")                 /* as.class_: declaration or expression */           \
    X(CLASS_MEMBER, "member")         /* as.member: method, accessor, field, static {} */  \
    /* -- operators -- */                                                                  \
    X(UNARY, "unary")                 /* as.unary: - + ! ~ typeof void delete */           \
    X(UPDATE, "update")               /* as.update: ++x x++ --x x-- */                     \
    X(BINARY, "binary")               /* as.binary: arithmetic, comparison, in, instanceof */\
    X(LOGICAL, "logical")             /* as.binary with op && || ?? */                     \
    X(ASSIGN, "assign")               /* as.assign: = += ... &&= ||= ??= */                \
    X(CONDITIONAL, "cond")            /* as.conditional: a ? b : c */                      \
    X(SEQUENCE, "seq")                /* as.list: a, b, c */                               \
    X(CALL, "call")                   /* as.call: f(a), f?.(a), super(a) */                \
    X(NEW, "new")                     /* as.call (optional always false): new F(a) */      \
    X(MEMBER, "member-expr")          /* as.member_expr: a.b, a[b], a?.b, a.#p, super.x */ \
    X(OPTIONAL_CHAIN, "chain")        /* as.chain: the whole a?.b.c, the short-circuit scope */\
    X(SPREAD, "spread")               /* as.spread: ...x in arrays, calls, objects */      \
    X(YIELD, "yield")                 /* as.yield: yield, yield x, yield* x */             \
    X(AWAIT, "await")                 /* as.await: await x */                              \
    X(META_PROPERTY, "meta")          /* as.meta: new.target, import.meta */               \
    X(IMPORT_CALL, "import-call")     /* as.spread (arg): import(x) */                     \
    /* -- patterns (binding and assignment targets) -- */                                  \
    X(ARRAY_PATTERN, "array-pattern") /* as.array: [a, , b = 1, ...c] */                   \
    X(OBJECT_PATTERN, "object-pattern") /* as.object: {a, b: c, d = 1, ...e} */            \
    X(ASSIGN_PATTERN, "default")      /* as.assign_pattern: target = default */            \
    X(REST, "rest")                   /* as.spread (arg = target): ...x in a pattern */    \
    /* -- statements -- */                                                                 \
    X(PROGRAM, "program")             /* as.program */                                     \
    X(VAR_DECL, "var")                /* as.var_decl: var/let/const a = 1, b */            \
    X(DECLARATOR, "decl")             /* as.declarator: one `target = init` */             \
    X(EXPR_STMT, "expr")              /* as.expr_stmt */                                   \
    X(BLOCK, "block")                 /* as.block: { ... } */                              \
    X(EMPTY, "empty")                 /* no payload: ; */                                  \
    X(IF, "if")                       /* as.if_ */                                         \
    X(FOR, "for")                     /* as.for_: for (init; test; update) body */         \
    X(FOR_IN, "for-in")               /* as.for_in: for (left in right) body */            \
    X(FOR_OF, "for-of")               /* as.for_in: for [await] (left of right) body */    \
    X(WHILE, "while")                 /* as.while_ */                                      \
    X(DO_WHILE, "do-while")           /* as.while_ */                                      \
    X(RETURN, "return")               /* as.jump (arg) */                                  \
    X(THROW, "throw")                 /* as.jump (arg) */                                  \
    X(BREAK, "break")                 /* as.jump (label) */                                \
    X(CONTINUE, "continue")           /* as.jump (label) */                                \
    X(TRY, "try")                     /* as.try_ */                                        \
    X(SWITCH, "switch")               /* as.switch_ */                                     \
    X(CASE, "case")                   /* as.case_: case x: ... / default: ... */           \
    X(LABELED, "label")               /* as.labeled: l: stmt */                            \
    X(DEBUGGER, "debugger")           /* no payload */                                     \
    X(WITH, "with")                   /* as.with: sloppy-mode with (obj) body */           \
    /* -- modules (top level of a module only) -- */                                       \
    X(IMPORT_DECL, "import")          /* as.import_decl */                                 \
    X(IMPORT_SPEC, "import-spec")     /* as.module_spec */                                 \
    X(EXPORT_NAMED, "export")         /* as.export_named */                                \
    X(EXPORT_DEFAULT, "export-default") /* as.export_default */                            \
    X(EXPORT_ALL, "export-all")       /* as.export_all */                                  \
    X(EXPORT_SPEC, "export-spec")     /* as.module_spec */

typedef enum {
#define AST_X_ENUM(name, str) NODE_##name,
    AST_NODE_KINDS(AST_X_ENUM)
#undef AST_X_ENUM
        NODE__COUNT
} NodeKind;

/* ==== Operators ========================================================================= */
#define AST_OPS(X)                                                                          \
    X(NONE, "")                                                                            \
    /* binary (NODE_BINARY) */                                                             \
    X(ADD, "+") X(SUB, "-") X(MUL, "*") X(DIV, "/") X(MOD, "%") X(EXP, "**")               \
    X(SHL, "<<") X(SAR, ">>") X(SHR, ">>>") X(BIT_AND, "&") X(BIT_OR, "|") X(BIT_XOR, "^") \
    X(EQ, "==") X(NE, "!=") X(STRICT_EQ, "===") X(STRICT_NE, "!==")                        \
    X(LT, "<") X(GT, ">") X(LE, "<=") X(GE, ">=")                                          \
    X(IN, "in") X(INSTANCEOF, "instanceof")                                                \
    /* logical (NODE_LOGICAL; also compound ops &&= ||= ??= in NODE_ASSIGN) */             \
    X(AND, "&&") X(OR, "||") X(NULLISH, "??")                                              \
    /* unary (NODE_UNARY) */                                                               \
    X(NEG, "-x") X(PLUS, "+x") X(NOT, "!") X(BIT_NOT, "~")                                 \
    X(TYPEOF, "typeof") X(VOID, "void") X(DELETE, "delete")                                \
    /* update (NODE_UPDATE) */                                                             \
    X(INC, "++") X(DEC, "--")                                                              \
    /* plain assignment (NODE_ASSIGN) */                                                   \
    X(ASSIGN, "=")

typedef enum {
#define AST_X_OP(name, str) AST_OP_##name,
    AST_OPS(AST_X_OP)
#undef AST_X_OP
        AST_OP__COUNT
} AstOp;

/* Node.flags bits */
enum {
    AST_PARENTHESIZED = 1 << 0, /* the expression was written inside ( ); its pos is then
                                   the outermost `(` (as V8 reports errors on it) */
    AST_DIRECTIVE = 1 << 1,     /* EXPR_STMT: part of a directive prologue ("use strict") */
};

/* ==== Declared names ===================================================================== */

/* A name declared in a scope: the parser records these for the scope pass. */
typedef enum {
    DECL_VAR = 0,     /* var (hoisted to the function/program) */
    DECL_LET,
    DECL_CONST,
    DECL_FUNCTION,    /* function declaration (lexical in blocks, var-like at function top) */
    DECL_CLASS,
    DECL_PARAM,       /* a function parameter */
    DECL_CATCH_PARAM, /* catch (e) */
    DECL_IMPORT,      /* import binding (module top level; immutable) */
} AstDeclKind;

typedef struct {
    AstName name;
    AstDeclKind kind;
    SrcPos pos;       /* position of the binding identifier */
} AstDecl;

typedef struct {
    AstDecl *items;
    uint32_t len;
} AstDeclList;

/* ==== Functions ========================================================================= */

/* AstFunction.flags bits */
enum {
    FUNC_ARROW = 1u << 0,          /* (a) => ..., never has own this/arguments/super */
    FUNC_ASYNC = 1u << 1,          /* async function / async arrow / async method */
    FUNC_GENERATOR = 1u << 2,      /* function* / *method / async function* */
    FUNC_STRICT = 1u << 3,         /* the body is strict code (own directive, inherited, class) */
    FUNC_DECLARATION = 1u << 4,    /* a FunctionDeclaration statement (binds name in scope) */
    FUNC_EXPRESSION = 1u << 5,     /* a function expression (name, if any, bound inside only) */
    FUNC_EXPR_BODY = 1u << 6,      /* arrow with a concise body: body is [RETURN expr] */
    FUNC_SIMPLE_PARAMS = 1u << 7,  /* params are plain identifiers: no default/rest/pattern */
    FUNC_USES_ARGUMENTS = 1u << 8, /* `arguments` is referenced in the body or params (also
                                      through nested arrows); never set on arrows */
    FUNC_USES_THIS = 1u << 9,      /* `this` or super is used in this function or in a
                                      nested arrow; set on those arrows too */
    FUNC_USES_SUPER_PROP = 1u << 10, /* super.x / super[x] inside (or in nested arrows) */
    FUNC_USES_SUPER_CALL = 1u << 11, /* super(...) inside (derived constructor or its arrows) */
    FUNC_USES_NEW_TARGET = 1u << 12, /* new.target inside (or in nested arrows) */
    FUNC_HAS_DIRECT_EVAL = 1u << 13, /* a call eval(...) appears (not supported; flagged) */
    FUNC_HAS_USE_STRICT = 1u << 14,  /* the body itself has a "use strict" directive */
    FUNC_CLASS_CONSTRUCTOR = 1u << 15, /* a class constructor (explicit or synthesized) */
    FUNC_DERIVED = 1u << 16,         /* constructor of a class with `extends` */
    FUNC_ANNEXB_HOISTED = 1u << 17,  /* a sloppy-mode function declaration in a block whose
                                        name also has a var binding in the enclosing function
                                        (Annex B.3.3, #sec-block-level-function-declarations-
                                        web-legacy-compatibility-semantics): when the
                                        declaration is evaluated (in statement order), copy
                                        the block's binding to that var binding. The names are
                                        listed in annexb_funcs of the function / program. */
};

typedef enum {
    METHOD_NONE = 0,   /* a plain function, arrow, or function expression */
    METHOD_METHOD,     /* m() {} in an object literal or class */
    METHOD_GET,        /* get x() {} */
    METHOD_SET,        /* set x(v) {} */
    METHOD_CONSTRUCTOR, /* constructor() {} of a class */
    METHOD_FIELD_INIT, /* reserved: a synthesized field-initializer function (parser never
                          builds one; the compiler may) */
} AstMethodKind;

typedef struct {
    Node *id;          /* NODE_IDENT binding name, or NULL (anonymous, arrows, methods) */
    NodeList params;   /* patterns: IDENT, ARRAY_PATTERN, OBJECT_PATTERN, ASSIGN_PATTERN,
                          and REST as the last one */
    NodeList body;     /* statements; for FUNC_EXPR_BODY one RETURN whose pos is the expr's */
    uint32_t flags;    /* FUNC_* bits */
    AstMethodKind method_kind;
    uint32_t length;   /* ExpectedArgumentCount: params before the first default or rest */
    uint32_t src_start; /* byte offsets of the whole function text in the source, for */
    uint32_t src_end;   /* Function.prototype.toString: [src_start, src_end) */
    SrcPos body_end;    /* position of the closing '}' (or end of the concise body) */
    AstName name_hint;  /* reserved for NamedEvaluation; the parser leaves it empty */
    void *scope_data;   /* reserved for the scope pass; the parser sets NULL */
    AstDeclList param_decls; /* every name bound by params, in order (DECL_PARAM) */
    AstDeclList var_decls;   /* var-scoped names of the body: var (also in nested blocks),
                                and function declarations at the body's top level; each
                                name once, in order of first appearance */
    AstDeclList lex_decls;   /* let/const/class at the body's top level */
    AstDeclList annexb_funcs; /* Annex B.3.3: the names of the FUNC_ANNEXB_HOISTED block
                                 functions of this body, each once. Each needs a var binding
                                 (initially undefined) unless var_decls already has one.
                                 Never a parameter name or "arguments" (the spec skips
                                 those) */
} AstFunction;

/* ==== Payloads ========================================================================== */

typedef struct {
    double value;
} AstNumber;

typedef struct {
    AstStr16 value;       /* the string value (cooked) */
} AstString;

/* One chunk of a template literal between substitutions. */
typedef struct {
    AstStr16 cooked;      /* TV: escapes processed, CRLF/CR normalized to LF */
    bool cooked_valid;    /* false when a tagged template had an invalid escape: cooked is
                             then `undefined` at run time (in untagged templates that is a
                             SyntaxError, so always true there) */
    AstStr16 raw;         /* TRV: source text, CRLF/CR normalized to LF, escapes kept */
    SrcPos pos;           /* position of the chunk's first character */
} AstTemplateQuasi;

typedef struct {
    AstTemplateQuasi *quasis; /* nquasis = nexprs + 1 */
    uint32_t nquasis;
    NodeList exprs;           /* substitutions, between quasis[i] and quasis[i+1] */
} AstTemplate;

typedef struct {
    Node *tag;      /* the tag expression (MEMBER, IDENT, CALL...) */
    Node *quasi;    /* a NODE_TEMPLATE */
    uint32_t site_id; /* unique per tagged template in one parse (0, 1, ...): the
                         template object is cached per site (#sec-gettemplateobject) */
} AstTagged;

typedef struct {
    AstName pattern; /* the body between the slashes, as written (UTF-8, no unescaping) */
    AstName flags;   /* flags as written, validated: only dgimsuyv, each at most once */
} AstRegExp;

typedef struct {
    AstName name;      /* IDENT: identifier (escapes decoded); PRIVATE_NAME: without '#' */
    void *scope_data;  /* reserved for the scope pass; the parser sets NULL */
} AstIdent;

typedef struct {
    NodeList elements; /* ARRAY: expressions, SPREAD, or NULL for a hole.
                          ARRAY_PATTERN: targets (IDENT, MEMBER in assignment patterns,
                          nested patterns), ASSIGN_PATTERN for defaults, REST last,
                          NULL for a hole (elision) */
} AstArray;

typedef struct {
    NodeList properties; /* OBJECT: PROPERTY or SPREAD. OBJECT_PATTERN: PROPERTY (value is
                            the target, possibly ASSIGN_PATTERN) or REST last */
    bool has_proto_setter; /* OBJECT: a non-shorthand, non-computed `__proto__: v` entry
                              appears (it sets the prototype; at most one) */
} AstObject;

typedef enum {
    PROP_INIT = 0, /* key: value, or shorthand `key` (shorthand = true) */
    PROP_METHOD,   /* key() {}  — value is a FUNCTION with METHOD_METHOD */
    PROP_GET,      /* get key() {} */
    PROP_SET,      /* set key(v) {} */
} AstPropKind;

typedef struct {
    AstPropKind kind;
    Node *key;       /* computed: any expression. Otherwise IDENT (an IdentifierName, which
                        may be a reserved word), STRING or NUMBER */
    Node *value;     /* the value expression, FUNCTION for methods/accessors; in patterns
                        the target (or ASSIGN_PATTERN for `key = default`) */
    bool computed;   /* [key]: value */
    bool shorthand;  /* `{a}` or `{a = 1}` (pattern): key and value name the same binding */
    bool is_proto;   /* OBJECT: this is the `__proto__: v` prototype setter entry */
} AstProperty;

typedef struct {
    Node *id;          /* NODE_IDENT or NULL (anonymous class expression) */
    Node *superclass;  /* the `extends` expression, or NULL */
    NodeList members;  /* CLASS_MEMBER nodes in source order (constructor excluded) */
    Node *constructor; /* FUNCTION (METHOD_CONSTRUCTOR, FUNC_CLASS_CONSTRUCTOR), or NULL when
                          the class has none (the compiler synthesizes the default one) */
    bool is_declaration; /* a ClassDeclaration statement (binds id in the enclosing block) */
    uint32_t src_start, src_end; /* byte offsets of the class text (toString) */
    void *scope_data;  /* reserved for the scope pass; the parser sets NULL */
} AstClass;

typedef enum {
    MEMBER_METHOD = 0, /* m() {} (also *m, async m) */
    MEMBER_GET,        /* get m() {} */
    MEMBER_SET,        /* set m(v) {} */
    MEMBER_FIELD,      /* x = init;  or  x;  (value = initializer or NULL) */
    MEMBER_STATIC_BLOCK, /* static { ... }: value is a FUNCTION (METHOD_METHOD, no params)
                            whose body is the block's statements */
} AstMemberKind;

typedef struct {
    AstMemberKind kind;
    Node *key;        /* computed: expression; else IDENT, STRING, NUMBER or PRIVATE_NAME;
                         NULL for MEMBER_STATIC_BLOCK */
    Node *value;      /* FUNCTION for methods/accessors/static blocks, initializer
                         expression or NULL for fields (the initializer is evaluated with
                         `this` = the instance / the class; arguments is an early error) */
    bool is_static;
    bool computed;
} AstClassMember;

typedef struct {
    AstOp op;        /* UNARY: NEG PLUS NOT BIT_NOT TYPEOF VOID DELETE; UPDATE: INC DEC */
    Node *arg;
    bool prefix;     /* UPDATE only: ++x (true) vs x++ (false) */
} AstUnary;

typedef struct {
    AstOp op;        /* BINARY: ADD..INSTANCEOF; LOGICAL: AND OR NULLISH */
    Node *left;      /* BINARY IN: may be PRIVATE_NAME (`#x in obj`) */
    Node *right;
    SrcPos op_pos;   /* position of the operator token */
} AstBinary;

typedef struct {
    AstOp op;        /* ASSIGN for `=`; otherwise the binary/logical op of `op=` */
    Node *target;    /* `=`: IDENT, MEMBER, ARRAY_PATTERN or OBJECT_PATTERN.
                        compound: IDENT or MEMBER only.
                        Also CALL for `=` and arithmetic `op=` (not &&= ||= ??=): V8 accepts
                        f() = 1 (web compatibility) and throws ReferenceError "Invalid
                        left-hand side in assignment" at run time after calling f; the same
                        holds for UPDATE's arg and a FOR_IN/FOR_OF left */
    Node *value;
    SrcPos op_pos;
} AstAssign;

typedef struct {
    Node *test, *then, *else_;
} AstConditional;

typedef struct {
    NodeList items;  /* SEQUENCE: two or more expressions */
} AstListNode;

typedef struct {
    Node *callee;    /* expression, SUPER for super(...) */
    NodeList args;   /* expressions and SPREAD */
    bool optional;   /* f?.(args): this link is guarded (inside an OPTIONAL_CHAIN) */
    SrcPos open_pos; /* position of '(' (NEW without arguments: none, all zeros) */
} AstCall;

typedef struct {
    Node *object;    /* expression or SUPER */
    Node *property;  /* computed: expression. Otherwise IDENT (IdentifierName) or
                        PRIVATE_NAME */
    bool computed;   /* a[b] */
    bool optional;   /* a?.b / a?.[b]: this link is guarded (inside an OPTIONAL_CHAIN) */
    SrcPos prop_pos; /* position of the property name (or '[') */
} AstMemberExpr;

typedef struct {
    Node *expr;      /* the chain: MEMBER/CALL nodes, at least one with optional = true. When
                        a guarded link finds null/undefined, the whole chain is undefined */
} AstChain;

typedef struct {
    Node *arg;       /* SPREAD/REST/IMPORT_CALL: the operand */
} AstSpread;

typedef struct {
    Node *arg;       /* NULL for a bare `yield` */
    bool delegate;   /* yield* */
} AstYield;

typedef struct {
    Node *arg;
} AstAwait;

typedef enum {
    META_NEW_TARGET = 0,
    META_IMPORT_META,
} AstMetaKind;

typedef struct {
    AstMetaKind kind;
} AstMeta;

typedef struct {
    Node *target;    /* IDENT, MEMBER (assignment patterns only), ARRAY_PATTERN, OBJECT_PATTERN */
    Node *value;     /* the default, evaluated when the value is undefined */
} AstAssignPattern;


typedef struct {
    NodeList body;
    bool is_module;
    bool strict;       /* modules, or a "use strict" prologue */
    bool has_top_level_await; /* module: `await` / `for await` at the top level */
    AstDeclList var_decls; /* var-scoped names of the top level: var, and function
                              declarations at the top level (each name once, in order; kind
                              DECL_FUNCTION when a function declaration has that name) */
    AstDeclList lex_decls; /* let/const/class; in a module also the top-level function
                              declarations (DECL_FUNCTION) and imports (DECL_IMPORT), which
                              are lexical there (#sec-module-semantics-static-semantics-
                              lexicallydeclarednames) */
    uint32_t ntagged;   /* number of tagged-template sites (AstTagged.site_id < ntagged) */
    AstDeclList annexb_funcs; /* Annex B.3.3 names at the top level (see AstFunction) */
    void *scope_data;   /* reserved for the scope pass; the parser sets NULL */
} AstProgram;

typedef enum {
    VAR_KIND_VAR = 0,
    VAR_KIND_LET,
    VAR_KIND_CONST,
} AstVarKind;

typedef struct {
    AstVarKind kind;
    NodeList decls;    /* DECLARATOR nodes (at least one) */
} AstVarDecl;

typedef struct {
    Node *target;      /* IDENT, ARRAY_PATTERN or OBJECT_PATTERN */
    Node *init;        /* NULL when absent */
} AstDeclarator;

typedef struct {
    Node *expr;
} AstExprStmt;

typedef struct {
    NodeList body;
    AstDeclList lex_decls; /* let/const/class/function declared directly in this block */
    void *scope_data;      /* reserved for the scope pass; the parser sets NULL */
} AstBlock;

typedef struct {
    Node *test, *then, *else_; /* else_ NULL when absent */
} AstIf;

typedef struct {
    Node *init;        /* VAR_DECL, expression, or NULL */
    Node *test;        /* NULL when absent */
    Node *update;      /* NULL when absent */
    Node *body;
    AstDeclList lex_decls; /* let/const names of init: each iteration copies them */
    void *scope_data;
} AstFor;

typedef struct {
    Node *left;        /* VAR_DECL with exactly one DECLARATOR (init NULL, except the
                          sloppy `for (var x = 1 in o)` of Annex B), or an assignment target
                          (IDENT, MEMBER, ARRAY_PATTERN, OBJECT_PATTERN) */
    Node *right;
    Node *body;
    bool is_await;     /* for await (... of ...) */
    AstDeclList lex_decls; /* let/const names of left */
    void *scope_data;
} AstForIn;

typedef struct {
    Node *test;
    Node *body;
} AstWhile;

typedef struct {
    Node *arg;         /* RETURN/THROW: the expression (RETURN: NULL when absent) */
    AstName label;     /* BREAK/CONTINUE: label, or len 0 / s NULL when absent */
} AstJump;

typedef struct {
    Node *block;       /* BLOCK */
    Node *param;       /* catch binding pattern (IDENT/ARRAY_PATTERN/OBJECT_PATTERN), or NULL
                          for `catch {` or no catch clause */
    Node *handler;     /* BLOCK, or NULL when there is no catch clause */
    Node *finalizer;   /* BLOCK, or NULL */
    AstDeclList catch_decls; /* names bound by param */
    void *scope_data;
} AstTry;

typedef struct {
    Node *discriminant;
    NodeList cases;    /* CASE nodes; at most one with test == NULL */
    AstDeclList lex_decls; /* let/const/class/function of all the case bodies (one scope) */
    void *scope_data;
} AstSwitch;

typedef struct {
    Node *test;        /* NULL for default: */
    NodeList body;
} AstCase;

typedef struct {
    AstName label;
    Node *body;
} AstLabeled;

typedef struct {
    Node *object;
    Node *body;
} AstWith;

/* Modules: import d, {a as b} from "m";  import * as ns from "m";  import "m"; */
typedef struct {
    NodeList specifiers; /* IMPORT_SPEC nodes */
    AstStr16 source;     /* the module specifier string */
} AstImportDecl;

typedef struct {
    AstName imported;  /* IMPORT_SPEC: "default" for a default import, "*" for a namespace;
                          EXPORT_SPEC: the local name */
    AstName local;     /* IMPORT_SPEC: the local binding; EXPORT_SPEC: the exported name */
} AstModuleSpec;

typedef struct {
    Node *declaration; /* VAR_DECL, FUNCTION or CLASS, or NULL */
    NodeList specifiers; /* EXPORT_SPEC nodes when declaration is NULL */
    AstStr16 source;   /* export {...} from "m": the specifier; len 0 / units NULL if none */
    bool has_source;
} AstExportNamed;

typedef struct {
    Node *value;       /* FUNCTION/CLASS declaration (possibly anonymous) or expression */
} AstExportDefault;

typedef struct {
    AstName exported;  /* export * as name from "m": name; empty for export * */
    AstStr16 source;
} AstExportAll;

struct Node {
    NodeKind kind;
    uint32_t flags;    /* AST_PARENTHESIZED, AST_DIRECTIVE */
    SrcPos pos;        /* the node's first token */
    union {
        AstNumber number;
        AstString string;
        AstTemplate template;
        AstTagged tagged;
        AstRegExp regexp;
        AstIdent ident;
        AstArray array;
        AstObject object;
        AstProperty property;
        AstFunction function;
        AstClass class_;
        AstClassMember member;
        AstUnary unary;      /* UNARY, UPDATE */
        AstBinary binary;    /* BINARY, LOGICAL */
        AstAssign assign;
        AstConditional conditional;
        AstListNode list;    /* SEQUENCE */
        AstCall call;        /* CALL, NEW */
        AstMemberExpr member_expr;
        AstChain chain;
        AstSpread spread;    /* SPREAD, REST, IMPORT_CALL */
        AstYield yield;
        AstAwait await;
        AstMeta meta;
        AstAssignPattern assign_pattern;
        AstProgram program;
        AstVarDecl var_decl;
        AstDeclarator declarator;
        AstExprStmt expr_stmt;
        AstBlock block;
        AstIf if_;
        AstFor for_;
        AstForIn for_in;     /* FOR_IN, FOR_OF */
        AstWhile while_;     /* WHILE, DO_WHILE */
        AstJump jump;        /* RETURN, THROW, BREAK, CONTINUE */
        AstTry try_;
        AstSwitch switch_;
        AstCase case_;
        AstLabeled labeled;
        AstWith with;
        AstImportDecl import_decl;
        AstModuleSpec module_spec; /* IMPORT_SPEC, EXPORT_SPEC */
        AstExportNamed export_named;
        AstExportDefault export_default;
        AstExportAll export_all;
    } as;
};

/* ==== The arena ========================================================================= */

/* Owns every node, list and string of one parse. Memory comes from xmalloc in chunks, so
 * allocation never fails (util.h's out-of-memory policy). Pointers stay valid until
 * ast_arena_fini. */
typedef struct AstChunk AstChunk;
typedef struct {
    AstChunk *head;    /* the chunk being filled; chunks are linked to older ones */
    size_t used;       /* bytes used in head */
    size_t total;      /* bytes handed out, for statistics */
} AstArena;

void ast_arena_init(AstArena *a);
/* Free every chunk at once; the arena may be reused after ast_arena_init. */
void ast_arena_fini(AstArena *a);
/* Zeroed memory, aligned for any node/double/pointer. */
void *ast_alloc(AstArena *a, size_t size);
/* A zeroed node of kind with position pos. */
Node *ast_node_new(AstArena *a, NodeKind kind, SrcPos pos);
/* Copy n bytes of UTF-8 into the arena, NUL-terminated. */
AstName ast_name_copy(AstArena *a, const char *s, size_t n);
/* Copy n UTF-16 units into the arena. */
AstStr16 ast_str16_copy(AstArena *a, const uint16_t *units, size_t n);
/* Copy a list of n node pointers into the arena. */
NodeList ast_list_copy(AstArena *a, Node *const *items, size_t n);

/* ==== Inspection ======================================================================== */

const char *ast_kind_name(NodeKind kind);
/* The operator's source spelling ("+", "typeof", "&&"; "-x"/"+x" for unary minus/plus). */
const char *ast_op_name(AstOp op);
/* True when name equals the NUL-terminated s. */
bool ast_name_eq(AstName name, const char *s);

/* Append n as S-expressions to out, one line per statement-level node, for tests and
 * --dump-ast. Positions are included as @LINE:COL when with_pos is true. Example:
 *   (program (var let (decl (id a) (number 1))))
 * Strings print JSON-style quoted with \uXXXX for non-ASCII and control units. */
void ast_dump(const Node *n, StrBuf *out, bool with_pos);

#endif
