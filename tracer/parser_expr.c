/* parser_expr.c — expressions (ecma262 #sec-ecmascript-language-expressions) and the cover
 * grammars (parenthesized expression / arrow parameters, async(...) / async arrow heads,
 * object and array literals / assignment patterns). Binary operators go through a Pratt
 * table (binary_rules) keyed by token. Functions, arrows, classes and binding patterns are
 * in parser_func.c. */
#include <string.h>

#include "common/util.h"
#include "tracer/parser_int.h"

static Node *parse_unary(Parser *p, CoverErrors *ce);
Node *parse_lhs(Parser *p, CoverErrors *ce);
static Node *parse_primary(Parser *p, CoverErrors *ce);
static Node *parse_subscripts(Parser *p, Node *expr, bool allow_call);
static Node *parse_template(Parser *p, bool tagged);
Node *parse_property_key(Parser *p, bool in_class, bool *computed);
static Node *parse_conditional_ce(Parser *p, CoverErrors *ce);

static const char MSG_BAD_DESTRUCT[] = "Invalid destructuring assignment target";
static const char MSG_BAD_LHS_ASSIGN[] = "Invalid left-hand side in assignment";
static const char MSG_EVAL_ARGS[] = "Unexpected eval or arguments in strict mode";
static const char MSG_REST_LAST[] = "Rest element must be last element";

/* ==== The Pratt table for binary operators ============================================= */

typedef enum {
    PREC_NONE = 0,
    PREC_COALESCE, /* ?? and || share a level; mixing them unparenthesized is an error */
    PREC_AND,
    PREC_BIT_OR,
    PREC_BIT_XOR,
    PREC_BIT_AND,
    PREC_EQUALITY,
    PREC_RELATIONAL,
    PREC_SHIFT,
    PREC_ADDITIVE,
    PREC_MULTIPLICATIVE,
    PREC_EXPONENT, /* right-associative */
} Prec;

typedef struct {
    uint8_t prec;
    AstOp op;
    bool logical; /* NODE_LOGICAL rather than NODE_BINARY */
} BinaryRule;

static const BinaryRule binary_rules[TOK__COUNT] = {
    [TOK_QUESTION_QUESTION] = {PREC_COALESCE, AST_OP_NULLISH, true},
    [TOK_OR_OR] = {PREC_COALESCE, AST_OP_OR, true},
    [TOK_AND_AND] = {PREC_AND, AST_OP_AND, true},
    [TOK_PIPE] = {PREC_BIT_OR, AST_OP_BIT_OR, false},
    [TOK_CARET] = {PREC_BIT_XOR, AST_OP_BIT_XOR, false},
    [TOK_AMP] = {PREC_BIT_AND, AST_OP_BIT_AND, false},
    [TOK_EQ] = {PREC_EQUALITY, AST_OP_EQ, false},
    [TOK_NE] = {PREC_EQUALITY, AST_OP_NE, false},
    [TOK_STRICT_EQ] = {PREC_EQUALITY, AST_OP_STRICT_EQ, false},
    [TOK_STRICT_NE] = {PREC_EQUALITY, AST_OP_STRICT_NE, false},
    [TOK_LT] = {PREC_RELATIONAL, AST_OP_LT, false},
    [TOK_GT] = {PREC_RELATIONAL, AST_OP_GT, false},
    [TOK_LE] = {PREC_RELATIONAL, AST_OP_LE, false},
    [TOK_GE] = {PREC_RELATIONAL, AST_OP_GE, false},
    [TOK_INSTANCEOF] = {PREC_RELATIONAL, AST_OP_INSTANCEOF, false},
    [TOK_IN] = {PREC_RELATIONAL, AST_OP_IN, false},
    [TOK_SHL] = {PREC_SHIFT, AST_OP_SHL, false},
    [TOK_SAR] = {PREC_SHIFT, AST_OP_SAR, false},
    [TOK_SHR] = {PREC_SHIFT, AST_OP_SHR, false},
    [TOK_PLUS] = {PREC_ADDITIVE, AST_OP_ADD, false},
    [TOK_MINUS] = {PREC_ADDITIVE, AST_OP_SUB, false},
    [TOK_STAR] = {PREC_MULTIPLICATIVE, AST_OP_MUL, false},
    [TOK_SLASH] = {PREC_MULTIPLICATIVE, AST_OP_DIV, false},
    [TOK_PERCENT] = {PREC_MULTIPLICATIVE, AST_OP_MOD, false},
    [TOK_STAR_STAR] = {PREC_EXPONENT, AST_OP_EXP, false},
};

/* Assignment operators: `=` and the compound ones (#sec-assignment-operators). */
static const AstOp assign_ops[TOK__COUNT] = {
    [TOK_ASSIGN] = AST_OP_ASSIGN,
    [TOK_PLUS_ASSIGN] = AST_OP_ADD,
    [TOK_MINUS_ASSIGN] = AST_OP_SUB,
    [TOK_STAR_ASSIGN] = AST_OP_MUL,
    [TOK_SLASH_ASSIGN] = AST_OP_DIV,
    [TOK_PERCENT_ASSIGN] = AST_OP_MOD,
    [TOK_STAR_STAR_ASSIGN] = AST_OP_EXP,
    [TOK_SHL_ASSIGN] = AST_OP_SHL,
    [TOK_SAR_ASSIGN] = AST_OP_SAR,
    [TOK_SHR_ASSIGN] = AST_OP_SHR,
    [TOK_AMP_ASSIGN] = AST_OP_BIT_AND,
    [TOK_PIPE_ASSIGN] = AST_OP_BIT_OR,
    [TOK_CARET_ASSIGN] = AST_OP_BIT_XOR,
    [TOK_AND_AND_ASSIGN] = AST_OP_AND,
    [TOK_OR_OR_ASSIGN] = AST_OP_OR,
    [TOK_QQ_ASSIGN] = AST_OP_NULLISH,
};

/* Unary operators (#sec-unary-operators). */
static const AstOp unary_ops[TOK__COUNT] = {
    [TOK_DELETE] = AST_OP_DELETE, [TOK_VOID] = AST_OP_VOID, [TOK_TYPEOF] = AST_OP_TYPEOF,
    [TOK_PLUS] = AST_OP_PLUS,     [TOK_MINUS] = AST_OP_NEG, [TOK_TILDE] = AST_OP_BIT_NOT,
    [TOK_BANG] = AST_OP_NOT,
};

/* ==== Small helpers ===================================================================== */

static bool is_name(const Node *n, const char *s)
{
    return n && n->kind == NODE_IDENT && ast_name_eq(n->as.ident.name, s);
}

bool parse_is_eval_or_arguments(AstName n)
{
    return ast_name_eq(n, "eval") || ast_name_eq(n, "arguments");
}

/* Tokens that may start an AssignmentExpression (for `yield` without an operand). */
static bool starts_expression(const Token *t)
{
    switch (t->kind) {
    case TOK_IDENT: case TOK_PRIVATE_NAME: case TOK_NUMBER: case TOK_STRING:
    case TOK_TEMPLATE: case TOK_TEMPLATE_HEAD: case TOK_LPAREN: case TOK_LBRACKET:
    case TOK_LBRACE: case TOK_PLUS: case TOK_MINUS: case TOK_BANG: case TOK_TILDE:
    case TOK_INC: case TOK_DEC: case TOK_SLASH: case TOK_SLASH_ASSIGN: case TOK_CLASS:
    case TOK_FUNCTION: case TOK_NEW: case TOK_THIS: case TOK_SUPER: case TOK_NULL:
    case TOK_TRUE: case TOK_FALSE: case TOK_TYPEOF: case TOK_VOID: case TOK_DELETE:
    case TOK_IMPORT: case TOK_STAR: case TOK_ERROR:
        return true;
    default:
        return false;
    }
}

static void cover_clear_from(CoverErrors *ce, uint32_t offset)
{
    if (ce->has_shorthand_init && ce->shorthand_init.offset >= offset)
        ce->has_shorthand_init = false;
    if (ce->has_double_proto && ce->double_proto.offset >= offset)
        ce->has_double_proto = false;
}

bool parse_check_cover(Parser *p, CoverErrors *ce)
{
    if (ce->has_shorthand_init)
        return parse_fail(p, ce->shorthand_init, "Invalid shorthand property initializer");
    if (ce->has_double_proto)
        return parse_fail(p, ce->double_proto,
                          "Duplicate __proto__ fields are not allowed in object literals");
    return true;
}

/* The string-literal checks that depend on strictness (#sec-literals-string-literals,
 * Annex B.1.2): octal escapes and \8 \9 are errors in strict code. */
static bool check_string_token(Parser *p, const Token *t)
{
    if (t->octal_escape && parse_is_strict(p)) {
        SrcPos pos = lex_pos_at(&p->lx, t->octal_escape_offset);
        return parse_fail(p, pos, "%s",
                          t->escape_89 ? "\\8 and \\9 are not allowed in strict mode."
                                       : "Octal escape sequences are not allowed in strict mode.");
    }
    return true;
}

static bool check_number_token(Parser *p, const Token *t)
{
    if (t->legacy_octal && parse_is_strict(p))
        return parse_fail(p, t->pos, "%s",
                          t->leading_zero_decimal
                              ? "Decimals with leading zeros are not allowed in strict mode."
                              : "Octal literals are not allowed in strict mode.");
    return true;
}

/* IdentifierReference early errors (#sec-identifiers-static-semantics-early-errors). */
bool parse_check_ident_ref(Parser *p, const Token *t)
{
    AstName n = t->name;
    if (t->escaped && lex_is_reserved_word(n.s, n.len))
        return parse_fail(p, t->pos, "Keyword must not contain escaped characters");
    if (parse_is_strict(p) && lex_is_strict_reserved_word(n.s, n.len))
        return parse_fail(p, t->pos, "Unexpected strict mode reserved word");
    if (ast_name_eq(n, "await")) {
        if (p->func->await_kw || p->func->await_reserved)
            return parse_fail(p, t->pos, "Unexpected reserved word");
        if (!p->has_await_ident)
            p->has_await_ident = true, p->await_ident_pos = t->pos;
    }
    if (ast_name_eq(n, "yield") && p->func->yield_kw)
        return parse_fail(p, t->pos, "Unexpected identifier 'yield'");
    if (ast_name_eq(n, "arguments")) {
        if (p->func->no_arguments)
            return parse_fail(p, t->pos,
                              "'arguments' is not allowed in class field initializer or static "
                              "initialization block");
        func_mark_uses(p, FUNC_USES_ARGUMENTS);
    }
    return true;
}

/* BindingIdentifier early errors; kind says which declaration binds it. */
bool parse_check_binding_name(Parser *p, const Token *t, AstDeclKind kind)
{
    if (t->kind != TOK_IDENT)
        return parse_unexpected(p, t);
    AstName n = t->name;
    if (t->escaped && lex_is_reserved_word(n.s, n.len))
        return parse_fail(p, t->pos, "Keyword must not contain escaped characters");
    if ((kind == DECL_LET || kind == DECL_CONST || kind == DECL_CLASS) && ast_name_eq(n, "let"))
        return parse_fail(p, t->pos, "let is disallowed as a lexically bound name");
    if (parse_is_strict(p) && lex_is_strict_reserved_word(n.s, n.len))
        return parse_fail(p, t->pos, "Unexpected strict mode reserved word");
    if (ast_name_eq(n, "await")) {
        if (p->func->await_kw || p->func->await_reserved)
            return parse_fail(p, t->pos, "Unexpected reserved word");
        if (!p->has_await_ident)
            p->has_await_ident = true, p->await_ident_pos = t->pos;
    }
    if (ast_name_eq(n, "yield") && p->func->yield_kw)
        return parse_fail(p, t->pos, "Unexpected identifier 'yield'");
    if (parse_is_strict(p) && parse_is_eval_or_arguments(n))
        return parse_fail(p, t->pos, MSG_EVAL_ARGS);
    return true;
}

Node *parse_ident_node(Parser *p, const Token *t)
{
    Node *n = parse_node(p, NODE_IDENT, t->pos);
    n->as.ident.name = t->name;
    return n;
}

/* Declare a binding name per kind: params go to the function's parameter list (duplicates
 * are judged when the function ends), catch parameters to the catch scope, others through
 * scope_declare. */
bool parse_declare_binding(Parser *p, Node *id, AstDeclKind kind)
{
    AstName name = id->as.ident.name;
    if (kind == DECL_PARAM) {
        PFunc *f = p->func;
        if (!scope_declare_param(p, f->scope, name, id->pos)) {
            if (!f->has_dup_param) {
                f->has_dup_param = true;
                f->dup_param_pos = id->pos;
            }
        }
        return true;
    }
    if (kind == DECL_CATCH_PARAM) {
        if (!scope_declare_param(p, p->scope, name, id->pos))
            return parse_fail(p, id->pos, "Identifier '%s' has already been declared", name.s);
        return true;
    }
    return scope_declare(p, name, kind, id->pos, id->pos, false);
}

/* ==== Private names ===================================================================== */

void parse_private_ref(Parser *p, const Token *t)
{
    PClass *c = p->cls;
    if (!c) {
        /* resolved immediately: no enclosing class at all */
        parse_fail(p, t->pos, "Private field '#%s' must be declared in an enclosing class",
                   t->name.s);
        return;
    }
    if (c->nrefs == c->caprefs) {
        uint32_t ncap = c->caprefs ? c->caprefs * 2 : 8;
        PPrivRef *r = ast_alloc(p->arena, ncap * sizeof(PPrivRef));
        if (c->nrefs)
            memcpy(r, c->refs, c->nrefs * sizeof(PPrivRef));
        c->refs = r;
        c->caprefs = ncap;
    }
    c->refs[c->nrefs++] = (PPrivRef){t->name, t->pos};
}

Node *parse_private_node(Parser *p, const Token *t)
{
    Node *n = parse_node(p, NODE_PRIVATE_NAME, t->pos);
    n->as.ident.name = t->name;
    return n;
}

/* ==== Expressions: comma, assignment, conditional, binary ============================== */

/* Expression : AssignmentExpression | Expression , AssignmentExpression */
Node *parse_expression(Parser *p)
{
    SrcPos start = p->tok.pos;
    Node *first = parse_assignment(p, NULL);
    TRY(first);
    if (!parse_at(p, TOK_COMMA))
        return first;
    uint32_t mark = parse_stack_mark(p);
    parse_stack_push(p, first);
    while (parse_accept(p, TOK_COMMA)) {
        Node *e = parse_assignment(p, NULL);
        TRY(e);
        parse_stack_push(p, e);
    }
    Node *seq = parse_node(p, NODE_SEQUENCE, start);
    seq->as.list.items = parse_stack_pop(p, mark);
    return seq;
}

/* A simple assignment target (#sec-static-semantics-assignmenttargettype): an identifier
 * (not eval/arguments in strict code), a property reference, or — as V8 accepts for web
 * compatibility and turns into a runtime ReferenceError — a call. Parentheses are
 * transparent here. */
bool parse_check_simple_target(Parser *p, Node *n, const char *msg)
{
    if (n->kind == NODE_IDENT) {
        if (parse_is_strict(p) && parse_is_eval_or_arguments(n->as.ident.name))
            return parse_fail(p, n->pos, MSG_EVAL_ARGS);
        return true;
    }
    if (n->kind == NODE_MEMBER || n->kind == NODE_CALL)
        return true;
    return parse_fail(p, n->pos, "%s", msg);
}

/* Reinterpret an ArrayLiteral/ObjectLiteral (or simple target) as an assignment pattern
 * (#sec-destructuring-assignment). top: n is the whole left-hand side (error top_msg);
 * otherwise it is nested in a pattern ("Invalid destructuring assignment target"). */
Node *parse_to_assign_target(Parser *p, Node *n, bool top, const char *top_msg)
{
    const char *msg = top ? top_msg : MSG_BAD_DESTRUCT;
    if (!top && n->kind == NODE_IDENT && parse_is_strict(p) &&
        parse_is_eval_or_arguments(n->as.ident.name)) {
        parse_fail(p, n->pos, MSG_BAD_DESTRUCT); /* V8's wording inside a pattern */
        return NULL;
    }
    if (n->kind == NODE_IDENT || n->kind == NODE_MEMBER) {
        TRY(parse_check_simple_target(p, n, msg));
        return n;
    }
    if (n->kind == NODE_CALL && top) /* V8: runtime ReferenceError */
        return n;
    if ((n->flags & AST_PARENTHESIZED) || (n->kind != NODE_ARRAY && n->kind != NODE_OBJECT)) {
        parse_fail(p, n->pos, "%s", msg);
        return NULL;
    }
    if (n->kind == NODE_ARRAY) {
        NodeList *el = &n->as.array.elements;
        for (uint32_t i = 0; i < el->len; i++) {
            Node *e = el->items[i];
            if (!e)
                continue;
            if (e->kind == NODE_SPREAD) {
                if (i + 1 != el->len || (e->flags & PN_TRAILING_COMMA)) {
                    parse_fail(p, e->pos, MSG_REST_LAST);
                    return NULL;
                }
                Node *arg = e->as.spread.arg;
                if (arg->kind == NODE_ASSIGN) {
                    parse_fail(p, e->pos, MSG_BAD_DESTRUCT);
                    return NULL;
                }
                Node *t = parse_to_assign_target(p, arg, false, NULL);
                TRY(t);
                e->kind = NODE_REST;
                e->as.spread.arg = t;
            } else if (e->kind == NODE_ASSIGN && e->as.assign.op == AST_OP_ASSIGN &&
                       !(e->flags & AST_PARENTHESIZED)) {
                Node *target = e->as.assign.target, *value = e->as.assign.value;
                e->kind = NODE_ASSIGN_PATTERN;
                e->as.assign_pattern.target = target;
                e->as.assign_pattern.value = value;
            } else {
                Node *t = parse_to_assign_target(p, e, false, NULL);
                TRY(t);
                el->items[i] = t;
            }
        }
        n->kind = NODE_ARRAY_PATTERN;
        return n;
    }
    NodeList *props = &n->as.object.properties;
    for (uint32_t i = 0; i < props->len; i++) {
        Node *e = props->items[i];
        if (e->kind == NODE_SPREAD) {
            if (i + 1 != props->len || (e->flags & PN_TRAILING_COMMA)) {
                parse_fail(p, e->as.spread.arg->pos, MSG_REST_LAST);
                return NULL;
            }
            Node *arg = e->as.spread.arg;
            if ((arg->kind != NODE_IDENT && arg->kind != NODE_MEMBER) ||
                (arg->flags & AST_PARENTHESIZED && arg->kind != NODE_IDENT &&
                 arg->kind != NODE_MEMBER)) {
                parse_fail(p, arg->pos,
                           "`...` must be followed by an assignable reference in assignment "
                           "contexts");
                return NULL;
            }
            TRY(parse_check_simple_target(p, arg, MSG_BAD_DESTRUCT));
            e->kind = NODE_REST;
            continue;
        }
        AstProperty *pr = &e->as.property;
        if (pr->kind != PROP_INIT) {
            parse_fail(p, e->pos, MSG_BAD_DESTRUCT);
            return NULL;
        }
        pr->is_proto = false;
        Node *v = pr->value;
        if (pr->shorthand && v->kind == NODE_IDENT) {
            TRY(parse_check_simple_target(p, v, MSG_BAD_DESTRUCT)); /* {eval}: V8's eval message */
            continue;
        }
        if (v->kind == NODE_ASSIGN_PATTERN) {
            /* CoverInitializedName {a = 1}: already a target with a default */
            TRY(parse_check_simple_target(p, v->as.assign_pattern.target, MSG_BAD_DESTRUCT));
            continue;
        } else if (v->kind == NODE_ASSIGN && v->as.assign.op == AST_OP_ASSIGN &&
                   !(v->flags & AST_PARENTHESIZED)) {
            Node *target = v->as.assign.target, *value = v->as.assign.value;
            v->kind = NODE_ASSIGN_PATTERN;
            v->as.assign_pattern.target = target;
            v->as.assign_pattern.value = value;
        } else {
            Node *t = parse_to_assign_target(p, v, false, NULL);
            TRY(t);
            pr->value = t;
        }
    }
    n->as.object.has_proto_setter = false;
    n->kind = NODE_OBJECT_PATTERN;
    return n;
}

/* Reinterpret a cover expression as a binding pattern (arrow parameters), declaring the
 * names as parameters of the current (arrow) function. */
Node *parse_to_binding(Parser *p, Node *n, bool nested)
{
    if (n->flags & AST_PARENTHESIZED) {
        parse_fail(p, n->pos, MSG_BAD_DESTRUCT);
        return NULL;
    }
    switch (n->kind) {
    case NODE_IDENT: {
        Token t;
        memset(&t, 0, sizeof t);
        t.kind = TOK_IDENT;
        t.pos = n->pos;
        t.name = n->as.ident.name;
        TRY(parse_check_binding_name(p, &t, DECL_PARAM));
        TRY(parse_declare_binding(p, n, DECL_PARAM));
        return n;
    }
    case NODE_ASSIGN:
        if (n->as.assign.op != AST_OP_ASSIGN)
            break;
        {
            Node *target = parse_to_binding(p, n->as.assign.target, nested);
            TRY(target);
            Node *value = n->as.assign.value;
            n->kind = NODE_ASSIGN_PATTERN;
            n->as.assign_pattern.target = target;
            n->as.assign_pattern.value = value;
            return n;
        }
    case NODE_ASSIGN_PATTERN: {
        Node *target = parse_to_binding(p, n->as.assign_pattern.target, nested);
        TRY(target);
        n->as.assign_pattern.target = target;
        return n;
    }
    case NODE_ARRAY:
    case NODE_ARRAY_PATTERN: {
        NodeList *el = &n->as.array.elements;
        for (uint32_t i = 0; i < el->len; i++) {
            Node *e = el->items[i];
            if (!e)
                continue;
            if (e->kind == NODE_SPREAD || e->kind == NODE_REST) {
                if (i + 1 != el->len || (e->flags & PN_TRAILING_COMMA)) {
                    parse_fail(p, e->pos, MSG_REST_LAST);
                    return NULL;
                }
                Node *t = parse_to_binding(p, e->as.spread.arg, true);
                TRY(t);
                /* BindingRestElement has no Initializer: [...x = []] */
                if (t->kind == NODE_ASSIGN_PATTERN) {
                    parse_fail(p, e->pos, "Invalid destructuring assignment target");
                    return NULL;
                }
                e->kind = NODE_REST;
                e->as.spread.arg = t;
            } else {
                Node *t = parse_to_binding(p, e, true);
                TRY(t);
                el->items[i] = t;
            }
        }
        n->kind = NODE_ARRAY_PATTERN;
        return n;
    }
    case NODE_OBJECT:
    case NODE_OBJECT_PATTERN: {
        NodeList *props = &n->as.object.properties;
        for (uint32_t i = 0; i < props->len; i++) {
            Node *e = props->items[i];
            if (e->kind == NODE_SPREAD || e->kind == NODE_REST) {
                Node *arg = e->as.spread.arg;
                if (i + 1 != props->len || (e->flags & PN_TRAILING_COMMA)) {
                    parse_fail(p, arg->pos, MSG_REST_LAST);
                    return NULL;
                }
                if (arg->kind != NODE_IDENT) {
                    parse_fail(p, arg->pos,
                               "`...` must be followed by an identifier in declaration contexts");
                    return NULL;
                }
                TRY(parse_to_binding(p, arg, true));
                e->kind = NODE_REST;
                continue;
            }
            AstProperty *pr = &e->as.property;
            if (pr->kind != PROP_INIT) {
                parse_fail(p, e->pos, MSG_BAD_DESTRUCT);
                return NULL;
            }
            pr->is_proto = false;
            Node *v = pr->value;
            if (v->kind == NODE_MEMBER || (v->kind == NODE_ASSIGN &&
                                           v->as.assign.target->kind == NODE_MEMBER)) {
                parse_fail(p, v->pos, "Illegal property in declaration context");
                return NULL;
            }
            Node *t = parse_to_binding(p, v, true);
            TRY(t);
            pr->value = t;
        }
        n->kind = NODE_OBJECT_PATTERN;
        return n;
    }
    case NODE_MEMBER:
        if (nested) {
            parse_fail(p, n->pos, "Illegal property in declaration context");
            return NULL;
        }
        break;
    default:
        break;
    }
    parse_fail(p, n->pos, MSG_BAD_DESTRUCT);
    return NULL;
}

static Node *parse_yield(Parser *p)
{
    SrcPos pos = p->tok.pos;
    if (p->func->in_params) {
        parse_fail(p, pos, "Yield expression not allowed in formal parameter");
        return NULL;
    }
    if (!p->has_yield_pos) {
        p->has_yield_pos = true;
        p->yield_pos = pos;
    }
    parse_next(p);
    Node *n = parse_node(p, NODE_YIELD, pos);
    if (p->tok.newline_before && p->tok.kind != TOK_STAR)
        return n; /* yield [no LineTerminator here] */
    if (p->tok.newline_before)
        return n;
    if (parse_accept(p, TOK_STAR)) {
        n->as.yield.delegate = true;
        n->as.yield.arg = parse_assignment(p, NULL);
        TRY(n->as.yield.arg);
        return n;
    }
    if (starts_expression(&p->tok)) {
        n->as.yield.arg = parse_assignment(p, NULL);
        TRY(n->as.yield.arg);
    }
    return n;
}

/* Is head (the left-hand side just parsed, followed by =>) an arrow head? */
static bool arrow_head_ok(Parser *p, Node *head, SrcPos start, bool *is_async)
{
    *is_async = false;
    if (head->kind == NODE_IDENT && !(head->flags & AST_PARENTHESIZED) &&
        head->pos.offset == start.offset)
        return true;
    if (head == p->cover_node) {
        if (head->kind == NODE_CALL)
            *is_async = true;
        return true;
    }
    return false;
}

/* AssignmentExpression (#sec-assignment-operators), including arrow functions, async
 * arrows and yield. ce collects cover-grammar errors for an enclosing literal; with NULL,
 * this call owns them and reports them unless the expression becomes a pattern. */
Node *parse_assignment(Parser *p, CoverErrors *ce)
{
    TRY(parse_enter(p));
    Node *res = NULL;
    SrcPos start = p->tok.pos;
    CoverErrors own;
    memset(&own, 0, sizeof own);
    CoverErrors *use = ce ? ce : &own;

    if (p->tok.kind == TOK_IDENT && !p->tok.escaped) {
        if (p->func->yield_kw && ast_name_eq(p->tok.name, "yield")) {
            res = parse_yield(p);
            goto out;
        }
        /* async [no LineTerminator here] BindingIdentifier => ... (#sec-async-arrow-function-
         * definitions) */
        if (ast_name_eq(p->tok.name, "async")) {
            Token *nx = parse_peek(p);
            if (nx->kind == TOK_IDENT && !nx->newline_before) {
                parse_next(p);
                Token param = p->tok;
                parse_next(p);
                if (!parse_at(p, TOK_ARROW) || p->tok.newline_before) {
                    if (p->no_in && !param.escaped && ast_name_eq(param.name, "of"))
                        parse_fail(p, start,
                                   "The left-hand side of a for-of loop may not be 'async'.");
                    else /* V8 blames the identifier after async */
                        parse_unexpected(p, &param);
                    goto out;
                }
                Node *id = parse_ident_node(p, &param);
                res = parse_arrow(p, id, true, start);
                goto out;
            }
        }
    }

    Node *lhs = parse_conditional_ce(p, use);
    if (!lhs)
        goto out;
    if (parse_at(p, TOK_ARROW)) {
        bool is_async;
        if (!arrow_head_ok(p, lhs, start, &is_async)) {
            parse_fail(p, start, "Malformed arrow function parameter list");
            goto out;
        }
        if (p->tok.newline_before) { /* ArrowParameters [no LineTerminator here] => */
            parse_unexpected(p, &p->tok);
            goto out;
        }
        cover_clear_from(use, start.offset);
        res = parse_arrow(p, lhs, is_async, start);
        goto out;
    }
    AstOp op = assign_ops[p->tok.kind];
    if (op != AST_OP_NONE) {
        SrcPos op_pos = p->tok.pos;
        Node *target = lhs;
        if (op == AST_OP_ASSIGN && (lhs->kind == NODE_ARRAY || lhs->kind == NODE_OBJECT) &&
            !(lhs->flags & AST_PARENTHESIZED)) {
            target = parse_to_assign_target(p, lhs, true, MSG_BAD_LHS_ASSIGN);
            if (!target)
                goto out;
            cover_clear_from(use, start.offset);
        } else if (op == AST_OP_AND || op == AST_OP_OR || op == AST_OP_NULLISH) {
            if (lhs->kind == NODE_CALL) {
                parse_fail(p, lhs->pos, MSG_BAD_LHS_ASSIGN);
                goto out;
            }
            if (!parse_check_simple_target(p, lhs, MSG_BAD_LHS_ASSIGN))
                goto out;
        } else {
            if (!parse_check_simple_target(p, lhs, MSG_BAD_LHS_ASSIGN))
                goto out;
        }
        if (!ce && !parse_check_cover(p, &own))
            goto out;
        parse_next(p);
        Node *value = parse_assignment(p, NULL);
        if (!value)
            goto out;
        res = parse_node(p, NODE_ASSIGN, lhs->pos);
        res->as.assign.op = op;
        res->as.assign.target = target;
        res->as.assign.value = value;
        res->as.assign.op_pos = op_pos;
        goto out;
    }
    if (!ce && !parse_check_cover(p, &own))
        goto out;
    res = lhs;
out:
    parse_leave(p);
    return p->failed ? NULL : res;
}

/* ConditionalExpression : ShortCircuitExpression ? AssignmentExpression : AssignmentExpression
 * (#sec-conditional-operator) */
static Node *parse_binary(Parser *p, int min_prec, CoverErrors *ce);

static Node *parse_conditional_ce(Parser *p, CoverErrors *ce)
{
    Node *test = parse_binary(p, PREC_COALESCE, ce);
    TRY(test);
    if (!parse_at(p, TOK_QUESTION))
        return test;
    parse_next(p);
    bool saved_no_in = p->no_in;
    p->no_in = false; /* the middle operand is [+In] */
    Node *then = parse_assignment(p, NULL);
    p->no_in = saved_no_in;
    TRY(then);
    TRY(parse_expect(p, TOK_COLON));
    Node *else_ = parse_assignment(p, NULL);
    TRY(else_);
    Node *n = parse_node(p, NODE_CONDITIONAL, test->pos);
    n->as.conditional.test = test;
    n->as.conditional.then = then;
    n->as.conditional.else_ = else_;
    return n;
}

static bool is_unparenthesized_logical(const Node *n, AstOp a, AstOp b)
{
    return n->kind == NODE_LOGICAL && !(n->flags & AST_PARENTHESIZED) &&
           (n->as.binary.op == a || n->as.binary.op == b);
}

/* Binary operators by precedence climbing over binary_rules (#sec-binary-logical-operators
 * and the sections before it). `??` may not be mixed with && or || without parentheses
 * (#sec-binary-logical-operators: CoalesceExpression), and `**` may not have a unary
 * operand on its left (#sec-exp-operator). */
static Node *parse_binary(Parser *p, int min_prec, CoverErrors *ce)
{
    Node *left = parse_unary(p, ce);
    TRY(left);
    /* each link of a left-deep chain (a + b + c ...) deepens the tree: it counts toward
     * PARSE_MAX_DEPTH until the chain ends, so consumers may recurse on the tree */
    int chain = 0;
    for (;;) {
        TokenKind k = p->tok.kind;
        const BinaryRule *r = &binary_rules[k];
        if (r->prec == PREC_NONE || r->prec < min_prec)
            break;
        if (k == TOK_IN && p->no_in)
            break;
        SrcPos op_pos = p->tok.pos;
        if (k == TOK_STAR_STAR && !(left->flags & AST_PARENTHESIZED) &&
            (left->kind == NODE_UNARY || left->kind == NODE_AWAIT)) {
            parse_fail(p, left->pos,
                       "Unary operator used immediately before exponentiation expression. "
                       "Parenthesis must be used to disambiguate operator precedence");
            goto fail;
        }
        if (r->op == AST_OP_NULLISH &&
            is_unparenthesized_logical(left, AST_OP_AND, AST_OP_OR)) {
            parse_unexpected(p, &p->tok);
            goto fail;
        }
        if ((r->op == AST_OP_AND || r->op == AST_OP_OR) &&
            is_unparenthesized_logical(left, AST_OP_NULLISH, AST_OP_NULLISH)) {
            parse_unexpected(p, &p->tok);
            goto fail;
        }
        if (left->kind == NODE_PRIVATE_NAME && k != TOK_IN) {
            parse_unexpected(p, &p->tok);
            goto fail;
        }
        if (!parse_enter(p))
            goto fail;
        chain++;
        parse_next(p);
        int next_prec = k == TOK_STAR_STAR ? PREC_EXPONENT
                        : r->op == AST_OP_NULLISH ? PREC_BIT_OR
                                                  : r->prec + 1;
        Node *right = parse_binary(p, next_prec, NULL);
        if (!right)
            goto fail;
        if (right->kind == NODE_PRIVATE_NAME) {
            parse_fail(p, right->pos, "Unexpected identifier '#%s'", right->as.ident.name.s);
            goto fail;
        }
        Node *n = parse_node(p, r->logical ? NODE_LOGICAL : NODE_BINARY, left->pos);
        n->as.binary.op = r->op;
        n->as.binary.left = left;
        n->as.binary.right = right;
        n->as.binary.op_pos = op_pos;
        left = n;
    }
    p->depth -= chain;
    if (left->kind == NODE_PRIVATE_NAME) {
        parse_fail(p, left->pos, "Unexpected identifier '#%s'", left->as.ident.name.s);
        return NULL;
    }
    return left;
fail:
    p->depth -= chain;
    return NULL;
}

/* ==== Unary, update, await ============================================================== */

static Node *parse_await(Parser *p)
{
    SrcPos pos = p->tok.pos;
    if (p->func->in_params) {
        parse_fail(p, pos, "Illegal await-expression in formal parameters of async function");
        return NULL;
    }
    if (!p->has_await_pos) {
        p->has_await_pos = true;
        p->await_pos = pos;
    }
    if (p->func->kind == PF_PROGRAM)
        p->top_level_await = true;
    parse_next(p);
    TRY(parse_enter(p));
    Node *arg = parse_unary(p, NULL);
    parse_leave(p);
    TRY(arg);
    Node *n = parse_node(p, NODE_AWAIT, pos);
    n->as.await.arg = arg;
    return n;
}

/* UnaryExpression and UpdateExpression (#sec-unary-operators, #sec-update-expressions) */
static Node *parse_unary(Parser *p, CoverErrors *ce)
{
    TokenKind k = p->tok.kind;
    SrcPos pos = p->tok.pos;
    AstOp op = unary_ops[k];
    if (op != AST_OP_NONE) {
        parse_next(p);
        TRY(parse_enter(p));
        Node *arg = parse_unary(p, NULL);
        parse_leave(p);
        TRY(arg);
        if (op == AST_OP_DELETE) {
            if (arg->kind == NODE_IDENT && parse_is_strict(p)) {
                parse_fail(p, arg->pos, "Delete of an unqualified identifier in strict mode.");
                return NULL;
            }
            Node *m = arg->kind == NODE_OPTIONAL_CHAIN ? arg->as.chain.expr : arg;
            if (m->kind == NODE_MEMBER && m->as.member_expr.property->kind == NODE_PRIVATE_NAME) {
                parse_fail(p, m->as.member_expr.property->pos, "Private fields can not be deleted");
                return NULL;
            }
        }
        Node *n = parse_node(p, NODE_UNARY, pos);
        n->as.unary.op = op;
        n->as.unary.arg = arg;
        return n;
    }
    if (k == TOK_INC || k == TOK_DEC) {
        parse_next(p);
        TRY(parse_enter(p));
        Node *arg = parse_unary(p, NULL);
        parse_leave(p);
        TRY(arg);
        TRY(parse_check_simple_target(p, arg,
                                      "Invalid left-hand side expression in prefix operation"));
        Node *n = parse_node(p, NODE_UPDATE, pos);
        n->as.unary.op = k == TOK_INC ? AST_OP_INC : AST_OP_DEC;
        n->as.unary.arg = arg;
        n->as.unary.prefix = true;
        return n;
    }
    if (k == TOK_IDENT && p->func->await_kw && !p->tok.escaped &&
        ast_name_eq(p->tok.name, "await"))
        return parse_await(p);
    Node *e = parse_lhs(p, ce);
    TRY(e);
    /* UpdateExpression : LeftHandSideExpression [no LineTerminator here] ++ */
    if ((parse_at(p, TOK_INC) || parse_at(p, TOK_DEC)) && !p->tok.newline_before) {
        TRY(parse_check_simple_target(p, e,
                                      "Invalid left-hand side expression in postfix operation"));
        Node *n = parse_node(p, NODE_UPDATE, e->pos);
        n->as.unary.op = parse_at(p, TOK_INC) ? AST_OP_INC : AST_OP_DEC;
        n->as.unary.arg = e;
        n->as.unary.prefix = false;
        parse_next(p);
        return n;
    }
    return e;
}

/* ==== Left-hand-side expressions: new, calls, members, optional chains ================ */

/* Arguments : ( ArgumentList , opt )  — leaves the list in *out. Sets *trailing when the
 * list ends with a comma (only matters if it turns out to be async arrow parameters). */
static bool parse_arguments(Parser *p, NodeList *out, bool *trailing, CoverErrors *ce)
{
    TRYB(parse_expect(p, TOK_LPAREN));
    bool saved_no_in = p->no_in;
    p->no_in = false;
    uint32_t mark = parse_stack_mark(p);
    *trailing = false;
    while (!parse_at(p, TOK_RPAREN)) {
        Node *arg;
        if (parse_at(p, TOK_ELLIPSIS)) {
            SrcPos pos = p->tok.pos;
            parse_next(p);
            Node *e = parse_assignment(p, ce);
            TRYB(e);
            arg = parse_node(p, NODE_SPREAD, pos);
            arg->as.spread.arg = e;
        } else {
            arg = parse_assignment(p, ce);
            TRYB(arg);
        }
        parse_stack_push(p, arg);
        if (!parse_accept(p, TOK_COMMA)) {
            if (!parse_at(p, TOK_RPAREN)) {
                if (p->tok.kind == TOK_ERROR || p->failed)
                    return parse_unexpected(p, &p->tok);
                /* V8 reports at the last token of the list */
                return parse_fail(p, p->prev.pos, "missing ) after argument list");
            }
            break;
        }
        if (parse_at(p, TOK_RPAREN)) {
            *trailing = true;
            arg->flags |= PN_TRAILING_COMMA;
        }
    }
    p->no_in = saved_no_in;
    parse_next(p); /* ) */
    *out = parse_stack_pop(p, mark);
    return true;
}

static Node *parse_member_name(Parser *p, Node *object, bool optional, SrcPos dot_pos)
{
    Node *n = parse_node(p, NODE_MEMBER, object->pos);
    n->as.member_expr.object = object;
    n->as.member_expr.optional = optional;
    n->as.member_expr.prop_pos = p->tok.pos;
    if (p->tok.kind == TOK_PRIVATE_NAME) {
        if (object->kind == NODE_SUPER) {
            parse_unexpected(p, &p->tok);
            return NULL;
        }
        Token at_dot = p->tok;
        at_dot.pos = dot_pos; /* V8 reports an undeclared private name at the `.` */
        parse_private_ref(p, &at_dot);
        TRY(!p->failed);
        n->as.member_expr.property = parse_private_node(p, &p->tok);
        parse_next(p);
        return n;
    }
    Node *name = parse_ident_name_node(p);
    TRY(name);
    n->as.member_expr.property = name;
    return n;
}

/* The member/call/template suffixes of a LeftHandSideExpression; allow_call is false for
 * the callee of `new` (MemberExpression only). (#sec-left-hand-side-expressions) */
static Node *parse_subscripts(Parser *p, Node *expr, bool allow_call)
{
    bool in_chain = false;
    int depth0 = p->depth; /* each link counts toward PARSE_MAX_DEPTH (see parse_binary) */
    for (;;) {
        switch (p->tok.kind) {
        case TOK_DOT: case TOK_QUESTION_DOT: case TOK_LBRACKET: case TOK_LPAREN:
        case TOK_TEMPLATE: case TOK_TEMPLATE_HEAD:
            if (!parse_enter(p)) {
                p->depth = depth0;
                return NULL;
            }
            break;
        default:
            break;
        }
        switch (p->tok.kind) {
        case TOK_DOT:
            parse_next(p);
            expr = parse_member_name(p, expr, false, p->prev.pos);
            TRY(expr);
            break;
        case TOK_QUESTION_DOT: {
            if (!allow_call) {
                parse_fail(p, p->tok.pos, "Invalid optional chain from new expression");
                return NULL;
            }
            if (expr->kind == NODE_SUPER) {
                parse_fail(p, expr->pos, "'super' keyword unexpected here");
                return NULL;
            }
            in_chain = true;
            parse_next(p);
            if (parse_at(p, TOK_LPAREN)) {
                Node *call = parse_node(p, NODE_CALL, expr->pos);
                call->as.call.callee = expr;
                call->as.call.optional = true;
                call->as.call.open_pos = p->tok.pos;
                bool trailing;
                TRY(parse_arguments(p, &call->as.call.args, &trailing, NULL));
                expr = call;
            } else if (parse_at(p, TOK_LBRACKET)) {
                Node *m = parse_node(p, NODE_MEMBER, expr->pos);
                m->as.member_expr.prop_pos = p->tok.pos;
                parse_next(p);
                bool saved_no_in = p->no_in;
                p->no_in = false;
                Node *prop = parse_expression(p);
                p->no_in = saved_no_in;
                TRY(prop);
                TRY(parse_expect(p, TOK_RBRACKET));
                m->as.member_expr.object = expr;
                m->as.member_expr.property = prop;
                m->as.member_expr.computed = true;
                m->as.member_expr.optional = true;
                expr = m;
            } else if (parse_at(p, TOK_TEMPLATE) || parse_at(p, TOK_TEMPLATE_HEAD)) {
                parse_fail(p, p->tok.pos, "Invalid tagged template on optional chain");
                return NULL;
            } else {
                expr = parse_member_name(p, expr, true, p->prev.pos);
                TRY(expr);
            }
            break;
        }
        case TOK_LBRACKET: {
            Node *m = parse_node(p, NODE_MEMBER, expr->pos);
            m->as.member_expr.prop_pos = p->tok.pos;
            parse_next(p);
            bool saved_no_in = p->no_in;
            p->no_in = false;
            Node *prop = parse_expression(p);
            p->no_in = saved_no_in;
            TRY(prop);
            TRY(parse_expect(p, TOK_RBRACKET));
            m->as.member_expr.object = expr;
            m->as.member_expr.property = prop;
            m->as.member_expr.computed = true;
            expr = m;
            break;
        }
        case TOK_LPAREN: {
            if (!allow_call)
                goto done;
            Node *call = parse_node(p, NODE_CALL, expr->pos);
            call->as.call.callee = expr;
            call->as.call.open_pos = p->tok.pos;
            /* async ( ... ) => : the arguments may be arrow parameters (CoverCallExpression
             * AndAsyncArrowHead); track yield/await inside them for that case. */
            bool maybe_async_arrow = expr->kind == NODE_IDENT && !(expr->flags & AST_PARENTHESIZED) &&
                                     is_name(expr, "async") && !p->tok.newline_before &&
                                     expr->pos.offset + 5 == p->prev.end &&
                                     !p->prev.escaped && !in_chain;
            bool sy = p->has_yield_pos, sa = p->has_await_pos, sai = p->has_await_ident;
            SrcPos syp = p->yield_pos, sap = p->await_pos, saip = p->await_ident_pos;
            uint32_t this_before = p->this_count;
            if (maybe_async_arrow)
                p->has_yield_pos = p->has_await_pos = p->has_await_ident = false;
            bool trailing;
            CoverErrors ace;
            memset(&ace, 0, sizeof ace);
            TRY(parse_arguments(p, &call->as.call.args, &trailing,
                                maybe_async_arrow ? &ace : NULL));
            if (expr->kind == NODE_IDENT && ast_name_eq(expr->as.ident.name, "eval"))
                func_mark_uses(p, FUNC_HAS_DIRECT_EVAL);
            if (maybe_async_arrow) {
                if (parse_at(p, TOK_ARROW)) {
                    p->cover_node = call;
                    p->cover_has_yield = p->has_yield_pos;
                    p->cover_yield_pos = p->yield_pos;
                    p->cover_has_await = p->has_await_pos;
                    p->cover_await_pos = p->await_pos;
                    p->cover_has_await_ident = p->has_await_ident;
                    p->cover_await_ident_pos = p->await_ident_pos;
                    p->cover_this_count = this_before;
                    if (trailing)
                        call->flags |= PN_TRAILING_COMMA;
                    p->has_yield_pos = sy, p->yield_pos = syp;
                    p->has_await_pos = sa, p->await_pos = sap;
                    p->has_await_ident = sai, p->await_ident_pos = saip;
                    p->depth = depth0;
                    return call; /* parse_assignment turns it into an async arrow */
                }
                TRY(parse_check_cover(p, &ace));
                if (sy)
                    p->has_yield_pos = true, p->yield_pos = syp;
                if (sa)
                    p->has_await_pos = true, p->await_pos = sap;
                if (sai)
                    p->has_await_ident = true, p->await_ident_pos = saip;
            }
            expr = call;
            break;
        }
        case TOK_TEMPLATE:
        case TOK_TEMPLATE_HEAD: {
            if (in_chain) {
                parse_fail(p, p->tok.pos, "Invalid tagged template on optional chain");
                return NULL;
            }
            Node *t = parse_node(p, NODE_TAGGED_TEMPLATE, expr->pos);
            t->as.tagged.tag = expr;
            t->as.tagged.site_id = p->ntagged++;
            t->as.tagged.quasi = parse_template(p, true);
            TRY(t->as.tagged.quasi);
            expr = t;
            break;
        }
        default:
            goto done;
        }
    }
done:
    p->depth = depth0;
    if (in_chain) {
        Node *c = parse_node(p, NODE_OPTIONAL_CHAIN, expr->pos);
        c->as.chain.expr = expr;
        expr = c;
    }
    return expr;
}

/* new MemberExpression Arguments? | new.target  (#sec-new-operator, #sec-meta-properties) */
static Node *parse_new(Parser *p)
{
    SrcPos pos = p->tok.pos;
    parse_next(p);
    if (parse_at(p, TOK_DOT)) {
        parse_next(p);
        if (!parse_at_ident(p, "target"))
            return parse_unexpected(p, &p->tok), NULL;
        if (!p->func->allow_new_target) {
            parse_fail(p, p->tok.pos, "new.target expression is not allowed here");
            return NULL;
        }
        func_mark_uses(p, FUNC_USES_NEW_TARGET);
        p->this_count++;
        parse_next(p);
        Node *n = parse_node(p, NODE_META_PROPERTY, pos);
        n->as.meta.kind = META_NEW_TARGET;
        return n;
    }
    TRY(parse_enter(p));
    Node *callee;
    if (parse_at(p, TOK_NEW))
        callee = parse_new(p);
    else if (parse_at(p, TOK_IMPORT)) {
        parse_unexpected(p, &p->tok);
        callee = NULL;
    } else
        callee = parse_primary(p, NULL);
    parse_leave(p);
    TRY(callee);
    callee = parse_subscripts(p, callee, false);
    TRY(callee);
    Node *n = parse_node(p, NODE_NEW, pos);
    n->as.call.callee = callee;
    if (parse_at(p, TOK_LPAREN)) {
        n->as.call.open_pos = p->tok.pos;
        bool trailing;
        TRY(parse_arguments(p, &n->as.call.args, &trailing, NULL));
    }
    return n;
}

/* LeftHandSideExpression : NewExpression | CallExpression | OptionalExpression */
Node *parse_lhs(Parser *p, CoverErrors *ce)
{
    Node *e = parse_at(p, TOK_NEW) ? parse_new(p) : parse_primary(p, ce);
    TRY(e);
    if (e == p->cover_node && parse_at(p, TOK_ARROW))
        return e;
    return parse_subscripts(p, e, true);
}

/* ==== Primary expressions =============================================================== */

/* An IdentifierName (any identifier or reserved word), as a property name node. */
Node *parse_ident_name_node(Parser *p)
{
    TokenKind k = p->tok.kind;
    bool keyword = (k >= TOK_FIRST_KEYWORD && k <= TOK_LAST_KEYWORD);
    if (k != TOK_IDENT && !keyword) {
        parse_unexpected(p, &p->tok);
        return NULL;
    }
    Node *n = parse_node(p, NODE_IDENT, p->tok.pos);
    n->as.ident.name = p->tok.name;
    if (!n->as.ident.name.s) {
        const char *kw = lex_token_name(k);
        n->as.ident.name = ast_name_copy(p->arena, kw, strlen(kw));
    }
    parse_next(p);
    return n;
}

/* TemplateLiteral (#sec-template-literals). The current token is TEMPLATE or TEMPLATE_HEAD.
 * An invalid escape is an error unless the template is tagged (then its cooked value is
 * undefined: #sec-static-semantics-template-early-errors). */
static Node *parse_template(Parser *p, bool tagged)
{
    Node *n = parse_node(p, NODE_TEMPLATE, p->tok.pos);
    uint32_t cap = 4, nq = 0;
    AstTemplateQuasi *q = ast_alloc(p->arena, cap * sizeof *q);
    uint32_t mark = parse_stack_mark(p);
    for (;;) {
        Token *t = &p->tok;
        if (!tagged && !t->cooked_valid) {
            parse_fail(p, t->invalid_escape_pos, "%s", t->invalid_escape_msg);
            return NULL;
        }
        if (nq == cap) {
            AstTemplateQuasi *nqv = ast_alloc(p->arena, cap * 2 * sizeof *q);
            memcpy(nqv, q, nq * sizeof *q);
            q = nqv;
            cap *= 2;
        }
        q[nq].cooked = t->str;
        q[nq].cooked_valid = t->cooked_valid;
        q[nq].raw = t->raw;
        q[nq].pos = t->pos;
        nq++;
        if (t->kind == TOK_TEMPLATE || t->kind == TOK_TEMPLATE_TAIL)
            break;
        /* TEMPLATE_HEAD / MIDDLE: an expression, then the `}` that continues the template */
        parse_next(p);
        bool saved_no_in = p->no_in;
        p->no_in = false;
        SrcPos expr_pos = p->tok.pos;
        Node *e = parse_expression(p);
        p->no_in = saved_no_in;
        TRY(e);
        parse_stack_push(p, e);
        if (!parse_at(p, TOK_RBRACE)) {
            if (p->tok.kind == TOK_ERROR)
                return parse_unexpected(p, &p->tok), NULL;
            /* V8 points at the start of the substitution */
            parse_fail(p, expr_pos, "Missing } in template expression");
            return NULL;
        }
        if (NEVER(p->has_ahead)) { /* cannot happen: see lexer.h */
            parse_fail(p, p->tok.pos, "Unexpected token '}'");
            return NULL;
        }
        if (!lex_rescan_template(&p->lx, &p->tok)) {
            parse_unexpected(p, &p->tok);
            return NULL;
        }
    }
    n->as.template.quasis = q;
    n->as.template.nquasis = nq;
    n->as.template.exprs = parse_stack_pop(p, mark);
    parse_next(p);
    return n;
}

/* ( Expression ) or the arrow parameters it covers (#sec-parenthesized-expression,
 * CoverParenthesizedExpressionAndArrowParameterList). */
static Node *parse_paren(Parser *p, CoverErrors *outer)
{
    SrcPos start = p->tok.pos;
    parse_next(p);
    bool saved_no_in = p->no_in;
    p->no_in = false;
    bool sy = p->has_yield_pos, sa = p->has_await_pos;
    SrcPos syp = p->yield_pos, sap = p->await_pos;
    uint32_t this_before = p->this_count;
    p->has_yield_pos = p->has_await_pos = false;
    CoverErrors ce;
    memset(&ce, 0, sizeof ce);
    uint32_t mark = parse_stack_mark(p);
    bool cover_only = false;   /* (), (...a), (a,): valid only before => */
    Token bad;                 /* the token V8 reports when it is not an arrow */
    memset(&bad, 0, sizeof bad);
    while (!parse_at(p, TOK_RPAREN)) {
        if (parse_at(p, TOK_ELLIPSIS)) {
            SrcPos pos = p->tok.pos;
            if (!cover_only)
                bad = p->tok;
            cover_only = true;
            parse_next(p);
            Node *target = parse_binding_target(p, DECL_PARAM_COVER);
            TRY(target);
            Node *r = parse_node(p, NODE_REST, pos);
            r->as.spread.arg = target;
            parse_stack_push(p, r);
            if (!parse_at(p, TOK_RPAREN)) {
                if (parse_at(p, TOK_COMMA))
                    parse_fail(p, target->pos, "Rest parameter must be last formal parameter");
                else
                    parse_unexpected(p, &p->tok);
                return NULL;
            }
            break;
        }
        Node *e = parse_assignment(p, &ce);
        TRY(e);
        parse_stack_push(p, e);
        if (!parse_accept(p, TOK_COMMA))
            break;
        if (parse_at(p, TOK_RPAREN)) {
            if (!cover_only)
                bad = p->tok;
            cover_only = true;
        }
    }
    if (p->sp == mark && parse_at(p, TOK_RPAREN)) {
        bad = p->tok;
        cover_only = true;
    }
    TRY(parse_expect(p, TOK_RPAREN));
    p->no_in = saved_no_in;
    NodeList items = parse_stack_pop(p, mark);
    if (parse_at(p, TOK_ARROW) && !p->tok.newline_before) {
        Node *cover = parse_node(p, NODE_SEQUENCE, start);
        cover->as.list.items = items;
        cover->flags |= PN_COVER_ONLY | AST_PARENTHESIZED;
        p->cover_node = cover;
        p->cover_has_yield = p->has_yield_pos;
        p->cover_yield_pos = p->yield_pos;
        p->cover_has_await = p->has_await_pos;
        p->cover_await_pos = p->await_pos;
        p->cover_this_count = this_before;
        p->has_yield_pos = sy, p->yield_pos = syp;
        p->has_await_pos = sa, p->await_pos = sap;
        (void)outer;
        return cover;
    }
    if (cover_only) {
        parse_unexpected(p, &bad);
        return NULL;
    }
    TRY(parse_check_cover(p, &ce));
    if (sy)
        p->has_yield_pos = true, p->yield_pos = syp;
    if (sa)
        p->has_await_pos = true, p->await_pos = sap;
    Node *e;
    if (items.len == 1) {
        e = items.items[0];
    } else {
        e = parse_node(p, NODE_SEQUENCE, items.items[0]->pos);
        e->as.list.items = items;
    }
    e->flags |= AST_PARENTHESIZED;
    e->pos = start; /* a parenthesized expression starts at its `(` */
    return e;
}

/* ArrayLiteral (#sec-array-initializer); elements may become an ArrayAssignmentPattern. */
static Node *parse_array(Parser *p, CoverErrors *ce)
{
    Node *n = parse_node(p, NODE_ARRAY, p->tok.pos);
    parse_next(p);
    bool saved_no_in = p->no_in;
    p->no_in = false;
    uint32_t mark = parse_stack_mark(p);
    while (!parse_at(p, TOK_RBRACKET)) {
        if (parse_at(p, TOK_COMMA)) {
            parse_next(p);
            parse_stack_push(p, NULL); /* elision */
            continue;
        }
        Node *e;
        if (parse_at(p, TOK_ELLIPSIS)) {
            SrcPos pos = p->tok.pos;
            parse_next(p);
            Node *arg = parse_assignment(p, ce);
            TRY(arg);
            e = parse_node(p, NODE_SPREAD, pos);
            e->as.spread.arg = arg;
        } else {
            e = parse_assignment(p, ce);
            TRY(e);
        }
        parse_stack_push(p, e);
        if (parse_at(p, TOK_RBRACKET))
            break;
        if (!parse_at(p, TOK_COMMA))
            return parse_unexpected(p, &p->tok), NULL;
        parse_next(p);
        if (e->kind == NODE_SPREAD)
            e->flags |= PN_TRAILING_COMMA;
    }
    parse_next(p);
    p->no_in = saved_no_in;
    n->as.array.elements = parse_stack_pop(p, mark);
    return n;
}

/* PropertyName : LiteralPropertyName | ComputedPropertyName; ClassElementName adds
 * PrivateIdentifier (#sec-object-initializer, #sec-class-definitions). */
Node *parse_property_key(Parser *p, bool in_class, bool *computed)
{
    *computed = false;
    Token t = p->tok;
    switch (t.kind) {
    case TOK_STRING: {
        TRY(check_string_token(p, &t));
        Node *n = parse_node(p, NODE_STRING, t.pos);
        n->as.string.value = t.str;
        parse_next(p);
        return n;
    }
    case TOK_NUMBER: {
        TRY(check_number_token(p, &t));
        Node *n = parse_node(p, NODE_NUMBER, t.pos);
        n->as.number.value = t.num;
        parse_next(p);
        return n;
    }
    case TOK_LBRACKET: {
        *computed = true;
        parse_next(p);
        bool saved_no_in = p->no_in;
        p->no_in = false;
        Node *e = parse_assignment(p, NULL);
        p->no_in = saved_no_in;
        TRY(e);
        TRY(parse_expect(p, TOK_RBRACKET));
        return e;
    }
    case TOK_PRIVATE_NAME:
        if (!in_class)
            return parse_unexpected(p, &t), NULL;
        parse_next(p);
        return parse_private_node(p, &t);
    default:
        return parse_ident_name_node(p);
    }
}

bool parse_key_is(const Node *key, bool computed, const char *s)
{
    if (computed || !key)
        return false;
    if (key->kind == NODE_IDENT)
        return ast_name_eq(key->as.ident.name, s);
    if (key->kind == NODE_STRING) {
        size_t n = strlen(s);
        if (key->as.string.value.len != n)
            return false;
        for (size_t i = 0; i < n; i++)
            if (key->as.string.value.units[i] != (uint8_t)s[i])
                return false;
        return true;
    }
    return false;
}

/* After `get`/`set`/`async`/`static`: does a property name follow (making the word a
 * modifier) rather than `(`, `:`, `,`, `}`, `=`, `;`? */
bool parse_modifier_applies(Parser *p, bool in_class)
{
    Token *nx = parse_peek(p);
    switch (nx->kind) {
    case TOK_LPAREN: case TOK_COLON: case TOK_COMMA: case TOK_RBRACE: case TOK_ASSIGN:
    case TOK_EOF:
        return false;
    case TOK_SEMICOLON:
        return !in_class ? true : false;
    default:
        return true;
    }
}


/* ObjectLiteral (#sec-object-initializer). */
static Node *parse_object(Parser *p, CoverErrors *ce_in)
{
    CoverErrors own;
    memset(&own, 0, sizeof own);
    CoverErrors *ce = ce_in ? ce_in : &own;
    Node *n = parse_node(p, NODE_OBJECT, p->tok.pos);
    parse_next(p);
    bool saved_no_in = p->no_in;
    p->no_in = false;
    uint32_t mark = parse_stack_mark(p);
    bool seen_proto = false;
    while (!parse_at(p, TOK_RBRACE)) {
        SrcPos pos = p->tok.pos;
        if (parse_at(p, TOK_ELLIPSIS)) {
            parse_next(p);
            Node *arg = parse_assignment(p, ce);
            TRY(arg);
            Node *s = parse_node(p, NODE_SPREAD, pos);
            s->as.spread.arg = arg;
            parse_stack_push(p, s);
            if (parse_at(p, TOK_COMMA)) {
                parse_next(p);
                s->flags |= PN_TRAILING_COMMA;
                continue;
            }
            break;
        }
        uint32_t flags = 0;
        AstPropKind kind = PROP_INIT;
        if (parse_at_ident(p, "async") && parse_modifier_applies(p, false) &&
            !parse_peek(p)->newline_before) {
            parse_next(p);
            flags |= FUNC_ASYNC;
        }
        if (parse_at(p, TOK_STAR)) {
            parse_next(p);
            flags |= FUNC_GENERATOR;
        }
        if (!flags && (parse_at_ident(p, "get") || parse_at_ident(p, "set")) &&
            parse_modifier_applies(p, false)) {
            kind = parse_at_ident(p, "get") ? PROP_GET : PROP_SET;
            parse_next(p);
        }
        Token key_tok = p->tok;
        bool computed;
        Node *key = parse_property_key(p, false, &computed);
        TRY(key);
        Node *prop = parse_node(p, NODE_PROPERTY, pos);
        AstProperty *pr = &prop->as.property;
        pr->key = key;
        pr->computed = computed;
        if (flags || kind != PROP_INIT || parse_at(p, TOK_LPAREN)) {
            if (kind == PROP_INIT)
                kind = PROP_METHOD;
            pr->kind = kind;
            AstMethodKind mk = kind == PROP_GET ? METHOD_GET : kind == PROP_SET ? METHOD_SET
                                                                                 : METHOD_METHOD;
            pr->value = parse_method(p, flags, mk, pos);
            TRY(pr->value);
        } else if (parse_accept(p, TOK_COLON)) {
            pr->value = parse_assignment(p, ce);
            TRY(pr->value);
            if (parse_key_is(key, computed, "__proto__")) {
                if (seen_proto && !ce->has_double_proto) {
                    ce->has_double_proto = true;
                    ce->double_proto = key->pos;
                }
                seen_proto = true;
                pr->is_proto = true;
                n->as.object.has_proto_setter = true;
            }
        } else {
            /* shorthand: IdentifierReference, or CoverInitializedName `a = 1` */
            if (!parse_at(p, TOK_COMMA) && !parse_at(p, TOK_RBRACE) && !parse_at(p, TOK_ASSIGN))
                return parse_unexpected(p, &p->tok), NULL;
            if (key_tok.kind != TOK_IDENT || computed)
                return parse_unexpected(p, &key_tok), NULL;
            TRY(parse_check_ident_ref(p, &key_tok));
            pr->shorthand = true;
            Node *id = parse_ident_node(p, &key_tok);
            if (parse_at(p, TOK_ASSIGN)) {
                if (!ce->has_shorthand_init) {
                    ce->has_shorthand_init = true;
                    ce->shorthand_init = key_tok.pos;
                }
                parse_next(p);
                Node *def = parse_assignment(p, NULL);
                TRY(def);
                Node *ap = parse_node(p, NODE_ASSIGN_PATTERN, key_tok.pos);
                ap->flags |= PN_COVER_INIT;
                ap->as.assign_pattern.target = id;
                ap->as.assign_pattern.value = def;
                pr->value = ap;
            } else {
                pr->value = id;
            }
        }
        parse_stack_push(p, prop);
        if (!parse_accept(p, TOK_COMMA))
            break;
    }
    TRY(parse_expect(p, TOK_RBRACE));
    p->no_in = saved_no_in;
    n->as.object.properties = parse_stack_pop(p, mark);
    if (!ce_in)
        TRY(parse_check_cover(p, &own));
    return n;
}

static Node *parse_regexp(Parser *p)
{
    if (NEVER(p->has_ahead)) { /* cannot happen: see lexer.h */
        parse_unexpected(p, &p->tok);
        return NULL;
    }
    if (!lex_rescan_regexp(&p->lx, &p->tok)) {
        parse_unexpected(p, &p->tok);
        return NULL;
    }
    Node *n = parse_node(p, NODE_REGEXP, p->tok.pos);
    n->as.regexp.pattern = p->tok.name;
    n->as.regexp.flags = p->tok.flags;
    parse_next(p);
    return n;
}

/* PrimaryExpression (#sec-primary-expression), plus super and import(). */
static Node *parse_primary(Parser *p, CoverErrors *ce)
{
    const Token *t = &p->tok; /* no copy: this frame is on the deepest recursion path */
    SrcPos pos = t->pos;
    Node *n;
    switch (t->kind) {
    case TOK_NUMBER:
        TRY(check_number_token(p, t));
        n = parse_node(p, NODE_NUMBER, pos);
        n->as.number.value = t->num;
        parse_next(p);
        return n;
    case TOK_STRING:
        TRY(check_string_token(p, t));
        n = parse_node(p, NODE_STRING, pos);
        n->as.string.value = t->str;
        parse_next(p);
        return n;
    case TOK_TEMPLATE:
    case TOK_TEMPLATE_HEAD:
        return parse_template(p, false);
    case TOK_SLASH:
    case TOK_SLASH_ASSIGN:
        return parse_regexp(p);
    case TOK_NULL:
    case TOK_TRUE:
    case TOK_FALSE:
        n = parse_node(p, t->kind == TOK_NULL ? NODE_NULL_LIT
                          : t->kind == TOK_TRUE ? NODE_TRUE_LIT
                                               : NODE_FALSE_LIT,
                       pos);
        parse_next(p);
        return n;
    case TOK_THIS:
        func_mark_uses(p, FUNC_USES_THIS);
        p->this_count++;
        parse_next(p);
        return parse_node(p, NODE_THIS, pos);
    case TOK_FUNCTION:
        return parse_function(p, 0, METHOD_NONE, pos, false);
    case TOK_CLASS:
        return parse_class(p, false, true);
    case TOK_LPAREN:
        return parse_paren(p, ce);
    case TOK_LBRACKET:
        return parse_array(p, ce);
    case TOK_LBRACE:
        return parse_object(p, ce);
    case TOK_SUPER: {
        parse_next(p);
        PFunc *f = p->func;
        if (parse_at(p, TOK_LPAREN)) {
            if (!f->allow_super_call) {
                parse_fail(p, pos, "'super' keyword unexpected here");
                return NULL;
            }
            func_mark_uses(p, FUNC_USES_SUPER_CALL | FUNC_USES_THIS);
        } else if (parse_at(p, TOK_DOT) || parse_at(p, TOK_LBRACKET)) {
            if (!f->allow_super_prop) {
                parse_fail(p, pos, "'super' keyword unexpected here");
                return NULL;
            }
            func_mark_uses(p, FUNC_USES_SUPER_PROP | FUNC_USES_THIS);
        } else {
            parse_fail(p, pos, "'super' keyword unexpected here");
            return NULL;
        }
        p->this_count++;
        return parse_node(p, NODE_SUPER, pos);
    }
    case TOK_IMPORT: {
        parse_next(p);
        if (parse_at(p, TOK_DOT)) {
            parse_next(p);
            if (!parse_at_ident(p, "meta"))
                return parse_unexpected(p, &p->tok), NULL;
            if (p->goal != PARSE_MODULE) {
                parse_fail(p, p->tok.pos, "Cannot use 'import.meta' outside a module");
                return NULL;
            }
            parse_next(p);
            n = parse_node(p, NODE_META_PROPERTY, pos);
            n->as.meta.kind = META_IMPORT_META;
            return n;
        }
        if (!parse_at(p, TOK_LPAREN)) {
            if (p->goal != PARSE_MODULE) {
                parse_fail(p, pos, "Cannot use import statement outside a module");
                return NULL;
            }
            return parse_unexpected(p, &p->tok), NULL;
        }
        parse_next(p);
        bool saved_no_in = p->no_in;
        p->no_in = false;
        Node *arg = parse_assignment(p, NULL);
        p->no_in = saved_no_in;
        TRY(arg);
        parse_accept(p, TOK_COMMA);
        TRY(parse_expect(p, TOK_RPAREN));
        n = parse_node(p, NODE_IMPORT_CALL, pos);
        n->as.spread.arg = arg;
        return n;
    }
    case TOK_PRIVATE_NAME:
        /* #x in obj (#sec-relational-operators) */
        if (!p->no_in && parse_peek(p)->kind == TOK_IN) {
            parse_private_ref(p, t);
            TRY(!p->failed);
            parse_next(p);
            return parse_private_node(p, &p->prev);
        }
        if (!p->cls) {
            parse_private_ref(p, t); /* reports the undeclared private name, as V8 does */
            return NULL;
        }
        return parse_unexpected(p, t), NULL;
    case TOK_IDENT:
        if (!t->escaped && ast_name_eq(t->name, "async")) {
            Token *nx = parse_peek(p);
            if (nx->kind == TOK_FUNCTION && !nx->newline_before) {
                parse_next(p);
                return parse_function(p, FUNC_ASYNC, METHOD_NONE, pos, false);
            }
        }
        TRY(parse_check_ident_ref(p, t));
        parse_next(p);
        return parse_ident_node(p, &p->prev);
    default:
        return parse_unexpected(p, t), NULL;
    }
}

