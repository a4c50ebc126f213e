/* parser_stmt.c — statements and declarations (ecma262 #sec-ecmascript-language-statements-
 * and-declarations), function bodies with their directive prologues, and the module items
 * (#sec-modules: import and export declarations). */
#include <string.h>

#include "common/util.h"
#include "tracer/parser_int.h"

static Node *parse_statement(Parser *p);

static const char MSG_FN_STRICT[] =
    "In strict mode code, functions can only be declared at top level or inside a block.";
static const char MSG_FN_SLOPPY[] = "In non-strict mode code, functions can only be declared at "
                                    "top level, inside a block, or as the body of an if statement.";
static const char MSG_ASYNC_FN[] =
    "Async functions can only be declared at the top level or inside a block.";
static const char MSG_GEN_FN[] = "Generators can only be declared at the top level or inside a block.";
static const char MSG_LEXICAL_SINGLE[] =
    "Lexical declaration cannot appear in a single-statement context";

/* ==== Lookahead helpers ================================================================= */

/* `let` starts a LexicalDeclaration when followed by an identifier, `[` or `{`
 * (#sec-expression-statement: ExpressionStatement's lookahead ∉ {let [}). */
static bool at_let_declaration(Parser *p)
{
    if (!parse_at_ident(p, "let"))
        return false;
    Token *nx = parse_peek(p);
    return nx->kind == TOK_IDENT || nx->kind == TOK_LBRACKET || nx->kind == TOK_LBRACE;
}

/* async [no LineTerminator here] function */
static bool at_async_function(Parser *p)
{
    if (!parse_at_ident(p, "async"))
        return false;
    Token *nx = parse_peek(p);
    return nx->kind == TOK_FUNCTION && !nx->newline_before;
}

/* ==== Declarations ====================================================================== */

/* VariableStatement / LexicalDeclaration / the declaration of a for head
 * (#sec-variable-statement, #sec-let-and-const-declarations). p->no_in is set by the caller
 * for a for head; then a missing initializer is allowed before `in` / `of`. */
static Node *parse_var_decl(Parser *p, AstVarKind kind, bool for_head)
{
    SrcPos pos = p->tok.pos;
    parse_next(p);
    AstDeclKind dk = kind == VAR_KIND_VAR ? DECL_VAR : kind == VAR_KIND_LET ? DECL_LET : DECL_CONST;
    uint32_t mark = parse_stack_mark(p);
    for (;;) {
        Node *target = parse_binding_target(p, dk);
        TRY(target);
        Node *d = parse_node(p, NODE_DECLARATOR, target->pos);
        d->as.declarator.target = target;
        if (parse_accept(p, TOK_ASSIGN)) {
            d->as.declarator.init = parse_assignment(p, NULL);
            TRY(d->as.declarator.init);
        } else if (!(for_head && (parse_at(p, TOK_IN) || parse_at_ident(p, "of")))) {
            if (target->kind != NODE_IDENT) {
                parse_fail(p, target->pos, "Missing initializer in destructuring declaration");
                return NULL;
            }
            if (kind == VAR_KIND_CONST) {
                parse_fail(p, target->pos, "Missing initializer in const declaration");
                return NULL;
            }
        }
        parse_stack_push(p, d);
        if (!parse_accept(p, TOK_COMMA))
            break;
    }
    Node *n = parse_node(p, NODE_VAR_DECL, pos);
    n->as.var_decl.kind = kind;
    n->as.var_decl.decls = parse_stack_pop(p, mark);
    return n;
}

/* StatementListItem : Statement | Declaration */
Node *parse_statement_list_item(Parser *p)
{
    SrcPos pos = p->tok.pos;
    switch (p->tok.kind) {
    case TOK_FUNCTION:
        return parse_function(p, 0, METHOD_NONE, pos, true);
    case TOK_CLASS:
        return parse_class(p, true, false);
    case TOK_CONST: {
        Node *n = parse_var_decl(p, VAR_KIND_CONST, false);
        TRY(n);
        TRY(parse_semicolon(p));
        return n;
    }
    case TOK_IDENT:
        if (at_let_declaration(p)) {
            Node *n = parse_var_decl(p, VAR_KIND_LET, false);
            TRY(n);
            TRY(parse_semicolon(p));
            return n;
        }
        if (at_async_function(p)) {
            parse_next(p);
            return parse_function(p, FUNC_ASYNC, METHOD_NONE, pos, true);
        }
        break;
    default:
        break;
    }
    return parse_statement(p);
}

/* ==== Function bodies and directive prologues ========================================== */

/* FunctionBody (or the whole Script/Module when f is the program): a directive prologue
 * (#sec-directive-prologues-and-the-use-strict-directive), then the statement list. The
 * current token is `{` (functions) or the first token (programs). */
bool parse_function_body(Parser *p, PFunc *f, Node *fn, NodeList *out_body)
{
    bool is_program = f->kind == PF_PROGRAM;
    if (!is_program)
        TRYB(parse_expect(p, TOK_LBRACE));
    TokenKind end = is_program ? TOK_EOF : TOK_RBRACE;
    uint32_t mark = parse_stack_mark(p);
    bool prologue = true;
    bool octal_seen = false;
    SrcPos octal_pos = {0, 0, 0};
    while (!parse_at(p, end)) {
        if (p->failed)
            return false;
        Node *item;
        if (prologue && parse_at(p, TOK_STRING)) {
            Token st = p->tok;
            item = parse_statement_list_item(p);
            TRYB(item);
            Node *e = item->kind == NODE_EXPR_STMT ? item->as.expr_stmt.expr : NULL;
            if (e && e->kind == NODE_STRING && !(e->flags & AST_PARENTHESIZED) &&
                e->pos.offset == st.pos.offset) {
                item->flags |= AST_DIRECTIVE;
                bool use_strict = st.end - st.pos.offset == 12 &&
                                  memcmp(p->lx.src + st.pos.offset + 1, "use strict", 10) == 0;
                if (use_strict) {
                    if (!is_program && !f->simple_params)
                        return parse_fail(p, st.pos,
                                          "Illegal 'use strict' directive in function with "
                                          "non-simple parameter list");
                    f->strict = true;
                    f->directive_strict = true;
                    f->use_strict_pos = st.pos;
                    if (octal_seen)
                        return parse_fail(p, octal_pos,
                                          "Octal escape sequences are not allowed in strict mode.");
                } else if (st.octal_escape && !octal_seen) {
                    octal_seen = true;
                    octal_pos = lex_pos_at(&p->lx, st.octal_escape_offset);
                }
            } else {
                prologue = false;
            }
        } else {
            prologue = false;
            item = p->goal == PARSE_MODULE && is_program ? parse_module_item(p)
                                                          : parse_statement_list_item(p);
            TRYB(item);
        }
        parse_stack_push(p, item);
    }
    if (p->failed)
        return false;
    if (!is_program) {
        fn->as.function.body_end = p->tok.pos;
        parse_next(p); /* } */
    }
    *out_body = parse_stack_pop(p, mark);
    return !p->failed;
}

/* ==== Statements ======================================================================== */

/* Block : { StatementList } (#sec-block) */
static Node *parse_block(Parser *p)
{
    Node *n = parse_node(p, NODE_BLOCK, p->tok.pos);
    TRY(parse_expect(p, TOK_LBRACE));
    PScope *s = scope_push(p, PSCOPE_BLOCK);
    uint32_t mark = parse_stack_mark(p);
    while (!parse_at(p, TOK_RBRACE)) {
        Node *item = parse_statement_list_item(p);
        TRY(item);
        parse_stack_push(p, item);
    }
    parse_next(p);
    n->as.block.body = parse_stack_pop(p, mark);
    n->as.block.lex_decls = scope_export(p, &s->lex);
    scope_pop(p, s);
    return n;
}

/* The body of if/else: Annex B.3.3 allows a plain function declaration there in sloppy
 * code, as if it were wrapped in a block. */
static Node *parse_if_body(Parser *p)
{
    if (parse_at(p, TOK_FUNCTION) && !parse_is_strict(p)) {
        Token *nx = parse_peek(p);
        if (nx->kind == TOK_STAR)
            return parse_fail(p, nx->pos, MSG_GEN_FN), NULL;
        Node *b = parse_node(p, NODE_BLOCK, p->tok.pos);
        PScope *s = scope_push(p, PSCOPE_BLOCK);
        Node *fn = parse_function(p, 0, METHOD_NONE, p->tok.pos, true);
        TRY(fn);
        b->as.block.body = ast_list_copy(p->arena, &fn, 1);
        b->as.block.lex_decls = scope_export(p, &s->lex);
        scope_pop(p, s);
        return b;
    }
    return parse_statement(p);
}

static Node *parse_if(Parser *p)
{
    Node *n = parse_node(p, NODE_IF, p->tok.pos);
    parse_next(p);
    TRY(parse_expect(p, TOK_LPAREN));
    n->as.if_.test = parse_expression(p);
    TRY(n->as.if_.test);
    TRY(parse_expect(p, TOK_RPAREN));
    n->as.if_.then = parse_if_body(p);
    TRY(n->as.if_.then);
    if (parse_accept(p, TOK_ELSE)) {
        n->as.if_.else_ = parse_if_body(p);
        TRY(n->as.if_.else_);
    }
    return n;
}

static Node *parse_loop_body(Parser *p)
{
    PFunc *f = p->func;
    f->loops++;
    f->breakable++;
    Node *body = parse_statement(p);
    f->loops--;
    f->breakable--;
    /* IsLabelledFunction(Statement) is an early error for loop bodies
     * (#sec-semantics-static-semantics-islabelledfunction) */
    const Node *inner = body;
    while (inner && inner->kind == NODE_LABELED)
        inner = inner->as.labeled.body;
    if (inner && inner != body && inner->kind == NODE_FUNCTION) {
        parse_fail(p, inner->pos, MSG_FN_SLOPPY);
        return NULL;
    }
    return body;
}

static Node *parse_while(Parser *p)
{
    Node *n = parse_node(p, NODE_WHILE, p->tok.pos);
    parse_next(p);
    TRY(parse_expect(p, TOK_LPAREN));
    n->as.while_.test = parse_expression(p);
    TRY(n->as.while_.test);
    TRY(parse_expect(p, TOK_RPAREN));
    n->as.while_.body = parse_loop_body(p);
    TRY(n->as.while_.body);
    return n;
}

/* do Statement while ( Expression ) ;  — the `;` may always be omitted
 * (#sec-automatic-semicolon-insertion rule 1, third bullet). */
static Node *parse_do(Parser *p)
{
    Node *n = parse_node(p, NODE_DO_WHILE, p->tok.pos);
    parse_next(p);
    n->as.while_.body = parse_loop_body(p);
    TRY(n->as.while_.body);
    TRY(parse_expect(p, TOK_WHILE));
    TRY(parse_expect(p, TOK_LPAREN));
    n->as.while_.test = parse_expression(p);
    TRY(n->as.while_.test);
    TRY(parse_expect(p, TOK_RPAREN));
    parse_accept(p, TOK_SEMICOLON);
    return n;
}

/* for ( ... ; ... ; ... ), for-in, for-of, for await (#sec-for-statement,
 * #sec-for-in-and-for-of-statements). */
static Node *parse_for(Parser *p)
{
    SrcPos pos = p->tok.pos;
    parse_next(p);
    bool is_await = false;
    if (parse_at_ident(p, "await")) {
        if (!p->func->await_kw) {
            parse_fail(p, p->tok.pos, "Unexpected reserved word");
            return NULL;
        }
        if (p->func->kind == PF_PROGRAM)
            p->top_level_await = true;
        is_await = true;
        parse_next(p);
    }
    TRY(parse_expect(p, TOK_LPAREN));
    PScope *s = scope_push(p, PSCOPE_FOR);
    Node *init = NULL;
    Token init_tok = p->tok;
    bool init_is_decl = false;
    CoverErrors ce;
    memset(&ce, 0, sizeof ce);
    bool saved_no_in = p->no_in;
    p->no_in = true;
    if (parse_at(p, TOK_SEMICOLON)) {
        /* no init */
    } else if (parse_at(p, TOK_VAR)) {
        init = parse_var_decl(p, VAR_KIND_VAR, true);
        init_is_decl = true;
    } else if (parse_at(p, TOK_CONST)) {
        init = parse_var_decl(p, VAR_KIND_CONST, true);
        init_is_decl = true;
    } else if (at_let_declaration(p)) {
        init = parse_var_decl(p, VAR_KIND_LET, true);
        init_is_decl = true;
    } else if (is_await && parse_at_ident(p, "async") && !p->tok.escaped &&
               parse_peek(p)->kind == TOK_IDENT && !parse_peek(p)->escaped &&
               ast_name_eq(parse_peek(p)->name, "of")) {
        /* for await (async of x): the lookahead restriction `async of` applies to for-of
         * only; here `async` is an IdentifierReference (it cannot start an async arrow,
         * which is no valid left-hand side) */
        TRY(parse_check_ident_ref(p, &p->tok));
        parse_next(p);
        init = parse_ident_node(p, &p->prev);
    } else {
        init = parse_assignment(p, &ce);
        if (init && parse_at(p, TOK_COMMA)) {
            TRY(parse_check_cover(p, &ce));
            uint32_t mark = parse_stack_mark(p);
            parse_stack_push(p, init);
            while (parse_accept(p, TOK_COMMA)) {
                Node *e = parse_assignment(p, NULL);
                TRY(e);
                parse_stack_push(p, e);
            }
            Node *seq = parse_node(p, NODE_SEQUENCE, init->pos);
            seq->as.list.items = parse_stack_pop(p, mark);
            init = seq;
        }
    }
    p->no_in = saved_no_in;
    if (p->failed)
        return NULL;
    bool is_of = parse_at_ident(p, "of");
    bool is_in = parse_at(p, TOK_IN) && !is_await;
    if (init && (is_of || is_in)) {
        const char *what = is_of ? "for-of" : "for-in";
        Node *n = parse_node(p, is_of ? NODE_FOR_OF : NODE_FOR_IN, pos);
        if (init_is_decl) {
            NodeList ds = init->as.var_decl.decls;
            if (ds.len != 1) {
                parse_fail(p, ds.items[0]->pos,
                           "Invalid left-hand side in %s loop: Must have a single binding.", what);
                return NULL;
            }
            Node *d = ds.items[0];
            if (d->as.declarator.init &&
                (is_of || parse_is_strict(p) || init->as.var_decl.kind != VAR_KIND_VAR ||
                 d->as.declarator.target->kind != NODE_IDENT)) {
                parse_fail(p, d->pos, "%s loop variable declaration may not have an initializer.",
                           what);
                return NULL;
            }
        } else {
            /* for (async of ...) is forbidden (#sec-for-in-and-for-of-statements lookahead) */
            if (is_of && !is_await && init_tok.kind == TOK_IDENT && !init_tok.escaped &&
                ast_name_eq(init_tok.name, "async") && init->kind == NODE_IDENT &&
                !(init->flags & AST_PARENTHESIZED)) {
                parse_fail(p, init->pos,
                           "The left-hand side of a for-of loop may not be 'async'.");
                return NULL;
            }
            if (is_of && init_tok.kind == TOK_IDENT && !init_tok.escaped &&
                ast_name_eq(init_tok.name, "let") && init->pos.offset == init_tok.pos.offset) {
                parse_unexpected(p, &init_tok);
                return NULL;
            }
            if (init->kind == NODE_ASSIGN || init->kind == NODE_SEQUENCE) {
                parse_fail(p, init->pos, "Invalid left-hand side in for-loop");
                return NULL;
            }
            init = parse_to_assign_target(p, init, true, "Invalid left-hand side in for-loop");
            TRY(init);
        }
        parse_next(p); /* of / in */
        n->as.for_in.left = init;
        n->as.for_in.right = is_of ? parse_assignment(p, NULL) : parse_expression(p);
        TRY(n->as.for_in.right);
        n->as.for_in.is_await = is_await;
        TRY(parse_expect(p, TOK_RPAREN));
        n->as.for_in.body = parse_loop_body(p);
        TRY(n->as.for_in.body);
        n->as.for_in.lex_decls = scope_export(p, &s->lex);
        scope_pop(p, s);
        return n;
    }
    if (is_await)
        return parse_unexpected(p, &p->tok), NULL;
    if (init && !init_is_decl)
        TRY(parse_check_cover(p, &ce));
    Node *n = parse_node(p, NODE_FOR, pos);
    n->as.for_.init = init;
    TRY(parse_expect(p, TOK_SEMICOLON));
    if (!parse_at(p, TOK_SEMICOLON)) {
        n->as.for_.test = parse_expression(p);
        TRY(n->as.for_.test);
    }
    TRY(parse_expect(p, TOK_SEMICOLON));
    if (!parse_at(p, TOK_RPAREN)) {
        n->as.for_.update = parse_expression(p);
        TRY(n->as.for_.update);
    }
    TRY(parse_expect(p, TOK_RPAREN));
    n->as.for_.body = parse_loop_body(p);
    TRY(n->as.for_.body);
    n->as.for_.lex_decls = scope_export(p, &s->lex);
    scope_pop(p, s);
    return n;
}

static PLabel *find_label(PFunc *f, AstName name)
{
    for (uint32_t i = f->nlabels; i-- > 0;)
        if (f->labels[i].name.len == name.len && memcmp(f->labels[i].name.s, name.s, name.len) == 0)
            return &f->labels[i];
    return NULL;
}

/* break / continue with an optional label [no LineTerminator here]
 * (#sec-break-statement, #sec-continue-statement and their early errors). */
static Node *parse_jump(Parser *p, bool is_break)
{
    Node *n = parse_node(p, is_break ? NODE_BREAK : NODE_CONTINUE, p->tok.pos);
    parse_next(p);
    PFunc *f = p->func;
    /* V8's order: a label is checked at once; a bare break/continue only after its `;` */
    bool has_label = parse_at(p, TOK_IDENT) && !p->tok.newline_before;
    if (has_label) {
        Token t = p->tok;
        PLabel *l = find_label(f, t.name);
        if (!l) {
            parse_fail(p, t.pos, "Undefined label '%s'", t.name.s);
            return NULL;
        }
        if (!is_break && !l->is_loop) {
            parse_fail(p, t.pos,
                       "Illegal continue statement: '%s' does not denote an iteration statement",
                       t.name.s);
            return NULL;
        }
        n->as.jump.label = t.name;
        parse_next(p);
    }
    TRY(parse_semicolon(p));
    if (has_label) {
        /* checked above */
    } else if (is_break && f->breakable == 0) {
        parse_fail(p, n->pos, "Illegal break statement");
        return NULL;
    } else if (!is_break && f->loops == 0) {
        parse_fail(p, n->pos, "Illegal continue statement: no surrounding iteration statement");
        return NULL;
    }
    return n;
}

/* return [no LineTerminator here] Expression? ; (#sec-return-statement) */
static Node *parse_return(Parser *p)
{
    Node *n = parse_node(p, NODE_RETURN, p->tok.pos);
    if (!p->func->allow_return) {
        parse_fail(p, n->pos, "Illegal return statement");
        return NULL;
    }
    parse_next(p);
    if (!parse_at(p, TOK_SEMICOLON) && !parse_at(p, TOK_RBRACE) && !parse_at(p, TOK_EOF) &&
        !p->tok.newline_before) {
        n->as.jump.arg = parse_expression(p);
        TRY(n->as.jump.arg);
    }
    TRY(parse_semicolon(p));
    return n;
}

/* throw [no LineTerminator here] Expression ; (#sec-throw-statement) */
static Node *parse_throw(Parser *p)
{
    Node *n = parse_node(p, NODE_THROW, p->tok.pos);
    parse_next(p);
    if (p->tok.newline_before) {
        parse_fail(p, n->pos, "Illegal newline after throw");
        return NULL;
    }
    n->as.jump.arg = parse_expression(p);
    TRY(n->as.jump.arg);
    TRY(parse_semicolon(p));
    return n;
}

/* switch ( Expression ) CaseBlock (#sec-switch-statement); the case block is one scope. */
static Node *parse_switch(Parser *p)
{
    Node *n = parse_node(p, NODE_SWITCH, p->tok.pos);
    parse_next(p);
    TRY(parse_expect(p, TOK_LPAREN));
    n->as.switch_.discriminant = parse_expression(p);
    TRY(n->as.switch_.discriminant);
    TRY(parse_expect(p, TOK_RPAREN));
    TRY(parse_expect(p, TOK_LBRACE));
    PScope *s = scope_push(p, PSCOPE_SWITCH);
    p->func->breakable++;
    uint32_t mark = parse_stack_mark(p);
    bool seen_default = false;
    while (!parse_at(p, TOK_RBRACE)) {
        Node *c = parse_node(p, NODE_CASE, p->tok.pos);
        if (parse_accept(p, TOK_CASE)) {
            c->as.case_.test = parse_expression(p);
            TRY(c->as.case_.test);
        } else if (parse_at(p, TOK_DEFAULT)) {
            if (seen_default) {
                parse_fail(p, p->tok.pos, "More than one default clause in switch statement");
                return NULL;
            }
            seen_default = true;
            parse_next(p);
        } else {
            return parse_unexpected(p, &p->tok), NULL;
        }
        TRY(parse_expect(p, TOK_COLON));
        uint32_t bmark = parse_stack_mark(p);
        while (!parse_at(p, TOK_CASE) && !parse_at(p, TOK_DEFAULT) && !parse_at(p, TOK_RBRACE)) {
            Node *item = parse_statement_list_item(p);
            TRY(item);
            parse_stack_push(p, item);
        }
        c->as.case_.body = parse_stack_pop(p, bmark);
        parse_stack_push(p, c);
    }
    parse_next(p);
    p->func->breakable--;
    n->as.switch_.cases = parse_stack_pop(p, mark);
    n->as.switch_.lex_decls = scope_export(p, &s->lex);
    scope_pop(p, s);
    return n;
}

/* try Block Catch? Finally? (#sec-try-statement); the catch parameter and the catch block
 * share a scope for the redeclaration rules (Annex B.3.4 allows `var e` for a simple e). */
static Node *parse_try(Parser *p)
{
    Node *n = parse_node(p, NODE_TRY, p->tok.pos);
    parse_next(p);
    n->as.try_.block = parse_block(p);
    TRY(n->as.try_.block);
    if (parse_at(p, TOK_CATCH)) {
        parse_next(p);
        PScope *s = scope_push(p, PSCOPE_CATCH);
        if (parse_accept(p, TOK_LPAREN)) {
            n->as.try_.param = parse_binding_target(p, DECL_CATCH_PARAM);
            TRY(n->as.try_.param);
            s->catch_simple = n->as.try_.param->kind == NODE_IDENT;
            TRY(parse_expect(p, TOK_RPAREN));
        }
        Node *b = parse_node(p, NODE_BLOCK, p->tok.pos);
        TRY(parse_expect(p, TOK_LBRACE));
        uint32_t mark = parse_stack_mark(p);
        while (!parse_at(p, TOK_RBRACE)) {
            Node *item = parse_statement_list_item(p);
            TRY(item);
            parse_stack_push(p, item);
        }
        parse_next(p);
        b->as.block.body = parse_stack_pop(p, mark);
        b->as.block.lex_decls = scope_export(p, &s->lex);
        n->as.try_.handler = b;
        AstDeclList cd = scope_export(p, &s->params);
        for (uint32_t i = 0; i < cd.len; i++)
            ((AstDecl *)cd.items)[i].kind = DECL_CATCH_PARAM;
        n->as.try_.catch_decls = cd;
        scope_pop(p, s);
    }
    if (parse_accept(p, TOK_FINALLY)) {
        n->as.try_.finalizer = parse_block(p);
        TRY(n->as.try_.finalizer);
    }
    if (!n->as.try_.handler && !n->as.try_.finalizer) {
        parse_fail(p, p->prev.pos, "Missing catch or finally after try");
        return NULL;
    }
    return n;
}

/* LabelledStatement : LabelIdentifier : LabelledItem (#sec-labelled-statements) */
static Node *parse_labeled(Parser *p, uint32_t chain_start)
{
    Token t = p->tok;
    PFunc *f = p->func;
    if (find_label(f, t.name)) {
        parse_fail(p, t.pos, "Label '%s' has already been declared", t.name.s);
        return NULL;
    }
    if (f->nlabels == f->caplabels) {
        uint32_t ncap = f->caplabels ? f->caplabels * 2 : 8;
        PLabel *nl = ast_alloc(p->arena, ncap * sizeof(PLabel));
        if (f->nlabels)
            memcpy(nl, f->labels, f->nlabels * sizeof(PLabel));
        f->labels = nl;
        f->caplabels = ncap;
    }
    uint32_t idx = f->nlabels++;
    f->labels[idx] = (PLabel){t.name, false};
    parse_next(p); /* label */
    parse_next(p); /* : */
    Node *body;
    if (parse_at(p, TOK_IDENT) && !(p->func->yield_kw && parse_at_ident(p, "yield")) &&
        !(p->func->await_kw && parse_at_ident(p, "await")) && parse_peek(p)->kind == TOK_COLON) {
        TRY(parse_enter(p));
        body = parse_labeled(p, chain_start);
        parse_leave(p);
    } else {
        if (parse_at(p, TOK_FOR) || parse_at(p, TOK_WHILE) || parse_at(p, TOK_DO))
            for (uint32_t i = chain_start; i <= idx; i++)
                f->labels[i].is_loop = true;
        if (parse_at(p, TOK_FUNCTION)) {
            /* B.3.1 labelled function declarations (sloppy, plain functions only) */
            if (parse_is_strict(p)) {
                parse_fail(p, p->tok.pos, MSG_FN_STRICT);
                return NULL;
            }
            Token *nx = parse_peek(p);
            if (nx->kind == TOK_STAR) {
                parse_fail(p, nx->pos, MSG_GEN_FN);
                return NULL;
            }
            body = parse_function(p, 0, METHOD_NONE, p->tok.pos, true);
        } else {
            body = parse_statement(p); /* `break label` finds the label; a bare break does not */
        }
    }
    TRY(body);
    f->nlabels = idx;
    Node *n = parse_node(p, NODE_LABELED, t.pos);
    n->as.labeled.label = t.name;
    n->as.labeled.body = body;
    return n;
}

/* Statement (#sec-ecmascript-language-statements-and-declarations): no declarations here
 * except those Annex B allows (handled by the callers). */
static Node *parse_statement_inner(Parser *p)
{
    Token t = p->tok;
    Node *n;
    switch (t.kind) {
    case TOK_LBRACE:
        return parse_block(p);
    case TOK_SEMICOLON:
        parse_next(p);
        return parse_node(p, NODE_EMPTY, t.pos);
    case TOK_VAR:
        n = parse_var_decl(p, VAR_KIND_VAR, false);
        TRY(n);
        TRY(parse_semicolon(p));
        return n;
    case TOK_IF:
        return parse_if(p);
    case TOK_FOR:
        return parse_for(p);
    case TOK_WHILE:
        return parse_while(p);
    case TOK_DO:
        return parse_do(p);
    case TOK_CONTINUE:
        return parse_jump(p, false);
    case TOK_BREAK:
        return parse_jump(p, true);
    case TOK_RETURN:
        return parse_return(p);
    case TOK_THROW:
        return parse_throw(p);
    case TOK_TRY:
        return parse_try(p);
    case TOK_SWITCH:
        return parse_switch(p);
    case TOK_DEBUGGER:
        parse_next(p);
        TRY(parse_semicolon(p));
        return parse_node(p, NODE_DEBUGGER, t.pos);
    case TOK_WITH:
        if (parse_is_strict(p)) {
            parse_fail(p, t.pos, "Strict mode code may not include a with statement");
            return NULL;
        }
        n = parse_node(p, NODE_WITH, t.pos);
        parse_next(p);
        TRY(parse_expect(p, TOK_LPAREN));
        n->as.with.object = parse_expression(p);
        TRY(n->as.with.object);
        TRY(parse_expect(p, TOK_RPAREN));
        n->as.with.body = parse_statement(p);
        TRY(n->as.with.body);
        return n;
    case TOK_FUNCTION:
        parse_fail(p, t.pos, "%s", parse_is_strict(p) ? MSG_FN_STRICT : MSG_FN_SLOPPY);
        return NULL;
    case TOK_CLASS:
    case TOK_CONST:
        return parse_unexpected(p, &t), NULL;
    case TOK_IMPORT: {
        Token *nx = parse_peek(p);
        if (nx->kind != TOK_LPAREN && nx->kind != TOK_DOT) {
            parse_fail(p, t.pos, "Cannot use import statement outside a module");
            return NULL;
        }
        break;
    }
    case TOK_IDENT:
        if (!t.escaped && ast_name_eq(t.name, "let")) {
            Token *nx = parse_peek(p);
            if (nx->kind == TOK_LBRACKET ||
                ((nx->kind == TOK_IDENT || nx->kind == TOK_LBRACE) && !nx->newline_before) ||
                (parse_is_strict(p) && (nx->kind == TOK_IDENT || nx->kind == TOK_LBRACE))) {
                parse_fail(p, t.pos, MSG_LEXICAL_SINGLE);
                return NULL;
            }
        }
        if (at_async_function(p)) {
            parse_fail(p, t.pos, MSG_ASYNC_FN);
            return NULL;
        }
        if (!(p->func->yield_kw && ast_name_eq(t.name, "yield")) &&
            !(p->func->await_kw && ast_name_eq(t.name, "await")) &&
            parse_peek(p)->kind == TOK_COLON) {
            if (t.escaped && lex_is_reserved_word(t.name.s, t.name.len))
                return parse_unexpected(p, &t), NULL;
            if (parse_is_strict(p) && lex_is_strict_reserved_word(t.name.s, t.name.len))
                return parse_unexpected(p, &t), NULL;
            if (ast_name_eq(t.name, "await") && p->func->await_reserved)
                return parse_unexpected(p, &t), NULL;
            return parse_labeled(p, p->func->nlabels);
        }
        break;
    default:
        break;
    }
    /* ExpressionStatement */
    Node *e = parse_expression(p);
    TRY(e);
    TRY(parse_semicolon(p));
    n = parse_node(p, NODE_EXPR_STMT, e->pos);
    n->as.expr_stmt.expr = e;
    return n;
}

static Node *parse_statement(Parser *p)
{
    TRY(parse_enter(p));
    Node *n = parse_statement_inner(p);
    parse_leave(p);
    return p->failed ? NULL : n;
}

/* ==== Modules =========================================================================== */

static bool export_name(Parser *p, AstName name, SrcPos pos)
{
    if (pdecl_has(&p->exported, name))
        return parse_fail(p, pos, "Duplicate export of '%s'", name.s);
    pdecl_push(p, &p->exported, name, DECL_VAR, pos);
    return true;
}

/* ModuleExportName : IdentifierName | StringLiteral (string names as UTF-8 if valid) */
static bool parse_module_export_name(Parser *p, AstName *out, SrcPos *pos, bool *is_string)
{
    *pos = p->tok.pos;
    *is_string = false;
    if (parse_at(p, TOK_STRING)) {
        AstStr16 s = p->tok.str;
        char *buf = ast_alloc(p->arena, (size_t)s.len * 3 + 1);
        size_t n = 0;
        for (uint32_t i = 0; i < s.len; i++) {
            uint32_t c = s.units[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.len && s.units[i + 1] >= 0xDC00 &&
                s.units[i + 1] <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (s.units[i + 1] - 0xDC00);
                i++;
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                return parse_fail(p, *pos, "Invalid module export name: contains unpaired surrogate");
            }
            if (c < 0x80) {
                buf[n++] = (char)c;
            } else if (c < 0x800) {
                buf[n++] = (char)(0xC0 | (c >> 6));
                buf[n++] = (char)(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                buf[n++] = (char)(0xE0 | (c >> 12));
                buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (char)(0x80 | (c & 0x3F));
            } else {
                buf[n++] = (char)(0xF0 | (c >> 18));
                buf[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
                buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (char)(0x80 | (c & 0x3F));
            }
        }
        buf[n] = 0;
        *out = (AstName){buf, (uint32_t)n};
        *is_string = true;
        parse_next(p);
        return true;
    }
    Node *id = parse_ident_name_node(p);
    TRYB(id);
    *out = id->as.ident.name;
    return true;
}

/* FromClause, then the optional import attributes `with { type: "json" }` (also the older
 * `assert {...}`), which are checked for shape and otherwise ignored. */
static bool parse_from_clause(Parser *p, AstStr16 *source)
{
    if (!parse_at_ident(p, "from"))
        return parse_unexpected(p, &p->tok);
    parse_next(p);
    if (!parse_at(p, TOK_STRING))
        return parse_unexpected(p, &p->tok);
    *source = p->tok.str;
    parse_next(p);
    if ((parse_at(p, TOK_WITH) || (parse_at_ident(p, "assert") && !p->tok.newline_before))) {
        parse_next(p);
        TRYB(parse_expect(p, TOK_LBRACE));
        while (!parse_at(p, TOK_RBRACE)) {
            if (parse_at(p, TOK_STRING))
                parse_next(p);
            else
                TRYB(parse_ident_name_node(p));
            TRYB(parse_expect(p, TOK_COLON));
            if (!parse_at(p, TOK_STRING))
                return parse_unexpected(p, &p->tok);
            parse_next(p);
            if (!parse_accept(p, TOK_COMMA))
                break;
        }
        TRYB(parse_expect(p, TOK_RBRACE));
    }
    return true;
}

/* An imported binding: a BindingIdentifier declared as an immutable lexical binding. */
static Node *import_binding(Parser *p, AstName imported)
{
    Token t = p->tok;
    TRY(parse_check_binding_name(p, &t, DECL_CONST));
    TRY(scope_declare(p, t.name, DECL_IMPORT, t.pos, t.pos, false));
    Node *spec = parse_node(p, NODE_IMPORT_SPEC, t.pos);
    spec->as.module_spec.imported = imported;
    spec->as.module_spec.local = t.name;
    parse_next(p);
    return spec;
}

/* ImportDeclaration (#sec-imports) */
static Node *parse_import_decl(Parser *p)
{
    Node *n = parse_node(p, NODE_IMPORT_DECL, p->tok.pos);
    parse_next(p);
    uint32_t mark = parse_stack_mark(p);
    if (parse_at(p, TOK_STRING)) {
        n->as.import_decl.source = p->tok.str;
        parse_next(p);
        TRY(parse_semicolon(p));
        return n;
    }
    bool need_more = true;
    if (parse_at(p, TOK_IDENT)) {
        Node *spec = import_binding(p, ast_name_copy(p->arena, "default", 7));
        TRY(spec);
        parse_stack_push(p, spec);
        need_more = parse_accept(p, TOK_COMMA);
    }
    if (need_more) {
        if (parse_at(p, TOK_STAR)) {
            parse_next(p);
            if (!parse_at_ident(p, "as"))
                return parse_unexpected(p, &p->tok), NULL;
            parse_next(p);
            Node *spec = import_binding(p, ast_name_copy(p->arena, "*", 1));
            TRY(spec);
            parse_stack_push(p, spec);
        } else if (parse_accept(p, TOK_LBRACE)) {
            while (!parse_at(p, TOK_RBRACE)) {
                Token first = p->tok;
                AstName imported;
                SrcPos ipos;
                bool is_string;
                TRY(parse_module_export_name(p, &imported, &ipos, &is_string));
                Node *spec;
                if (parse_at_ident(p, "as")) {
                    parse_next(p);
                    spec = import_binding(p, imported);
                } else {
                    if (is_string || first.kind != TOK_IDENT)
                        return parse_unexpected(p, &first), NULL;
                    TRY(parse_check_binding_name(p, &first, DECL_CONST));
                    TRY(scope_declare(p, first.name, DECL_IMPORT, first.pos, first.pos, false));
                    spec = parse_node(p, NODE_IMPORT_SPEC, first.pos);
                    spec->as.module_spec.imported = imported;
                    spec->as.module_spec.local = imported;
                }
                TRY(spec);
                parse_stack_push(p, spec);
                if (!parse_accept(p, TOK_COMMA))
                    break;
            }
            TRY(parse_expect(p, TOK_RBRACE));
        } else {
            return parse_unexpected(p, &p->tok), NULL;
        }
    }
    n->as.import_decl.specifiers = parse_stack_pop(p, mark);
    TRY(parse_from_clause(p, &n->as.import_decl.source));
    TRY(parse_semicolon(p));
    return n;
}

/* Export the names a declaration binds (VAR_DECL patterns, FUNCTION, CLASS). */
static bool export_bound_names(Parser *p, Node *n)
{
    if (!n)
        return true;
    switch (n->kind) {
    case NODE_IDENT:
        return export_name(p, n->as.ident.name, n->pos);
    case NODE_VAR_DECL:
        for (uint32_t i = 0; i < n->as.var_decl.decls.len; i++)
            TRYB(export_bound_names(p, n->as.var_decl.decls.items[i]->as.declarator.target));
        return true;
    case NODE_FUNCTION:
        return export_bound_names(p, n->as.function.id);
    case NODE_CLASS:
        return export_bound_names(p, n->as.class_.id);
    case NODE_ARRAY_PATTERN:
        for (uint32_t i = 0; i < n->as.array.elements.len; i++)
            TRYB(export_bound_names(p, n->as.array.elements.items[i]));
        return true;
    case NODE_OBJECT_PATTERN:
        for (uint32_t i = 0; i < n->as.object.properties.len; i++) {
            Node *e = n->as.object.properties.items[i];
            TRYB(export_bound_names(p, e->kind == NODE_REST ? e : e->as.property.value));
        }
        return true;
    case NODE_ASSIGN_PATTERN:
        return export_bound_names(p, n->as.assign_pattern.target);
    case NODE_REST:
        return export_bound_names(p, n->as.spread.arg);
    default:
        return true;
    }
}

/* ExportDeclaration (#sec-exports) */
static Node *parse_export_decl(Parser *p)
{
    SrcPos pos = p->tok.pos;
    parse_next(p);
    if (parse_at(p, TOK_STAR)) {
        Node *n = parse_node(p, NODE_EXPORT_ALL, pos);
        parse_next(p);
        if (parse_at_ident(p, "as")) {
            parse_next(p);
            SrcPos npos;
            bool is_string;
            TRY(parse_module_export_name(p, &n->as.export_all.exported, &npos, &is_string));
            TRY(export_name(p, n->as.export_all.exported, npos));
        }
        TRY(parse_from_clause(p, &n->as.export_all.source));
        TRY(parse_semicolon(p));
        return n;
    }
    if (parse_at(p, TOK_DEFAULT)) {
        Node *n = parse_node(p, NODE_EXPORT_DEFAULT, pos);
        TRY(export_name(p, ast_name_copy(p->arena, "default", 7), p->tok.pos));
        parse_next(p);
        SrcPos vpos = p->tok.pos;
        Node *v;
        if (parse_at(p, TOK_FUNCTION)) {
            p->default_export = true;
            v = parse_function(p, 0, METHOD_NONE, vpos, true);
        } else if (at_async_function(p)) {
            parse_next(p);
            p->default_export = true;
            v = parse_function(p, FUNC_ASYNC, METHOD_NONE, vpos, true);
        } else if (parse_at(p, TOK_CLASS)) {
            v = parse_class(p, true, true);
        } else {
            v = parse_assignment(p, NULL);
            TRY(v);
            TRY(parse_semicolon(p));
        }
        p->default_export = false;
        TRY(v);
        n->as.export_default.value = v;
        return n;
    }
    Node *n = parse_node(p, NODE_EXPORT_NAMED, pos);
    if (parse_accept(p, TOK_LBRACE)) {
        uint32_t mark = parse_stack_mark(p);
        while (!parse_at(p, TOK_RBRACE)) {
            Token first = p->tok;
            AstName local, exported;
            SrcPos lpos, epos;
            bool lstr, estr;
            TRY(parse_module_export_name(p, &local, &lpos, &lstr));
            exported = local;
            epos = lpos;
            if (parse_at_ident(p, "as")) {
                parse_next(p);
                TRY(parse_module_export_name(p, &exported, &epos, &estr));
            }
            TRY(export_name(p, exported, epos));
            Node *spec = parse_node(p, NODE_EXPORT_SPEC, lpos);
            spec->as.module_spec.imported = local;
            spec->as.module_spec.local = exported;
            spec->flags |= lstr ? PN_TRAILING_COMMA : 0; /* remembers "local was a string" */
            (void)first;
            parse_stack_push(p, spec);
            if (!parse_accept(p, TOK_COMMA))
                break;
        }
        TRY(parse_expect(p, TOK_RBRACE));
        n->as.export_named.specifiers = parse_stack_pop(p, mark);
        if (parse_at_ident(p, "from")) {
            TRY(parse_from_clause(p, &n->as.export_named.source));
            n->as.export_named.has_source = true;
        } else {
            /* local names must be identifiers declared in the module */
            NodeList specs = n->as.export_named.specifiers;
            for (uint32_t i = 0; i < specs.len; i++) {
                Node *s = specs.items[i];
                AstName l = s->as.module_spec.imported;
                if ((s->flags & PN_TRAILING_COMMA) || lex_is_reserved_word(l.s, l.len)) {
                    parse_fail(p, s->pos, "Unexpected token '%s'", l.s);
                    return NULL;
                }
                pdecl_push(p, &p->export_locals, l, DECL_VAR, s->pos);
            }
        }
        for (uint32_t i = 0; i < n->as.export_named.specifiers.len; i++)
            n->as.export_named.specifiers.items[i]->flags &= ~(uint32_t)PN_TRAILING_COMMA;
        TRY(parse_semicolon(p));
        return n;
    }
    Node *d;
    if (parse_at(p, TOK_VAR)) {
        d = parse_var_decl(p, VAR_KIND_VAR, false);
        TRY(d);
        TRY(parse_semicolon(p));
    } else if (parse_at(p, TOK_FUNCTION) || parse_at(p, TOK_CLASS) || parse_at(p, TOK_CONST) ||
               at_let_declaration(p) || at_async_function(p)) {
        d = parse_statement_list_item(p);
    } else {
        return parse_unexpected(p, &p->tok), NULL;
    }
    TRY(d);
    TRY(export_bound_names(p, d));
    n->as.export_named.declaration = d;
    return n;
}

/* ModuleItem : ImportDeclaration | ExportDeclaration | StatementListItem */
Node *parse_module_item(Parser *p)
{
    if (parse_at(p, TOK_IMPORT)) {
        Token *nx = parse_peek(p);
        if (nx->kind != TOK_LPAREN && nx->kind != TOK_DOT)
            return parse_import_decl(p);
    } else if (parse_at(p, TOK_EXPORT)) {
        return parse_export_decl(p);
    }
    return parse_statement_list_item(p);
}
