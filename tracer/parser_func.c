/* parser_func.c — binding patterns (#sec-destructuring-binding-patterns), functions of
 * every kind (#sec-ecmascript-language-functions-and-classes): declarations, expressions,
 * generators, async functions, methods and accessors, arrow functions (from the cover
 * grammars of parser_expr.c), and classes with fields, private names, accessors, static
 * blocks and their early errors. */
#include <string.h>

#include "common/util.h"
#include "tracer/parser_int.h"

static const char MSG_EVAL_ARGS[] = "Unexpected eval or arguments in strict mode";
static const char MSG_REST_LAST[] = "Rest element must be last element";

static Node *parse_function_rest(Parser *p, Node *fn, PFunc *f, SrcPos start);

/* ==== Binding patterns ================================================================== */

/* BindingIdentifier | BindingPattern (#sec-destructuring-binding-patterns), declaring each
 * name with kind. */
Node *parse_binding_target(Parser *p, AstDeclKind kind)
{
    Token t = p->tok;
    if (t.kind == TOK_IDENT) {
        TRY(parse_check_binding_name(p, &t, kind == DECL_PARAM_COVER ? DECL_PARAM : kind));
        Node *id = parse_ident_node(p, &t);
        if (kind != DECL_PARAM_COVER)
            TRY(parse_declare_binding(p, id, kind));
        parse_next(p);
        return id;
    }
    TRY(parse_enter(p));
    Node *res = NULL;
    if (t.kind == TOK_LBRACKET) {
        Node *n = parse_node(p, NODE_ARRAY_PATTERN, t.pos);
        parse_next(p);
        uint32_t mark = parse_stack_mark(p);
        while (!parse_at(p, TOK_RBRACKET)) {
            if (parse_at(p, TOK_COMMA)) {
                parse_next(p);
                parse_stack_push(p, NULL);
                continue;
            }
            Node *e;
            if (parse_at(p, TOK_ELLIPSIS)) {
                SrcPos pos = p->tok.pos;
                parse_next(p);
                Node *target = parse_binding_target(p, kind);
                if (!target)
                    goto out;
                e = parse_node(p, NODE_REST, pos);
                e->as.spread.arg = target;
                parse_stack_push(p, e);
                if (!parse_at(p, TOK_RBRACKET)) {
                    if (parse_at(p, TOK_COMMA))
                        parse_fail(p, pos, MSG_REST_LAST);
                    else
                        parse_unexpected(p, &p->tok);
                    goto out;
                }
                break;
            }
            e = parse_binding_element(p, kind);
            if (!e)
                goto out;
            parse_stack_push(p, e);
            if (parse_at(p, TOK_RBRACKET))
                break;
            if (!parse_expect(p, TOK_COMMA))
                goto out;
        }
        parse_next(p);
        n->as.array.elements = parse_stack_pop(p, mark);
        res = n;
    } else if (t.kind == TOK_LBRACE) {
        Node *n = parse_node(p, NODE_OBJECT_PATTERN, t.pos);
        parse_next(p);
        uint32_t mark = parse_stack_mark(p);
        while (!parse_at(p, TOK_RBRACE)) {
            SrcPos pos = p->tok.pos;
            if (parse_at(p, TOK_ELLIPSIS)) {
                parse_next(p);
                if (!parse_at(p, TOK_IDENT)) {
                    if (parse_at(p, TOK_LBRACE) || parse_at(p, TOK_LBRACKET))
                        parse_fail(p, p->tok.pos,
                                   "`...` must be followed by an identifier in declaration "
                                   "contexts");
                    else
                        parse_unexpected(p, &p->tok);
                    goto out;
                }
                Node *target = parse_binding_target(p, kind);
                if (!target)
                    goto out;
                Node *r = parse_node(p, NODE_REST, pos);
                r->as.spread.arg = target;
                parse_stack_push(p, r);
                if (!parse_at(p, TOK_RBRACE)) {
                    if (parse_at(p, TOK_COMMA))
                        parse_fail(p, target->pos, MSG_REST_LAST);
                    else
                        parse_unexpected(p, &p->tok);
                    goto out;
                }
                break;
            }
            Token key_tok = p->tok;
            bool computed;
            Node *key = parse_property_key(p, false, &computed);
            if (!key)
                goto out;
            Node *prop = parse_node(p, NODE_PROPERTY, pos);
            prop->as.property.key = key;
            prop->as.property.computed = computed;
            if (parse_accept(p, TOK_COLON)) {
                prop->as.property.value = parse_binding_element(p, kind);
                if (!prop->as.property.value)
                    goto out;
            } else {
                if (key_tok.kind != TOK_IDENT || computed) {
                    parse_unexpected(p, &key_tok);
                    goto out;
                }
                if (!parse_check_binding_name(p, &key_tok,
                                              kind == DECL_PARAM_COVER ? DECL_PARAM : kind))
                    goto out;
                Node *id = parse_ident_node(p, &key_tok);
                if (kind != DECL_PARAM_COVER && !parse_declare_binding(p, id, kind))
                    goto out;
                prop->as.property.shorthand = true;
                prop->as.property.value = id;
                if (parse_accept(p, TOK_ASSIGN)) {
                    Node *def = parse_assignment(p, NULL);
                    if (!def)
                        goto out;
                    Node *ap = parse_node(p, NODE_ASSIGN_PATTERN, key_tok.pos);
                    ap->as.assign_pattern.target = id;
                    ap->as.assign_pattern.value = def;
                    prop->as.property.value = ap;
                }
            }
            parse_stack_push(p, prop);
            if (!parse_accept(p, TOK_COMMA))
                break;
        }
        if (!parse_expect(p, TOK_RBRACE))
            goto out;
        n->as.object.properties = parse_stack_pop(p, mark);
        res = n;
    } else {
        parse_unexpected(p, &t);
    }
out:
    parse_leave(p);
    return p->failed ? NULL : res;
}

/* BindingElement : SingleNameBinding | BindingPattern Initializer? */
Node *parse_binding_element(Parser *p, AstDeclKind kind)
{
    Node *target = parse_binding_target(p, kind);
    TRY(target);
    if (target->kind == NODE_IDENT && (parse_at(p, TOK_DOT) || parse_at(p, TOK_LBRACKET))) {
        parse_fail(p, target->pos, "Illegal property in declaration context");
        return NULL;
    }
    if (!parse_at(p, TOK_ASSIGN))
        return target;
    parse_next(p);
    Node *value = parse_assignment(p, NULL);
    TRY(value);
    Node *n = parse_node(p, NODE_ASSIGN_PATTERN, target->pos);
    n->as.assign_pattern.target = target;
    n->as.assign_pattern.value = value;
    return n;
}

/* ==== Functions ========================================================================= */

typedef struct {
    bool has_yield, has_await, no_in, has_await_ident;
    SrcPos yield_pos, await_pos, await_ident_pos;
} SavedExprState;

static SavedExprState save_expr_state(Parser *p)
{
    SavedExprState s = {p->has_yield_pos, p->has_await_pos, p->no_in, p->has_await_ident,
                        p->yield_pos,     p->await_pos,     p->await_ident_pos};
    p->has_yield_pos = p->has_await_pos = p->has_await_ident = false;
    p->no_in = false;
    return s;
}

static void restore_expr_state(Parser *p, SavedExprState s)
{
    p->has_yield_pos = s.has_yield;
    p->has_await_pos = s.has_await;
    p->yield_pos = s.yield_pos;
    p->await_pos = s.await_pos;
    p->has_await_ident = s.has_await_ident;
    p->await_ident_pos = s.await_ident_pos;
    p->no_in = s.no_in;
}

/* Early errors that depend on the function's final strictness and kind
 * (#sec-function-definitions-static-semantics-early-errors). */
static bool check_function_end(Parser *p, PFunc *f, Node *fn)
{
    AstFunction *af = &fn->as.function;
    if (f->strict) {
        if (af->id && !(af->flags & FUNC_ARROW)) {
            AstName n = af->id->as.ident.name;
            if (parse_is_eval_or_arguments(n))
                return parse_fail(p, af->id->pos, MSG_EVAL_ARGS);
            if (lex_is_strict_reserved_word(n.s, n.len))
                return parse_fail(p, af->id->pos, "Unexpected strict mode reserved word");
        }
        for (uint32_t i = 0; i < f->scope->params.len; i++) {
            PDecl *d = &f->scope->params.items[i];
            if (parse_is_eval_or_arguments(d->name))
                return parse_fail(p, d->pos, MSG_EVAL_ARGS);
            if (lex_is_strict_reserved_word(d->name.s, d->name.len))
                return parse_fail(p, d->pos, "Unexpected strict mode reserved word");
        }
    }
    if (f->has_dup_param && (f->strict || f->method_like || !f->simple_params))
        return parse_fail(p, f->dup_param_pos, "Duplicate parameter name not allowed in this context");
    return true;
}

static void finish_function_node(Parser *p, PFunc *f, Node *fn, NodeList params, NodeList body)
{
    AstFunction *af = &fn->as.function;
    af->params = params;
    af->body = body;
    af->flags |= f->flags;
    if (f->strict)
        af->flags |= FUNC_STRICT;
    if (f->directive_strict)
        af->flags |= FUNC_HAS_USE_STRICT;
    if (f->simple_params)
        af->flags |= FUNC_SIMPLE_PARAMS;
    if (af->flags & FUNC_ARROW)
        af->flags &= ~FUNC_USES_ARGUMENTS;
    uint32_t len = 0;
    for (uint32_t i = 0; i < params.len; i++) {
        NodeKind k = params.items[i]->kind;
        if (k == NODE_ASSIGN_PATTERN || k == NODE_REST)
            break;
        len++;
    }
    af->length = len;
    af->src_end = p->prev.end;
    af->param_decls = scope_export(p, &f->scope->params);
    for (uint32_t i = 0; i < af->param_decls.len; i++)
        ((AstDecl *)af->param_decls.items)[i].kind = DECL_PARAM;
    af->var_decls = scope_export(p, &f->scope->vars);
    af->lex_decls = scope_export(p, &f->scope->lex);
    af->annexb_funcs = func_annexb_finish(p, f);
}

static bool params_simple(NodeList params)
{
    for (uint32_t i = 0; i < params.len; i++)
        if (params.items[i]->kind != NODE_IDENT)
            return false;
    return true;
}

/* FormalParameters and FunctionBody of any non-arrow function; the current token is `(`.
 * f is pushed (with its scope) by the caller; this pops both. */
static Node *parse_function_rest(Parser *p, Node *fn, PFunc *f, SrcPos start)
{
    AstFunction *af = &fn->as.function;
    af->src_start = start.offset;
    SavedExprState saved = save_expr_state(p);
    SrcPos open = p->tok.pos;
    TRY(parse_expect(p, TOK_LPAREN));
    f->in_params = true;
    uint32_t mark = parse_stack_mark(p);
    bool has_rest = false;
    while (!parse_at(p, TOK_RPAREN)) {
        Node *param;
        if (parse_at(p, TOK_ELLIPSIS)) {
            SrcPos pos = p->tok.pos;
            parse_next(p);
            Node *target = parse_binding_target(p, DECL_PARAM);
            TRY(target);
            param = parse_node(p, NODE_REST, pos);
            param->as.spread.arg = target;
            has_rest = true;
            parse_stack_push(p, param);
            if (!parse_at(p, TOK_RPAREN)) {
                if (parse_at(p, TOK_COMMA))
                    parse_fail(p, p->tok.pos, "Rest parameter must be last formal parameter");
                else
                    parse_unexpected(p, &p->tok);
                return NULL;
            }
            break;
        }
        param = parse_binding_element(p, DECL_PARAM);
        TRY(param);
        parse_stack_push(p, param);
        if (!parse_at(p, TOK_RPAREN))
            TRY(parse_expect(p, TOK_COMMA));
    }
    parse_next(p);
    f->in_params = false;
    NodeList params = parse_stack_pop(p, mark);
    f->simple_params = params_simple(params);
    if (af->method_kind == METHOD_GET && params.len != 0) {
        parse_fail(p, open, "Getter must not have any formal parameters.");
        return NULL;
    }
    if (af->method_kind == METHOD_SET) {
        if (params.len != 1) {
            parse_fail(p, open, "Setter must have exactly one formal parameter.");
            return NULL;
        }
        if (has_rest) {
            parse_fail(p, open, "Setter function argument must not be a rest parameter");
            return NULL;
        }
    }
    if (!parse_at(p, TOK_LBRACE))
        return parse_unexpected(p, &p->tok), NULL;
    NodeList body;
    TRY(parse_function_body(p, f, fn, &body));
    TRY(check_function_end(p, f, fn));
    finish_function_node(p, f, fn, params, body);
    scope_pop(p, f->scope);
    func_pop(p, f);
    restore_expr_state(p, saved);
    return fn;
}

static PFunc *push_function(Parser *p, PFuncKind kind, uint32_t flags)
{
    PFunc *f = func_push(p, kind);
    f->is_async = (flags & FUNC_ASYNC) != 0;
    f->is_generator = (flags & FUNC_GENERATOR) != 0;
    f->await_kw = f->is_async;
    f->yield_kw = f->is_generator;
    f->scope = scope_push(p, PSCOPE_FUNCTION);
    return f;
}

/* function BindingIdentifier? ( FormalParameters ) { FunctionBody }, with `async` already
 * consumed when flags has FUNC_ASYNC; the current token is `function`.
 * (#sec-function-definitions, #sec-generator-function-definitions, #sec-async-function-
 * definitions, #sec-async-generator-function-definitions) */
Node *parse_function(Parser *p, uint32_t flags, AstMethodKind mk, SrcPos start, bool is_decl)
{
    (void)mk;
    TRY(parse_enter(p));
    Node *res = NULL;
    parse_next(p); /* function */
    SrcPos star_pos = p->tok.pos;
    if (parse_accept(p, TOK_STAR))
        flags |= FUNC_GENERATOR;
    (void)star_pos;
    Node *fn = parse_node(p, NODE_FUNCTION, start);
    fn->as.function.flags = flags | (is_decl ? FUNC_DECLARATION : FUNC_EXPRESSION);
    Token name = p->tok;
    bool has_name = name.kind == TOK_IDENT;
    bool anonymous_ok = p->default_export && parse_at(p, TOK_LPAREN);
    p->default_export = false;
    if (is_decl && anonymous_ok) {
        /* export default function () {} */
    } else if (is_decl) {
        if (!has_name) {
            if (name.kind == TOK_LPAREN)
                parse_fail(p, p->prev.pos, "Function statements require a function name");
            else
                parse_unexpected(p, &name);
            goto out;
        }
        if (!parse_check_binding_name(p, &name, DECL_FUNCTION))
            goto out;
        fn->as.function.id = parse_ident_node(p, &name);
        bool plain = !(flags & (FUNC_ASYNC | FUNC_GENERATOR));
        /* V8 reports a redeclaring function at its first token */
        if (!scope_declare(p, name.name, DECL_FUNCTION, name.pos, start, plain))
            goto out;
        if (plain)
            func_annexb_candidate(p, fn);
        parse_next(p);
    }
    PFunc *f = push_function(p, PF_FUNCTION, flags);
    if (!is_decl && has_name) {
        /* a function expression's name is checked in its own context */
        if (!parse_check_binding_name(p, &name, DECL_FUNCTION))
            goto out;
        fn->as.function.id = parse_ident_node(p, &name);
        parse_next(p);
    }
    res = parse_function_rest(p, fn, f, start);
out:
    parse_leave(p);
    return p->failed ? NULL : res;
}

/* MethodDefinition: the current token is `(` (#sec-method-definitions). */
static Node *parse_method_ex(Parser *p, uint32_t flags, AstMethodKind mk, SrcPos start,
                             bool super_call)
{
    TRY(parse_enter(p));
    Node *fn = parse_node(p, NODE_FUNCTION, start);
    fn->as.function.flags = flags;
    fn->as.function.method_kind = mk;
    PFunc *f = push_function(p, PF_FUNCTION, flags);
    f->method_like = true;
    f->allow_super_prop = true;
    f->allow_super_call = super_call;
    Node *res = parse_function_rest(p, fn, f, start);
    parse_leave(p);
    return p->failed ? NULL : res;
}

Node *parse_method(Parser *p, uint32_t flags, AstMethodKind mk, SrcPos start)
{
    return parse_method_ex(p, flags, mk, start, false);
}

/* ArrowFunction / AsyncArrowFunction once the head is known and the current token is =>
 * (#sec-arrow-function-definitions, #sec-async-arrow-function-definitions). head is an
 * IDENT, a parenthesized cover (NODE_SEQUENCE with PN_COVER_ONLY), or an async(...) call. */
Node *parse_arrow(Parser *p, Node *head, bool is_async, SrcPos start)
{
    TRY(parse_enter(p));
    Node *res = NULL;
    bool from_cover = head == p->cover_node;
    bool c_yield = p->cover_has_yield, c_await = p->cover_has_await;
    SrcPos c_yield_pos = p->cover_yield_pos, c_await_pos = p->cover_await_pos;
    bool c_await_ident = p->cover_has_await_ident;
    SrcPos c_await_ident_pos = p->cover_await_ident_pos;
    bool uses_this = from_cover && p->this_count != p->cover_this_count;
    p->cover_node = NULL;

    Node *fn = parse_node(p, NODE_FUNCTION, start);
    fn->as.function.flags = FUNC_ARROW | FUNC_EXPRESSION | (is_async ? FUNC_ASYNC : 0);
    fn->as.function.src_start = start.offset;
    PFunc *f = push_function(p, PF_ARROW, is_async ? FUNC_ASYNC : 0);
    f->method_like = true; /* duplicates are never allowed in arrow parameters */
    if (uses_this)
        f->flags |= FUNC_USES_THIS;

    NodeList items;
    if (head->kind == NODE_IDENT) {
        items = ast_list_copy(p->arena, &head, 1);
    } else if (head->kind == NODE_CALL) {
        items = head->as.call.args;
    } else {
        items = head->as.list.items;
    }
    /* async(...) => : the arguments are reparsed as ArrowFormalParameters[+Await], where
     * `await` is no identifier, also in the parameters of nested arrows */
    if (is_async && from_cover && c_await_ident) {
        parse_fail(p, c_await_ident_pos,
                   "'await' is not a valid identifier name in an async function");
        goto out;
    }
    for (uint32_t i = 0; i < items.len; i++) {
        Node *e = items.items[i];
        if (e->kind == NODE_SPREAD || e->kind == NODE_REST) {
            if (i + 1 != items.len || (e->flags & PN_TRAILING_COMMA)) {
                parse_fail(p, e->as.spread.arg->pos, "Rest parameter must be last formal parameter");
                goto out;
            }
            Node *t = parse_to_binding(p, e->as.spread.arg, false);
            if (!t)
                goto out;
            /* async(...x = y) => : FunctionRestParameter has no Initializer */
            if (t->kind == NODE_ASSIGN_PATTERN) {
                parse_fail(p, t->as.assign_pattern.value->pos,
                           "Rest parameter may not have a default initializer");
                goto out;
            }
            e->kind = NODE_REST;
            e->as.spread.arg = t;
        } else {
            Node *t = parse_to_binding(p, e, false);
            if (!t)
                goto out;
            items.items[i] = t;
        }
    }
    if (from_cover && c_await) {
        parse_fail(p, c_await_pos, "Illegal await-expression in formal parameters of async function");
        goto out;
    }
    if (from_cover && c_yield) {
        parse_fail(p, c_yield_pos, "Yield expression not allowed in formal parameter");
        goto out;
    }
    f->simple_params = params_simple(items);
    parse_next(p); /* => */
    SavedExprState saved = save_expr_state(p);
    NodeList body;
    if (parse_at(p, TOK_LBRACE)) {
        p->no_in = false;
        if (!parse_function_body(p, f, fn, &body))
            goto out;
    } else {
        p->no_in = saved.no_in; /* ConciseBody[?In] */
        Node *e = parse_assignment(p, NULL);
        if (!e)
            goto out;
        Node *r = parse_node(p, NODE_RETURN, e->pos);
        r->as.jump.arg = e;
        body = ast_list_copy(p->arena, &r, 1);
        fn->as.function.flags |= FUNC_EXPR_BODY;
        fn->as.function.body_end = p->prev.end_pos;
    }
    if (!check_function_end(p, f, fn))
        goto out;
    finish_function_node(p, f, fn, items, body);
    scope_pop(p, f->scope);
    func_pop(p, f);
    restore_expr_state(p, saved);
    res = fn;
out:
    parse_leave(p);
    return p->failed ? NULL : res;
}

/* ==== Classes =========================================================================== */

/* Private names declared in one class body; a getter and a setter of the same staticness
 * may share a name (#sec-class-definitions-static-semantics-early-errors). */
static bool private_declare(Parser *p, PClass *c, Node *key, AstMemberKind kind, bool is_static)
{
    AstName name = key->as.ident.name;
    int k = kind == MEMBER_GET ? 1 : kind == MEMBER_SET ? 2 : 0;
    for (uint32_t i = 0; i < c->ndecls; i++) {
        PPrivDecl *d = &c->decls[i];
        if (d->name.len != name.len || memcmp(d->name.s, name.s, name.len) != 0)
            continue;
        if (k != 0 && d->kind != 0 && d->kind != 3 && d->kind != k && d->is_static == is_static) {
            d->kind = 3;
            return true;
        }
        return parse_fail(p, key->pos, "Identifier '#%s' has already been declared", name.s);
    }
    if (c->ndecls == c->capdecls) {
        uint32_t ncap = c->capdecls ? c->capdecls * 2 : 8;
        PPrivDecl *nd = ast_alloc(p->arena, ncap * sizeof(PPrivDecl));
        if (c->ndecls)
            memcpy(nd, c->decls, c->ndecls * sizeof(PPrivDecl));
        c->decls = nd;
        c->capdecls = ncap;
    }
    c->decls[c->ndecls++] = (PPrivDecl){name, key->pos, k, is_static};
    return true;
}

static bool private_resolve(Parser *p, PClass *c)
{
    for (uint32_t i = 0; i < c->nrefs; i++) {
        PPrivRef *r = &c->refs[i];
        bool found = false;
        for (uint32_t j = 0; j < c->ndecls && !found; j++)
            found = c->decls[j].name.len == r->name.len &&
                    memcmp(c->decls[j].name.s, r->name.s, r->name.len) == 0;
        if (found)
            continue;
        if (!c->parent)
            return parse_fail(p, r->pos, "Private field '#%s' must be declared in an enclosing class",
                              r->name.s);
        PClass *up = c->parent;
        if (up->nrefs == up->caprefs) {
            uint32_t ncap = up->caprefs ? up->caprefs * 2 : 8;
            PPrivRef *nr = ast_alloc(p->arena, ncap * sizeof(PPrivRef));
            if (up->nrefs)
                memcpy(nr, up->refs, up->nrefs * sizeof(PPrivRef));
            up->refs = nr;
            up->caprefs = ncap;
        }
        up->refs[up->nrefs++] = *r;
    }
    return true;
}

/* ClassStaticBlock : static { ClassStaticBlockStatementList } */
static Node *parse_static_block(Parser *p, SrcPos start)
{
    Node *fn = parse_node(p, NODE_FUNCTION, start);
    fn->as.function.method_kind = METHOD_METHOD;
    fn->as.function.src_start = start.offset;
    PFunc *f = push_function(p, PF_STATIC_BLOCK, 0);
    f->allow_super_prop = true;
    f->no_arguments = true;
    f->await_reserved = true;
    f->simple_params = true;
    SavedExprState saved = save_expr_state(p);
    NodeList body;
    TRY(parse_function_body(p, f, fn, &body));
    finish_function_node(p, f, fn, (NodeList){NULL, 0}, body);
    scope_pop(p, f->scope);
    func_pop(p, f);
    restore_expr_state(p, saved);
    return fn;
}

/* A field initializer: an AssignmentExpression evaluated as if in a method
 * (#sec-class-definitions: FieldDefinition, ContainsArguments). */
static Node *parse_field_init(Parser *p)
{
    PFunc *f = func_push(p, PF_FIELD_INIT);
    f->allow_super_prop = true;
    f->no_arguments = true;
    f->scope = p->scope;
    SavedExprState saved = save_expr_state(p);
    Node *e = parse_assignment(p, NULL);
    func_pop(p, f);
    restore_expr_state(p, saved);
    return e;
}

/* ClassElement (#sec-class-definitions). Appends to the stack or sets *ctor. */
static bool parse_class_member(Parser *p, Node *cls, Node **ctor)
{
    SrcPos pos = p->tok.pos;
    bool is_static = false;
    if (parse_at_ident(p, "static") && parse_modifier_applies(p, true)) {
        parse_next(p);
        is_static = true;
        if (parse_at(p, TOK_LBRACE)) {
            Node *m = parse_node(p, NODE_CLASS_MEMBER, pos);
            m->as.member.kind = MEMBER_STATIC_BLOCK;
            m->as.member.is_static = true;
            m->as.member.value = parse_static_block(p, pos);
            TRYB(m->as.member.value);
            parse_stack_push(p, m);
            return true;
        }
    }
    SrcPos mpos = p->tok.pos; /* methods' text starts after `static` */
    uint32_t flags = 0;
    AstMemberKind kind = MEMBER_METHOD;
    bool accessor = false;
    if (parse_at_ident(p, "async") && parse_modifier_applies(p, true) && !parse_peek(p)->newline_before) {
        parse_next(p);
        flags |= FUNC_ASYNC;
    }
    if (parse_at(p, TOK_STAR)) {
        parse_next(p);
        flags |= FUNC_GENERATOR;
    }
    if (!flags && (parse_at_ident(p, "get") || parse_at_ident(p, "set")) &&
        parse_modifier_applies(p, true)) {
        kind = parse_at_ident(p, "get") ? MEMBER_GET : MEMBER_SET;
        accessor = true;
        parse_next(p);
    }
    bool computed;
    Node *key = parse_property_key(p, true, &computed);
    TRYB(key);
    Node *m = parse_node(p, NODE_CLASS_MEMBER, pos);
    m->as.member.key = key;
    m->as.member.computed = computed;
    m->as.member.is_static = is_static;
    bool is_private = key->kind == NODE_PRIVATE_NAME;
    if (is_private && ast_name_eq(key->as.ident.name, "constructor"))
        return parse_fail(p, key->pos, "Classes may not have a field named 'constructor'");
    if (flags || accessor || parse_at(p, TOK_LPAREN)) {
        m->as.member.kind = kind;
        if (!is_static && parse_key_is(key, computed, "constructor")) {
            if (accessor)
                return parse_fail(p, key->pos, "Class constructor may not be an accessor");
            if ((flags & FUNC_ASYNC) && (flags & FUNC_GENERATOR))
                return parse_fail(p, key->pos, "Class constructor may not be an async method");
            if (flags & FUNC_GENERATOR)
                return parse_fail(p, key->pos, "Class constructor may not be a generator");
            if (flags & FUNC_ASYNC)
                return parse_fail(p, key->pos, "Class constructor may not be an async method");
            if (*ctor)
                return parse_fail(p, key->pos, "A class may only have one constructor");
            bool derived = cls->as.class_.superclass != NULL;
            Node *fn = parse_method_ex(p, 0, METHOD_CONSTRUCTOR, mpos, derived);
            TRYB(fn);
            fn->as.function.flags |= FUNC_CLASS_CONSTRUCTOR | (derived ? FUNC_DERIVED : 0);
            *ctor = fn;
            return true;
        }
        if (is_static && parse_key_is(key, computed, "prototype"))
            return parse_fail(p, key->pos,
                              "Classes may not have a static property named 'prototype'");
        if (is_private && !private_declare(p, p->cls, key, kind, is_static))
            return false;
        AstMethodKind mk = kind == MEMBER_GET ? METHOD_GET : kind == MEMBER_SET ? METHOD_SET
                                                                                : METHOD_METHOD;
        m->as.member.value = parse_method(p, flags, mk, mpos);
        TRYB(m->as.member.value);
        parse_stack_push(p, m);
        return true;
    }
    /* FieldDefinition ; */
    m->as.member.kind = MEMBER_FIELD;
    if (parse_key_is(key, computed, "constructor"))
        return parse_fail(p, key->pos, "Classes may not have a field named 'constructor'");
    if (is_static && parse_key_is(key, computed, "prototype"))
        return parse_fail(p, key->pos, "Classes may not have a static property named 'prototype'");
    if (is_private && !private_declare(p, p->cls, key, MEMBER_FIELD, is_static))
        return false;
    if (parse_accept(p, TOK_ASSIGN)) {
        m->as.member.value = parse_field_init(p);
        TRYB(m->as.member.value);
    }
    TRYB(parse_semicolon(p));
    parse_stack_push(p, m);
    return true;
}

/* ClassDeclaration / ClassExpression (#sec-class-definitions). All of it is strict code. */
Node *parse_class(Parser *p, bool is_decl, bool name_optional)
{
    TRY(parse_enter(p));
    Node *res = NULL;
    SrcPos start = p->tok.pos;
    Node *n = parse_node(p, NODE_CLASS, start);
    AstClass *c = &n->as.class_;
    c->is_declaration = is_decl;
    c->src_start = start.offset;
    parse_next(p); /* class */
    bool saved_strict = p->func->strict;
    p->func->strict = true;
    if (parse_at(p, TOK_IDENT)) {
        Token name = p->tok;
        if (!parse_check_binding_name(p, &name, DECL_CLASS))
            goto out;
        c->id = parse_ident_node(p, &name);
        if (is_decl && !scope_declare(p, name.name, DECL_CLASS, name.pos, start, false))
            goto out;
        parse_next(p);
    } else if (is_decl && !name_optional) {
        parse_unexpected(p, &p->tok);
        goto out;
    }
    if (parse_accept(p, TOK_EXTENDS)) {
        Node *sup = parse_lhs(p, NULL);
        if (!sup)
            goto out;
        c->superclass = sup;
    }
    if (!parse_expect(p, TOK_LBRACE))
        goto out;
    PClass *pc = ast_alloc(p->arena, sizeof(PClass));
    pc->parent = p->cls;
    p->cls = pc;
    uint32_t mark = parse_stack_mark(p);
    Node *ctor = NULL;
    while (!parse_at(p, TOK_RBRACE)) {
        if (parse_accept(p, TOK_SEMICOLON))
            continue;
        if (!parse_class_member(p, n, &ctor))
            goto out;
    }
    parse_next(p); /* } */
    c->members = parse_stack_pop(p, mark);
    c->constructor = ctor;
    c->src_end = p->prev.end;
    p->cls = pc->parent;
    if (!private_resolve(p, pc))
        goto out;
    p->func->strict = saved_strict;
    res = n;
out:
    parse_leave(p);
    return p->failed ? NULL : res;
}
