/* ast.c — the AST arena, kind/operator names, and the S-expression dump used by tests. */
#include "tracer/ast.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/numconv.h"

/* ==== The arena ========================================================================= */

#define AST_CHUNK_SIZE (64 * 1024)

struct AstChunk {
    AstChunk *prev;
    size_t size; /* bytes in data */
    alignas(max_align_t) unsigned char data[];
};

void ast_arena_init(AstArena *a)
{
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

void ast_arena_fini(AstArena *a)
{
    AstChunk *c = a->head;
    while (c) {
        AstChunk *prev = c->prev;
        free(c);
        c = prev;
    }
    ast_arena_init(a);
}

void *ast_alloc(AstArena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    if (!a->head || a->head->size - a->used < size) {
        size_t csize = size > AST_CHUNK_SIZE / 4 ? size : AST_CHUNK_SIZE;
        AstChunk *c = xmalloc(sizeof(AstChunk) + csize);
        c->size = csize;
        if (a->head && size > AST_CHUNK_SIZE / 4) {
            /* A big block gets its own chunk behind the head, so the head keeps its room. */
            c->prev = a->head->prev;
            a->head->prev = c;
            a->total += size;
            memset(c->data, 0, size);
            return c->data;
        }
        c->prev = a->head;
        a->head = c;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

Node *ast_node_new(AstArena *a, NodeKind kind, SrcPos pos)
{
    Node *n = ast_alloc(a, sizeof(Node));
    n->kind = kind;
    n->pos = pos;
    return n;
}

AstName ast_name_copy(AstArena *a, const char *s, size_t n)
{
    char *d = ast_alloc(a, n + 1);
    if (n)
        memcpy(d, s, n);
    d[n] = 0;
    return (AstName){d, (uint32_t)n};
}

AstStr16 ast_str16_copy(AstArena *a, const uint16_t *units, size_t n)
{
    if (n == 0)
        return (AstStr16){NULL, 0};
    uint16_t *d = ast_alloc(a, n * sizeof(uint16_t));
    memcpy(d, units, n * sizeof(uint16_t));
    return (AstStr16){d, (uint32_t)n};
}

NodeList ast_list_copy(AstArena *a, Node *const *items, size_t n)
{
    if (n == 0)
        return (NodeList){NULL, 0};
    Node **d = ast_alloc(a, n * sizeof(Node *));
    memcpy(d, items, n * sizeof(Node *));
    return (NodeList){d, (uint32_t)n};
}

/* ==== Names ============================================================================= */

static const char *const kind_names[] = {
#define AST_X_NAME(name, str) str,
    AST_NODE_KINDS(AST_X_NAME)
#undef AST_X_NAME
};

static const char *const op_names[] = {
#define AST_X_OPNAME(name, str) str,
    AST_OPS(AST_X_OPNAME)
#undef AST_X_OPNAME
};

const char *ast_kind_name(NodeKind kind)
{
    return (unsigned)kind < NODE__COUNT ? kind_names[kind] : "?";
}

const char *ast_op_name(AstOp op)
{
    return (unsigned)op < AST_OP__COUNT ? op_names[op] : "?";
}

bool ast_name_eq(AstName name, const char *s)
{
    size_t n = strlen(s);
    return name.s && name.len == n && memcmp(name.s, s, n) == 0;
}

/* ==== Dump ============================================================================== */

typedef struct {
    StrBuf *out;
    bool with_pos;
    int depth;
} Dumper;

static void dump_node(Dumper *d, const Node *n);

static void dump_str16(StrBuf *out, AstStr16 s)
{
    strbuf_putc(out, '"');
    for (uint32_t i = 0; i < s.len; i++) {
        uint16_t c = s.units[i];
        if (c == '"' || c == '\\') {
            strbuf_putc(out, '\\');
            strbuf_putc(out, (char)c);
        } else if (c == '\n') {
            strbuf_puts(out, "\\n");
        } else if (c < 0x20 || c >= 0x7f) {
            strbuf_printf(out, "\\u%04x", c);
        } else {
            strbuf_putc(out, (char)c);
        }
    }
    strbuf_putc(out, '"');
}

static void dump_name(StrBuf *out, AstName s)
{
    if (s.s)
        strbuf_put(out, s.s, s.len);
}

static void dump_open(Dumper *d, const Node *n, const char *extra)
{
    strbuf_putc(d->out, '(');
    strbuf_puts(d->out, ast_kind_name(n->kind));
    if (d->with_pos)
        strbuf_printf(d->out, "@%u:%u", n->pos.line, n->pos.col);
    if (extra && *extra) {
        strbuf_putc(d->out, ' ');
        strbuf_puts(d->out, extra);
    }
}

static void dump_child(Dumper *d, const Node *n)
{
    strbuf_putc(d->out, ' ');
    if (!n)
        strbuf_puts(d->out, "_");
    else
        dump_node(d, n);
}

/* The usual node: its head (kind, position, extra), then its children in order, a NULL
 * one as `_`. DUMP_NODE(extra, child, ...) is that for the node `n` of dump_node. */
static void dump_open_children(Dumper *d, const Node *n, const char *extra, size_t count,
                               const Node *const *kids)
{
    dump_open(d, n, extra);
    for (size_t i = 0; i < count; i++)
        dump_child(d, kids[i]);
}
#define DUMP_NODE(extra, ...)                                                                \
    dump_open_children(d, n, extra, ARRAY_LEN(((const Node *const[]){__VA_ARGS__})),           \
                       (const Node *const[]){__VA_ARGS__})

static void dump_list(Dumper *d, NodeList l)
{
    for (uint32_t i = 0; i < l.len; i++)
        dump_child(d, l.items[i]);
}

/* Statement lists put each statement on its own indented line. */
static void dump_body(Dumper *d, NodeList l)
{
    d->depth++;
    for (uint32_t i = 0; i < l.len; i++) {
        strbuf_putc(d->out, '\n');
        for (int k = 0; k < d->depth; k++)
            strbuf_puts(d->out, "  ");
        if (l.items[i])
            dump_node(d, l.items[i]);
        else
            strbuf_putc(d->out, '_');
    }
    d->depth--;
}

static void dump_func_flags(StrBuf *out, const AstFunction *f)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } bits[] = {
        {FUNC_ARROW, "arrow"},      {FUNC_ASYNC, "async"},   {FUNC_GENERATOR, "generator"},
        {FUNC_STRICT, "strict"},    {FUNC_DECLARATION, "decl"},
        {FUNC_EXPR_BODY, "expr-body"},
    };
    static const char *const kinds[] = {"", "method", "get", "set", "constructor", "field"};
    for (size_t i = 0; i < ARRAY_LEN(bits); i++) {
        if (f->flags & bits[i].bit) {
            strbuf_putc(out, ' ');
            strbuf_puts(out, bits[i].name);
        }
    }
    if (f->method_kind != METHOD_NONE && (unsigned)f->method_kind < ARRAY_LEN(kinds)) {
        strbuf_putc(out, ' ');
        strbuf_puts(out, kinds[f->method_kind]);
    }
}

static void dump_node(Dumper *d, const Node *n)
{
    StrBuf *out = d->out;
    switch (n->kind) {
    case NODE_NUMBER: {
        char buf[NUMCONV_DTOA_SIZE];
        NumberToString(n->as.number.value, buf); /* as JS prints it: 0.1, 1e+21 */
        dump_open(d, n, buf);
        break;
    }
    case NODE_STRING:
        dump_open(d, n, NULL);
        strbuf_putc(out, ' ');
        dump_str16(out, n->as.string.value);
        break;
    case NODE_TEMPLATE: {
        const AstTemplate *t = &n->as.template;
        dump_open(d, n, NULL);
        for (uint32_t i = 0; i < t->nquasis; i++) {
            strbuf_putc(out, ' ');
            if (t->quasis[i].cooked_valid)
                dump_str16(out, t->quasis[i].cooked);
            else
                strbuf_puts(out, "undefined");
            if (i < t->exprs.len)
                dump_child(d, t->exprs.items[i]);
        }
        break;
    }
    case NODE_TAGGED_TEMPLATE:
        DUMP_NODE(NULL, n->as.tagged.tag, n->as.tagged.quasi);
        break;
    case NODE_REGEXP:
        dump_open(d, n, NULL);
        strbuf_puts(out, " /");
        dump_name(out, n->as.regexp.pattern);
        strbuf_putc(out, '/');
        dump_name(out, n->as.regexp.flags);
        break;
    case NODE_IDENT:
    case NODE_PRIVATE_NAME:
        dump_open(d, n, NULL);
        strbuf_putc(out, ' ');
        if (n->kind == NODE_PRIVATE_NAME)
            strbuf_putc(out, '#');
        dump_name(out, n->as.ident.name);
        break;
    case NODE_ARRAY:
    case NODE_ARRAY_PATTERN:
        dump_open(d, n, NULL);
        dump_list(d, n->as.array.elements);
        break;
    case NODE_OBJECT:
    case NODE_OBJECT_PATTERN:
        dump_open(d, n, NULL);
        dump_list(d, n->as.object.properties);
        break;
    case NODE_PROPERTY: {
        static const char *const k[] = {"init", "method", "get", "set"};
        const AstProperty *p = &n->as.property;
        dump_open(d, n, k[p->kind & 3]);
        if (p->computed)
            strbuf_puts(out, " computed");
        if (p->shorthand)
            strbuf_puts(out, " shorthand");
        if (p->is_proto)
            strbuf_puts(out, " proto");
        dump_child(d, p->key);
        dump_child(d, p->value);
        break;
    }
    case NODE_FUNCTION: {
        const AstFunction *f = &n->as.function;
        dump_open(d, n, NULL);
        dump_func_flags(out, f);
        dump_child(d, f->id);
        strbuf_puts(out, " (params");
        dump_list(d, f->params);
        strbuf_putc(out, ')');
        dump_body(d, f->body);
        break;
    }
    case NODE_CLASS: {
        const AstClass *c = &n->as.class_;
        dump_open(d, n, c->is_declaration ? "decl" : NULL);
        dump_child(d, c->id);
        dump_child(d, c->superclass);
        d->depth++;
        if (c->constructor) {
            strbuf_putc(out, '\n');
            for (int k = 0; k < d->depth; k++)
                strbuf_puts(out, "  ");
            dump_node(d, c->constructor);
        }
        d->depth--;
        dump_body(d, c->members);
        break;
    }
    case NODE_CLASS_MEMBER: {
        static const char *const k[] = {"method", "get", "set", "field", "static-block"};
        const AstClassMember *m = &n->as.member;
        dump_open(d, n, (unsigned)m->kind < ARRAY_LEN(k) ? k[m->kind] : "?");
        if (m->is_static)
            strbuf_puts(out, " static");
        if (m->computed)
            strbuf_puts(out, " computed");
        dump_child(d, m->key);
        dump_child(d, m->value);
        break;
    }
    case NODE_UNARY:
    case NODE_UPDATE:
        dump_open(d, n, ast_op_name(n->as.unary.op));
        if (n->kind == NODE_UPDATE)
            strbuf_puts(out, n->as.unary.prefix ? " prefix" : " postfix");
        dump_child(d, n->as.unary.arg);
        break;
    case NODE_BINARY:
    case NODE_LOGICAL:
        DUMP_NODE(ast_op_name(n->as.binary.op), n->as.binary.left, n->as.binary.right);
        break;
    case NODE_ASSIGN: {
        char op[8];
        if (n->as.assign.op == AST_OP_ASSIGN)
            snprintf(op, sizeof op, "=");
        else
            snprintf(op, sizeof op, "%s=", ast_op_name(n->as.assign.op));
        DUMP_NODE(op, n->as.assign.target, n->as.assign.value);
        break;
    }
    case NODE_CONDITIONAL:
        DUMP_NODE(NULL, n->as.conditional.test, n->as.conditional.then, n->as.conditional.else_);
        break;
    case NODE_SEQUENCE:
        dump_open(d, n, NULL);
        dump_list(d, n->as.list.items);
        break;
    case NODE_CALL:
    case NODE_NEW:
        dump_open(d, n, n->as.call.optional ? "?." : NULL);
        dump_child(d, n->as.call.callee);
        dump_list(d, n->as.call.args);
        break;
    case NODE_MEMBER: {
        const AstMemberExpr *m = &n->as.member_expr;
        const char *tag = m->optional ? (m->computed ? "?.[]" : "?.") : (m->computed ? "[]" : ".");
        DUMP_NODE(tag, m->object, m->property);
        break;
    }
    case NODE_OPTIONAL_CHAIN:
        DUMP_NODE(NULL, n->as.chain.expr);
        break;
    case NODE_SPREAD:
    case NODE_REST:
    case NODE_IMPORT_CALL:
        DUMP_NODE(NULL, n->as.spread.arg);
        break;
    case NODE_YIELD:
        dump_open(d, n, n->as.yield.delegate ? "*" : NULL);
        if (n->as.yield.arg)
            dump_child(d, n->as.yield.arg);
        break;
    case NODE_AWAIT:
        DUMP_NODE(NULL, n->as.await.arg);
        break;
    case NODE_META_PROPERTY:
        dump_open(d, n, n->as.meta.kind == META_NEW_TARGET ? "new.target" : "import.meta");
        break;
    case NODE_ASSIGN_PATTERN:
        DUMP_NODE(NULL, n->as.assign_pattern.target, n->as.assign_pattern.value);
        break;
    case NODE_PROGRAM:
        dump_open(d, n, n->as.program.is_module ? "module" : NULL);
        if (n->as.program.strict)
            strbuf_puts(out, " strict");
        dump_body(d, n->as.program.body);
        break;
    case NODE_VAR_DECL: {
        static const char *const k[] = {"var", "let", "const"};
        strbuf_putc(out, '(');
        strbuf_puts(out, k[n->as.var_decl.kind % 3]);
        if (d->with_pos)
            strbuf_printf(out, "@%u:%u", n->pos.line, n->pos.col);
        dump_list(d, n->as.var_decl.decls);
        break;
    }
    case NODE_DECLARATOR:
        dump_open(d, n, NULL);
        dump_child(d, n->as.declarator.target);
        if (n->as.declarator.init)
            dump_child(d, n->as.declarator.init);
        break;
    case NODE_EXPR_STMT:
        DUMP_NODE((n->flags & AST_DIRECTIVE) ? "directive" : NULL, n->as.expr_stmt.expr);
        break;
    case NODE_BLOCK:
        dump_open(d, n, NULL);
        dump_body(d, n->as.block.body);
        break;
    case NODE_IF:
        dump_open(d, n, NULL);
        dump_child(d, n->as.if_.test);
        dump_child(d, n->as.if_.then);
        if (n->as.if_.else_)
            dump_child(d, n->as.if_.else_);
        break;
    case NODE_FOR:
        DUMP_NODE(NULL, n->as.for_.init, n->as.for_.test, n->as.for_.update, n->as.for_.body);
        break;
    case NODE_FOR_IN:
    case NODE_FOR_OF:
        DUMP_NODE(n->as.for_in.is_await ? "await" : NULL, n->as.for_in.left, n->as.for_in.right,
                  n->as.for_in.body);
        break;
    case NODE_WHILE:
    case NODE_DO_WHILE:
        DUMP_NODE(NULL, n->as.while_.test, n->as.while_.body);
        break;
    case NODE_RETURN:
    case NODE_THROW:
        dump_open(d, n, NULL);
        if (n->as.jump.arg)
            dump_child(d, n->as.jump.arg);
        break;
    case NODE_BREAK:
    case NODE_CONTINUE:
        dump_open(d, n, NULL);
        if (n->as.jump.label.len) {
            strbuf_putc(out, ' ');
            dump_name(out, n->as.jump.label);
        }
        break;
    case NODE_TRY:
        DUMP_NODE(NULL, n->as.try_.block, n->as.try_.param, n->as.try_.handler,
                  n->as.try_.finalizer);
        break;
    case NODE_SWITCH:
        dump_open(d, n, NULL);
        dump_child(d, n->as.switch_.discriminant);
        dump_body(d, n->as.switch_.cases);
        break;
    case NODE_CASE:
        dump_open(d, n, n->as.case_.test ? NULL : "default");
        if (n->as.case_.test)
            dump_child(d, n->as.case_.test);
        dump_body(d, n->as.case_.body);
        break;
    case NODE_LABELED:
        dump_open(d, n, NULL);
        strbuf_putc(out, ' ');
        dump_name(out, n->as.labeled.label);
        dump_child(d, n->as.labeled.body);
        break;
    case NODE_WITH:
        DUMP_NODE(NULL, n->as.with.object, n->as.with.body);
        break;
    case NODE_IMPORT_DECL:
        dump_open(d, n, NULL);
        strbuf_putc(out, ' ');
        dump_str16(out, n->as.import_decl.source);
        dump_list(d, n->as.import_decl.specifiers);
        break;
    case NODE_IMPORT_SPEC:
    case NODE_EXPORT_SPEC:
        dump_open(d, n, NULL);
        strbuf_putc(out, ' ');
        dump_name(out, n->as.module_spec.imported);
        strbuf_putc(out, ' ');
        dump_name(out, n->as.module_spec.local);
        break;
    case NODE_EXPORT_NAMED:
        dump_open(d, n, NULL);
        if (n->as.export_named.declaration)
            dump_child(d, n->as.export_named.declaration);
        dump_list(d, n->as.export_named.specifiers);
        if (n->as.export_named.has_source) {
            strbuf_puts(out, " from ");
            dump_str16(out, n->as.export_named.source);
        }
        break;
    case NODE_EXPORT_DEFAULT:
        DUMP_NODE(NULL, n->as.export_default.value);
        break;
    case NODE_EXPORT_ALL:
        dump_open(d, n, NULL);
        if (n->as.export_all.exported.len) {
            strbuf_puts(out, " as ");
            dump_name(out, n->as.export_all.exported);
        }
        strbuf_putc(out, ' ');
        dump_str16(out, n->as.export_all.source);
        break;
    default:
        dump_open(d, n, NULL);
        break;
    }
    strbuf_putc(out, ')');
}

#undef DUMP_NODE

void ast_dump(const Node *n, StrBuf *out, bool with_pos)
{
    Dumper d = {out, with_pos, 0};
    if (!n) {
        strbuf_puts(out, "_");
        return;
    }
    dump_node(&d, n);
}
