/* compiler.c — AST → bytecode (see compiler.h). Sections: emission helpers, names and
 * keys, expressions, patterns (destructuring), statements and control flow (labels,
 * finally, for-of iterator closing), functions and classes, the program.
 *
 * The operand-stack depth is tracked exactly at compile time: each emitted opcode
 * applies its stack effect from opcodes.def, branches save and restore the depth, and
 * the maximum becomes the function's max_stack. The GC is inhibited while compiling
 * (atoms and protos under construction are only referenced from C memory). */
#include "tracer/compiler.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/atom.h"
#include "tracer/compiler_int.h"
#include "tracer/numconv.h"
#include "tracer/object.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* Object-literal / class method flags for DEFINE_METHOD (see opcodes.def). */
enum { DM_METHOD = 0, DM_GETTER = 1, DM_SETTER = 2, DM_NONENUM = 4 };

static void compile_expr(Compiler *c, Node *n);
static void compile_stmt(Compiler *c, Node *n);
static void compile_stmts(Compiler *c, NodeList list);
static FuncProto *compile_function(Compiler *c, Node *fn, Atom name, uint32_t extra_flags);
static void compile_class(Compiler *c, Node *n, Atom name);
static void assign_pattern(Compiler *c, Node *target, int mode);
static void record_name(FuncState *fs, uint16_t slot, Atom name, Atom **names, uint32_t *cap);

/* Binding modes for assign_pattern / store_name */
enum { MODE_ASSIGN = 0, MODE_INIT = 1 };

/* ==== errors ============================================================================ */

static _Noreturn void fail_at(Compiler *c, SrcPos pos, const char *fmt, ...) PRINTF_LIKE(3, 4);
static _Noreturn void fail_at(Compiler *c, SrcPos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->message, sizeof c->err->message, fmt, ap);
    va_end(ap);
    c->err->pos = pos;
    c->err->name = "SyntaxError";
    longjmp(c->fail, 1);
}

/* A module's import of another file (import declarations, export ... from): tickscope
 * runs one file, so the module graph cannot be loaded (#sec-HostLoadImportedModule would
 * fail); the run stops before it starts, at the import, as node stops for a module it
 * cannot find. */
static _Noreturn void fail_import(Compiler *c, SrcPos pos, AstStr16 spec) {
    char name[96];
    size_t k = 0;
    for (uint32_t i = 0; i < spec.len && k + 4 < sizeof name; i++)
        name[k++] = spec.units[i] < 0x80 ? (char)spec.units[i] : '?';
    name[k] = 0;
    snprintf(c->err->message, sizeof c->err->message,
             "Cannot import '%s': tickscope runs a single file (import declarations and "
             "export ... from are not supported)",
             name);
    c->err->pos = pos;
    c->err->name = "Error [ERR_TICKSCOPE_IMPORT]";
    longjmp(c->fail, 1);
}

/* ==== emission ========================================================================== */

static FuncProto *P(Compiler *c) {
    return c->fs->proto;
}

static uint32_t pc_now(Compiler *c) {
    return P(c)->code_len;
}

static void adjust(Compiler *c, int delta) {
    FuncState *fs = c->fs;
    fs->depth += delta;
    if (fs->depth > fs->max_depth)
        fs->max_depth = fs->depth;
    if (NEVER(fs->depth < 0))
        die(EXIT_INTERNAL, "compiler: negative stack depth");
}

static void emit_op(Compiler *c, OpCode op) {
    bc_emit_byte(c->vm, P(c), (uint8_t)op);
    const OpInfo *oi = &op_info[op];
    if (oi->pops >= 0)
        adjust(c, -oi->pops);
    if (oi->pushes >= 0)
        adjust(c, oi->pushes);
}

static void emit_u16(Compiler *c, uint16_t v) {
    bc_emit_u16(c->vm, P(c), v);
}

static void emit_u32(Compiler *c, uint32_t v) {
    bc_emit_u32(c->vm, P(c), v);
}

static void emit_op_u16(Compiler *c, OpCode op, uint16_t v) {
    emit_op(c, op);
    emit_u16(c, v);
}

static void emit_op_u32(Compiler *c, OpCode op, uint32_t v) {
    emit_op(c, op);
    emit_u32(c, v);
}

static void emit_op_atom_u8(Compiler *c, OpCode op, Atom a, uint8_t b) {
    emit_op(c, op);
    emit_u32(c, a);
    bc_emit_byte(c->vm, P(c), b);
}

static void emit_pos(Compiler *c, SrcPos pos) {
    if (pos.line)
        bc_add_pcpos(c->vm, P(c), pc_now(c), pos);
}

static uint32_t add_const(Compiler *c, Value v) {
    return bc_add_const(c->vm, P(c), v);
}

static void emit_const(Compiler *c, Value v) {
    emit_op_u32(c, OP_PUSH_CONST, add_const(c, v));
}

/* Push a new closure of the compiled function fp. */
static void emit_closure(Compiler *c, FuncProto *fp) {
    emit_op_u32(c, OP_CLOSURE, add_const(c, val_obj((Obj *)(void *)fp)));
}

static void emit_number(Compiler *c, double d) {
    if (d == (int32_t)d && !(d == 0 && signbit(d)))
        emit_op_u32(c, OP_PUSH_I32, (uint32_t)(int32_t)d);
    else
        emit_const(c, val_number(d));
}

static void emit_pops(Compiler *c, int n) {
    for (int i = 0; i < n; i++)
        emit_op(c, OP_POP);
}

/* ---- labels ---- */

static void label_init(Label *l) {
    memset(l, 0, sizeof *l);
    l->pc = -1;
}

static void label_fini(Label *l) {
    free(l->sites);
    l->sites = NULL;
}

/* Emits a jump op to l (its depth effect is applied by emit_op). */
static void emit_jump(Compiler *c, OpCode op, Label *l) {
    emit_op(c, op);
    uint32_t site = pc_now(c);
    emit_u32(c, 0);
    if (l->pc >= 0) {
        int32_t off = l->pc - (int32_t)(site + 4);
        bc_write_u32(P(c)->code + site, (uint32_t)off);
        return;
    }
    if (l->nsites == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 4;
        l->sites = xrealloc(l->sites, l->cap * sizeof(uint32_t));
    }
    l->sites[l->nsites++] = site;
}

static void label_place(Compiler *c, Label *l) {
    l->pc = (int32_t)pc_now(c);
    for (uint32_t i = 0; i < l->nsites; i++) {
        uint32_t site = l->sites[i];
        bc_write_u32(P(c)->code + site, (uint32_t)(l->pc - (int32_t)(site + 4)));
    }
    l->nsites = 0;
}

/* ==== names, keys, constants =========================================================== */

static Atom atom_of_name(Compiler *c, AstName n) {
    return atom_intern_n(c->vm, n.s, n.len);
}

static ObjString *str_of16(Compiler *c, AstStr16 s) {
    return str_new_utf16(c->vm, s.units, s.len);
}

/* The property key of a non-computed key node (IDENT, STRING, NUMBER). */
static Atom key_atom(Compiler *c, Node *key) {
    switch (key->kind) {
    case NODE_IDENT:
        return atom_of_name(c, key->as.ident.name);
    case NODE_PRIVATE_NAME: {
        /* "#x": the binding of a private name can never be found by an identifier */
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_putc(&sb, '#');
        strbuf_put(&sb, key->as.ident.name.s, key->as.ident.name.len);
        Atom a = atom_intern_n(c->vm, sb.data, sb.len);
        strbuf_fini(&sb);
        return a;
    }
    case NODE_STRING:
        return atom_from_str(c->vm, str_of16(c, key->as.string.value));
    case NODE_NUMBER: {
        Atom a;
        if (!ToPropertyKey(c->vm, val_number(key->as.number.value), &a))
            fail_at(c, key->pos, "invalid property key");
        return a;
    }
    default:
        fail_at(c, key->pos, "unsupported property key");
    }
}

/* Is n an anonymous function/class definition (NamedEvaluation applies)? */
static bool is_anonymous_fn(Node *n) {
    if (n->flags & AST_PARENTHESIZED && n->kind != NODE_FUNCTION && n->kind != NODE_CLASS)
        return false;
    if (n->kind == NODE_FUNCTION)
        return n->as.function.id == NULL;
    if (n->kind == NODE_CLASS)
        return n->as.class_.id == NULL;
    return false;
}

/* Compiles n, giving it name if it is an anonymous function or class. */
static void compile_named(Compiler *c, Node *n, Atom name) {
    if (n->kind == NODE_FUNCTION && !n->as.function.id) {
        FuncProto *p = compile_function(c, n, name, 0);
        emit_closure(c, p);
        return;
    }
    if (n->kind == NODE_CLASS && !n->as.class_.id) {
        compile_class(c, n, name);
        return;
    }
    compile_expr(c, n);
}

/* V8's inferred name of a function assigned to a.b.c (its FuncNameInferrer): the dotted
 * path, "prototype" left out ("F.m" for F.prototype.m); false for any other target
 * (this.x, computed non-string keys, calls), where V8's frames name the property. */
static bool infer_name(Compiler *c, Node *n, StrBuf *out) {
    if (n->kind == NODE_IDENT) {
        strbuf_put(out, n->as.ident.name.s, n->as.ident.name.len);
        return true;
    }
    if (n->kind != NODE_MEMBER || (n->flags & AST_PARENTHESIZED))
        return false;
    AstMemberExpr *m = &n->as.member_expr;
    if (m->optional || !infer_name(c, m->object, out))
        return false;
    if (!m->computed && m->property->kind == NODE_IDENT) {
        AstName k = m->property->as.ident.name;
        if (!(k.len == 9 && memcmp(k.s, "prototype", 9) == 0)) {
            strbuf_putc(out, '.');
            strbuf_put(out, k.s, k.len);
        }
        return true;
    }
    if (m->computed && m->property->kind == NODE_STRING) {
        strbuf_putc(out, '.');
        str_to_utf8(str_of16(c, m->property->as.string.value), out);
        return true;
    }
    return false;
}

/* How V8 names an expression in "is not a function" messages. */
static void describe(Compiler *c, Node *n, StrBuf *out, int depth) {
    if (depth > 4) {
        strbuf_puts(out, "(intermediate value)");
        return;
    }
    switch (n->kind) {
    case NODE_IDENT:
        strbuf_put(out, n->as.ident.name.s, n->as.ident.name.len);
        return;
    case NODE_THIS:
        strbuf_puts(out, "this");
        return;
    case NODE_SUPER:
        strbuf_puts(out, "super");
        return;
    case NODE_MEMBER: {
        AstMemberExpr *m = &n->as.member_expr;
        describe(c, m->object, out, depth + 1);
        if (!m->computed) {
            strbuf_putc(out, '.');
            if (m->property->kind == NODE_PRIVATE_NAME)
                strbuf_putc(out, '#');
            strbuf_put(out, m->property->as.ident.name.s, m->property->as.ident.name.len);
        } else if (m->property->kind == NODE_NUMBER) {
            char b[NUMCONV_DTOA_SIZE];
            NumberToString(m->property->as.number.value, b);
            strbuf_printf(out, "[%s]", b);
        } else if (m->property->kind == NODE_STRING) {
            /* V8 prints a string key as a property name: o['a b'] is "o.a b" */
            strbuf_putc(out, '.');
            ObjString *s = str_of16(c, m->property->as.string.value);
            str_to_utf8(s, out);
        } else if (m->property->kind == NODE_IDENT) {
            strbuf_putc(out, '[');
            strbuf_put(out, m->property->as.ident.name.s, m->property->as.ident.name.len);
            strbuf_putc(out, ']');
        } else {
            strbuf_puts(out, "[...]");
        }
        return;
    }
    case NODE_CALL:
        describe(c, n->as.call.callee, out, depth + 1);
        strbuf_puts(out, "(...)");
        return;
    case NODE_NUMBER: {
        char b[NUMCONV_DTOA_SIZE];
        NumberToString(n->as.number.value, b);
        strbuf_puts(out, b);
        return;
    }
    case NODE_NULL_LIT:
        strbuf_puts(out, "null");
        return;
    case NODE_TRUE_LIT:
    case NODE_FALSE_LIT:
        strbuf_puts(out, n->kind == NODE_TRUE_LIT ? "true" : "false");
        return;
    case NODE_OBJECT:
        strbuf_puts(out, n->as.object.properties.len ? "(intermediate value)" : "{}");
        return;
    default:
        strbuf_puts(out, "(intermediate value)");
    }
}

static void add_site(Compiler *c, uint32_t pc, Node *n) {
    StrBuf sb;
    strbuf_init(&sb);
    describe(c, n, &sb, 0);
    ObjString *s = str_new_utf8(c->vm, sb.data, sb.len);
    strbuf_fini(&sb);
    bc_add_site(c->vm, P(c), pc, add_const(c, val_str(s)));
}

/* The operand of GetIterator as V8 names it in "X is not iterable": a call or new
 * expression is "f is not a function or its return value"; a property read in a binding
 * initializer is not named at all (V8 then describes the value: "object is not iterable
 * (cannot read property Symbol(Symbol.iterator))"). marker is 0 or a SITE_ITER_ byte. */
static void add_iter_site(Compiler *c, uint32_t pc, Node *n, char marker) {
    StrBuf sb;
    strbuf_init(&sb);
    if (marker)
        strbuf_putc(&sb, marker);
    if ((n->kind == NODE_CALL || n->kind == NODE_NEW) && !(n->flags & AST_PARENTHESIZED)) {
        describe(c, n->as.call.callee, &sb, 0);
        strbuf_puts(&sb, " is not a function or its return value");
    } else {
        describe(c, n, &sb, 0);
    }
    ObjString *s = str_new_utf8(c->vm, sb.data, sb.len);
    strbuf_fini(&sb);
    bc_add_site(c->vm, P(c), pc, add_const(c, val_str(s)));
}

/* Whether V8 names the initializer of an array binding pattern (const [a] = init) in
 * "is not iterable": not a property read, a method call or a compound expression. */
static bool names_binding_init(Node *n) {
    switch (n->kind) {
    case NODE_MEMBER:
    case NODE_SEQUENCE:
    case NODE_BINARY:
    case NODE_LOGICAL:
    case NODE_CONDITIONAL:
        return false;
    case NODE_CALL:
        return n->as.call.callee->kind != NODE_MEMBER;
    default:
        return true;
    }
}

/* ==== variables ========================================================================= */

static void emit_load_ref(Compiler *c, Ref r) {
    bool tdz = r.bind == BIND_LET || r.bind == BIND_CONST || r.bind == BIND_CLASS;
    switch (r.kind) {
    case REF_LOCAL:
        emit_op_u16(c, tdz ? OP_GET_LOC_CHECK : OP_GET_LOC, r.index);
        break;
    case REF_VAR:
        emit_op_u16(c, tdz ? OP_GET_VAR_CHECK : OP_GET_VAR, r.index);
        break;
    case REF_GLOBAL:
        emit_op_u32(c, OP_GET_GLOBAL, r.name);
        break;
    }
}

static void load_name(Compiler *c, Atom name) {
    emit_load_ref(c, scope_resolve(c->fs, name));
}

/* Stores the top of the stack into name, keeping it on the stack. */
static void store_name(Compiler *c, Atom name, int mode) {
    Ref r = scope_resolve(c->fs, name);
    bool tdz = r.bind == BIND_LET || r.bind == BIND_CONST || r.bind == BIND_CLASS;
    if (mode == MODE_ASSIGN && (r.bind == BIND_CONST || (r.bind == BIND_FUNCNAME))) {
        if (r.bind == BIND_FUNCNAME && !c->fs->strict)
            return; /* silently ignored in sloppy code */
        /* TDZ first, then the const error */
        emit_load_ref(c, r);
        emit_op(c, OP_POP);
        emit_op_u32(c, OP_THROW_CONST, name);
        return;
    }
    switch (r.kind) {
    case REF_LOCAL:
        emit_op_u16(c, (tdz && mode == MODE_ASSIGN) ? OP_SET_LOC_CHECK : OP_SET_LOC, r.index);
        break;
    case REF_VAR:
        emit_op_u16(c, (tdz && mode == MODE_ASSIGN) ? OP_SET_VAR_CHECK : OP_SET_VAR, r.index);
        break;
    case REF_GLOBAL:
        emit_op_u32(c, OP_SET_GLOBAL, name);
        break;
    }
}

static void emit_this(Compiler *c) {
    if (c->fs->is_arrow) {
        uint16_t i = scope_capture_special(c->fs, CAPTURE_THIS);
        emit_op_u16(c, OP_GET_VAR_CHECK, i);
    } else {
        emit_op(c, OP_PUSH_THIS);
    }
}

/* ==== expressions ======================================================================= */

/* An optional chain a?.b.c: every guarded link jumps to its own stub, which pops what
 * the link had pushed and joins the "undefined" result. */
typedef struct Chain {
    struct {
        Label *l;
        int depth;
    } stubs[64];
    int n;
    int base;
} Chain;

static void chain_guard(Compiler *c, Chain *ch, SrcPos pos) {
    /* value to test is on top (already duplicated by the caller): jump away if nullish */
    if (!ch)
        fail_at(c, pos, "optional chain outside a chain");
    if (ch->n >= 64)
        fail_at(c, pos, "optional chain too long");
    Label *l = xmalloc(sizeof(Label));
    label_init(l);
    emit_jump(c, OP_JUMP_IF_NULLISH, l);
    ch->stubs[ch->n].l = l;
    ch->stubs[ch->n].depth = c->fs->depth;
    ch->n++;
}

static void compile_member(Compiler *c, Node *n, bool keep_obj);

/* Pushes [fn this] for a call's callee. */
static void compile_callee(Compiler *c, Node *callee) {
    if (callee->kind == NODE_MEMBER) {
        AstMemberExpr *m = &callee->as.member_expr;
        if (m->object->kind == NODE_SUPER) {
            compile_member(c, callee, false);
            emit_this(c);
            return;
        }
        compile_expr(c, m->object);
        if (m->optional) {
            emit_op(c, OP_DUP);
            chain_guard(c, c->chain, callee->pos);
        }
        emit_pos(c, m->prop_pos);
        if (m->property->kind == NODE_PRIVATE_NAME) {
            emit_op(c, OP_DUP);
            load_name(c, key_atom(c, m->property));
            emit_op(c, OP_GET_PRIVATE);
            emit_op(c, OP_SWAP);
        } else if (m->computed) {
            compile_expr(c, m->property);
            emit_op(c, OP_GET_ELEM2);
        } else {
            emit_op_u32(c, OP_GET_FIELD2, key_atom(c, m->property));
        }
        return;
    }
    if (callee->kind == NODE_OPTIONAL_CHAIN || (callee->flags & AST_PARENTHESIZED)) {
        /* (a?.b)() — the chain ends before the call: this is lost only for a chain */
        if (callee->kind == NODE_MEMBER) {
            compile_callee(c, callee);
            return;
        }
    }
    compile_expr(c, callee);
    emit_op(c, OP_PUSH_UNDEFINED);
}

static bool has_spread(NodeList args) {
    for (uint32_t i = 0; i < args.len; i++)
        if (args.items[i]->kind == NODE_SPREAD)
            return true;
    return false;
}

/* Pushes an array of the arguments (spread form). V8 words a failing spread of the last
 * argument by itself ("Spread syntax requires ...") and describes the value of any other
 * (no site text). */
static void compile_args_array(Compiler *c, NodeList args) {
    emit_op_u16(c, OP_NEW_ARRAY, 0);
    uint32_t nspread = 0;
    for (uint32_t i = 0; i < args.len; i++)
        nspread += args.items[i]->kind == NODE_SPREAD;
    for (uint32_t i = 0; i < args.len; i++) {
        Node *a = args.items[i];
        if (a->kind == NODE_SPREAD) {
            compile_expr(c, a->as.spread.arg);
            uint32_t pc = pc_now(c);
            emit_op(c, OP_ARRAY_SPREAD);
            if (nspread == 1 && i + 1 == args.len)
                add_iter_site(c, pc, a->as.spread.arg, SITE_ITER_CALL_SPREAD);
        } else {
            compile_expr(c, a);
            emit_op(c, OP_ARRAY_PUSH);
        }
    }
}

/* An arrow's super(...) and super.x reach the enclosing function's this binding through
 * a capture (#sec-arrow-function-definitions-runtime-semantics-evaluation: arrows have no
 * this of their own); the VM finds it by FuncProto.super_this. */
static void arrow_use_super_this(Compiler *c) {
    if (c->fs->is_arrow && !c->fs->proto->super_this)
        c->fs->proto->super_this = (uint16_t)(scope_capture_special(c->fs, CAPTURE_THIS) + 1);
}

static void compile_call(Compiler *c, Node *n) {
    AstCall *call = &n->as.call;
    if (call->callee->kind == NODE_SUPER && c->fs->is_arrow) {
        /* #sec-super-keyword-runtime-semantics-evaluation: GetSuperConstructor and
         * GetNewTarget of the enclosing constructor, BindThisValue on its environment */
        arrow_use_super_this(c);
        emit_op_u16(c, OP_GET_VAR, scope_capture_special(c->fs, CAPTURE_CALLEE));
        emit_op_u16(c, OP_GET_VAR, scope_capture_special(c->fs, CAPTURE_NEW_TARGET));
        compile_args_array(c, call->args);
        emit_pos(c, n->pos);
        emit_op(c, OP_SUPER_CALL_ARROW);
        return;
    }
    if (call->callee->kind == NODE_SUPER) {
        if (has_spread(call->args)) {
            compile_args_array(c, call->args);
            emit_pos(c, n->pos);
            emit_op(c, OP_SUPER_CALL_APPLY);
        } else {
            for (uint32_t i = 0; i < call->args.len; i++)
                compile_expr(c, call->args.items[i]);
            emit_pos(c, n->pos);
            emit_op_u16(c, OP_SUPER_CALL, (uint16_t)call->args.len);
            adjust(c, -(int)call->args.len);
        }
        return;
    }
    compile_callee(c, call->callee);
    if (call->optional) {
        emit_op(c, OP_OVER);
        chain_guard(c, c->chain, n->pos);
    }
    /* V8's position of a call: the callee's name, the property name of o.f(), else the
     * argument list's '(' (o[k](), (f)(), (0, f)(), f()()) */
    Node *callee = call->callee;
    bool plain = !(callee->flags & AST_PARENTHESIZED);
    SrcPos pos = callee->pos;
    if (plain && callee->kind == NODE_MEMBER && !callee->as.member_expr.computed)
        pos = callee->as.member_expr.prop_pos;
    else if ((!plain || callee->kind != NODE_IDENT) && call->open_pos.line)
        pos = call->open_pos;
    if (has_spread(call->args)) {
        compile_args_array(c, call->args);
        emit_pos(c, pos);
        uint32_t pc = pc_now(c);
        emit_op(c, OP_CALL_APPLY);
        add_site(c, pc, call->callee);
    } else {
        if (call->args.len > 65535)
            fail_at(c, n->pos, "too many arguments");
        for (uint32_t i = 0; i < call->args.len; i++)
            compile_expr(c, call->args.items[i]);
        emit_pos(c, pos);
        uint32_t pc = pc_now(c);
        emit_op_u16(c, OP_CALL, (uint16_t)call->args.len);
        adjust(c, -(int)call->args.len - 2 + 0);
        add_site(c, pc, call->callee);
    }
}

static void compile_new(Compiler *c, Node *n) {
    AstCall *call = &n->as.call;
    compile_expr(c, call->callee);
    if (has_spread(call->args)) {
        compile_args_array(c, call->args);
        emit_pos(c, n->pos);
        uint32_t pc = pc_now(c);
        emit_op(c, OP_NEW_APPLY);
        add_site(c, pc, call->callee);
    } else {
        for (uint32_t i = 0; i < call->args.len; i++)
            compile_expr(c, call->args.items[i]);
        emit_pos(c, n->pos);
        uint32_t pc = pc_now(c);
        emit_op_u16(c, OP_NEW, (uint16_t)call->args.len);
        adjust(c, -(int)call->args.len - 1);
        add_site(c, pc, call->callee);
    }
}

/* obj.x / obj[k] / super.x / obj.#x; pushes the value. */
static void compile_member(Compiler *c, Node *n, bool keep_obj) {
    AstMemberExpr *m = &n->as.member_expr;
    (void)keep_obj;
    if (m->object->kind == NODE_SUPER) {
        arrow_use_super_this(c);
        emit_op(c, OP_GET_HOME);
        emit_pos(c, m->prop_pos);
        if (m->computed) {
            compile_expr(c, m->property);
            emit_op(c, OP_GET_SUPER_ELEM);
        } else {
            emit_op_u32(c, OP_GET_SUPER, key_atom(c, m->property));
        }
        return;
    }
    compile_expr(c, m->object);
    if (m->optional) {
        emit_op(c, OP_DUP);
        chain_guard(c, c->chain, n->pos);
    }
    emit_pos(c, m->prop_pos);
    if (m->property->kind == NODE_PRIVATE_NAME) {
        load_name(c, key_atom(c, m->property));
        emit_op(c, OP_GET_PRIVATE);
    } else if (m->computed) {
        compile_expr(c, m->property);
        emit_pos(c, m->prop_pos);
        emit_op(c, OP_GET_ELEM);
    } else {
        emit_op_u32(c, OP_GET_FIELD, key_atom(c, m->property));
    }
}

static void compile_chain(Compiler *c, Node *n) {
    Chain ch = {.n = 0, .base = c->fs->depth};
    Chain *saved = c->chain;
    c->chain = &ch;
    compile_expr(c, n->as.chain.expr);
    c->chain = saved;
    Label end, undef;
    label_init(&end);
    label_init(&undef);
    emit_jump(c, OP_JUMP, &end);
    for (int i = 0; i < ch.n; i++) {
        c->fs->depth = ch.stubs[i].depth;
        label_place(c, ch.stubs[i].l);
        emit_pops(c, ch.stubs[i].depth - ch.base);
        emit_jump(c, OP_JUMP, &undef);
        label_fini(ch.stubs[i].l);
        free(ch.stubs[i].l);
    }
    c->fs->depth = ch.base;
    label_place(c, &undef);
    emit_op(c, OP_PUSH_UNDEFINED);
    label_place(c, &end);
    label_fini(&end);
    label_fini(&undef);
}

static OpCode binop_code(Compiler *c, AstOp op, SrcPos pos) {
    switch (op) {
    case AST_OP_ADD: return OP_ADD;
    case AST_OP_SUB: return OP_SUB;
    case AST_OP_MUL: return OP_MUL;
    case AST_OP_DIV: return OP_DIV;
    case AST_OP_MOD: return OP_MOD;
    case AST_OP_EXP: return OP_POW;
    case AST_OP_SHL: return OP_SHL;
    case AST_OP_SAR: return OP_SAR;
    case AST_OP_SHR: return OP_SHR;
    case AST_OP_BIT_AND: return OP_BIT_AND;
    case AST_OP_BIT_OR: return OP_BIT_OR;
    case AST_OP_BIT_XOR: return OP_BIT_XOR;
    case AST_OP_EQ: return OP_EQ;
    case AST_OP_NE: return OP_NE;
    case AST_OP_STRICT_EQ: return OP_STRICT_EQ;
    case AST_OP_STRICT_NE: return OP_STRICT_NE;
    case AST_OP_LT: return OP_LT;
    case AST_OP_GT: return OP_GT;
    case AST_OP_LE: return OP_LE;
    case AST_OP_GE: return OP_GE;
    case AST_OP_IN: return OP_IN;
    case AST_OP_INSTANCEOF: return OP_INSTANCEOF;
    default: fail_at(c, pos, "unsupported operator");
    }
}

/* Short-circuit operators: a && b, a || b, a ?? b (value of the left on top). */
static void compile_logical_tail(Compiler *c, AstOp op, Node *right, Atom name_for_fn) {
    Label end;
    label_init(&end);
    emit_op(c, OP_DUP);
    emit_jump(c, op == AST_OP_AND ? OP_JUMP_IF_FALSE
                 : op == AST_OP_OR ? OP_JUMP_IF_TRUE
                                   : OP_JUMP_IF_NOT_NULLISH,
              &end);
    emit_op(c, OP_POP);
    if (name_for_fn != ATOM_NULL)
        compile_named(c, right, name_for_fn);
    else
        compile_expr(c, right);
    label_place(c, &end);
    label_fini(&end);
}

/* Assignment to an identifier or member, plain, compound or logical. */
static void compile_assign(Compiler *c, Node *n) {
    AstAssign *a = &n->as.assign;
    Node *t = a->target;
    bool logical = a->op == AST_OP_AND || a->op == AST_OP_OR || a->op == AST_OP_NULLISH;
    if (t->kind == NODE_ARRAY_PATTERN || t->kind == NODE_OBJECT_PATTERN) {
        compile_expr(c, a->value);
        emit_op(c, OP_DUP);
        assign_pattern(c, t, MODE_ASSIGN);
        return;
    }
    if (t->kind == NODE_IDENT) {
        Atom name = atom_of_name(c, t->as.ident.name);
        if (a->op == AST_OP_ASSIGN) {
            compile_named(c, a->value, name);
        } else if (logical) {
            load_name(c, name);
            Label end;
            label_init(&end);
            emit_op(c, OP_DUP);
            emit_jump(c, a->op == AST_OP_AND ? OP_JUMP_IF_FALSE
                         : a->op == AST_OP_OR ? OP_JUMP_IF_TRUE
                                              : OP_JUMP_IF_NOT_NULLISH,
                      &end);
            emit_op(c, OP_POP);
            compile_named(c, a->value, name);
            store_name(c, name, MODE_ASSIGN);
            label_place(c, &end);
            label_fini(&end);
            return;
        } else {
            load_name(c, name);
            compile_expr(c, a->value);
            emit_pos(c, a->op_pos);
            emit_op(c, binop_code(c, a->op, n->pos));
        }
        emit_pos(c, t->pos);
        store_name(c, name, MODE_ASSIGN);
        return;
    }
    if (t->kind != NODE_MEMBER)
        fail_at(c, t->pos, "Invalid left-hand side in assignment");
    AstMemberExpr *m = &t->as.member_expr;
    if (m->object->kind == NODE_SUPER) {
        arrow_use_super_this(c);
        emit_op(c, OP_GET_HOME);
        if (m->computed)
            compile_expr(c, m->property);
        else
            emit_const(c, atom_to_value(c->vm, key_atom(c, m->property)));
        emit_op(c, OP_TO_PROPKEY);
        if (a->op != AST_OP_ASSIGN) {
            emit_op(c, OP_DUP2);
            emit_op(c, OP_GET_SUPER_ELEM);
            compile_expr(c, a->value);
            emit_op(c, binop_code(c, a->op, n->pos));
        } else {
            compile_expr(c, a->value);
        }
        emit_op(c, OP_SET_SUPER_ELEM);
        return;
    }
    compile_expr(c, m->object);
    bool priv = m->property->kind == NODE_PRIVATE_NAME;
    if (priv) {
        load_name(c, key_atom(c, m->property));
    } else if (m->computed) {
        compile_expr(c, m->property);
        emit_op(c, OP_TO_PROPKEY);
    }
    bool two = priv || m->computed;
    Atom key = two ? ATOM_NULL : key_atom(c, m->property);
    if (a->op == AST_OP_ASSIGN && !priv && a->value->kind == NODE_FUNCTION &&
        !a->value->as.function.id && !(a->value->flags & AST_PARENTHESIZED)) {
        /* o.f = function () {}: .name stays "" (no NamedEvaluation for a member target),
         * but V8's stack frames show the inferred name "o.f" */
        FuncProto *p = compile_function(c, a->value, ATOM_empty_string, 0);
        StrBuf in;
        strbuf_init(&in);
        if (infer_name(c, t, &in) && strchr(in.data, '.'))
            p->inferred_name = atom_intern_n(c->vm, in.data, in.len);
        strbuf_fini(&in);
        emit_closure(c, p);
    } else if (a->op == AST_OP_ASSIGN) {
        compile_expr(c, a->value);
    } else {
        if (two)
            emit_op(c, OP_DUP2);
        else
            emit_op(c, OP_DUP);
        emit_pos(c, m->prop_pos);
        if (priv)
            emit_op(c, OP_GET_PRIVATE);
        else if (m->computed)
            emit_op(c, OP_GET_ELEM);
        else
            emit_op_u32(c, OP_GET_FIELD, key);
        if (logical) {
            /* [obj (key) v] */
            Label shortc, end;
            label_init(&shortc);
            label_init(&end);
            emit_op(c, OP_DUP);
            emit_jump(c, a->op == AST_OP_AND ? OP_JUMP_IF_FALSE
                         : a->op == AST_OP_OR ? OP_JUMP_IF_TRUE
                                              : OP_JUMP_IF_NOT_NULLISH,
                      &shortc);
            emit_op(c, OP_POP);
            compile_expr(c, a->value);
            emit_pos(c, m->prop_pos);
            if (priv)
                emit_op(c, OP_SET_PRIVATE);
            else if (m->computed)
                emit_op(c, OP_SET_ELEM);
            else
                emit_op_u32(c, OP_SET_FIELD, key);
            emit_jump(c, OP_JUMP, &end);
            c->fs->depth += two ? 2 : 1; /* at shortc: [obj (key) v] */
            label_place(c, &shortc);
            emit_op(c, OP_NIP);
            if (two)
                emit_op(c, OP_NIP);
            label_place(c, &end);
            label_fini(&shortc);
            label_fini(&end);
            return;
        }
        compile_expr(c, a->value);
        emit_pos(c, a->op_pos);
        emit_op(c, binop_code(c, a->op, n->pos));
    }
    emit_pos(c, m->prop_pos);
    if (priv)
        emit_op(c, OP_SET_PRIVATE);
    else if (m->computed)
        emit_op(c, OP_SET_ELEM);
    else
        emit_op_u32(c, OP_SET_FIELD, key);
}

static void compile_update(Compiler *c, Node *n) {
    AstUnary *u = &n->as.unary;
    OpCode op = u->op == AST_OP_INC ? OP_INC : OP_DEC;
    Node *t = u->arg;
    if (t->kind == NODE_IDENT) {
        Atom name = atom_of_name(c, t->as.ident.name);
        load_name(c, name);
        if (!u->prefix) {
            emit_op(c, OP_TO_NUMERIC);
            emit_op(c, OP_DUP);
        }
        emit_op(c, op);
        store_name(c, name, MODE_ASSIGN);
        if (!u->prefix)
            emit_op(c, OP_POP);
        return;
    }
    if (t->kind != NODE_MEMBER || t->as.member_expr.object->kind == NODE_SUPER)
        fail_at(c, t->pos, "Invalid left-hand side expression in %s operation",
                u->prefix ? "prefix" : "postfix");
    AstMemberExpr *m = &t->as.member_expr;
    compile_expr(c, m->object);
    bool priv = m->property->kind == NODE_PRIVATE_NAME;
    bool two = priv || m->computed;
    Atom key = ATOM_NULL;
    if (priv) {
        load_name(c, key_atom(c, m->property));
        emit_op(c, OP_DUP2);
        emit_op(c, OP_GET_PRIVATE);
    } else if (m->computed) {
        compile_expr(c, m->property);
        emit_op(c, OP_TO_PROPKEY);
        emit_op(c, OP_DUP2);
        emit_op(c, OP_GET_ELEM);
    } else {
        key = key_atom(c, m->property);
        emit_op(c, OP_DUP);
        emit_pos(c, m->prop_pos);
        emit_op_u32(c, OP_GET_FIELD, key);
    }
    if (!u->prefix) {
        emit_op(c, OP_TO_NUMERIC);
        emit_op(c, OP_DUP);
        emit_op(c, two ? OP_ROT4 : OP_ROT3);
    }
    emit_op(c, op);
    if (priv)
        emit_op(c, OP_SET_PRIVATE);
    else if (m->computed)
        emit_op(c, OP_SET_ELEM);
    else
        emit_op_u32(c, OP_SET_FIELD, key);
    if (!u->prefix)
        emit_op(c, OP_POP);
}

static void compile_unary(Compiler *c, Node *n) {
    AstUnary *u = &n->as.unary;
    switch (u->op) {
    case AST_OP_TYPEOF:
        if (u->arg->kind == NODE_IDENT) {
            Atom name = atom_of_name(c, u->arg->as.ident.name);
            Ref r = scope_resolve(c->fs, name);
            if (r.kind == REF_GLOBAL) {
                emit_op_u32(c, OP_GET_GLOBAL_TYPEOF, name);
                emit_op(c, OP_TYPEOF);
                return;
            }
        }
        compile_expr(c, u->arg);
        emit_op(c, OP_TYPEOF);
        return;
    case AST_OP_VOID:
        compile_expr(c, u->arg);
        emit_op(c, OP_POP);
        emit_op(c, OP_PUSH_UNDEFINED);
        return;
    case AST_OP_DELETE: {
        Node *a = u->arg;
        while (a->kind == NODE_OPTIONAL_CHAIN)
            a = a->as.chain.expr;
        if (a->kind == NODE_MEMBER && a->as.member_expr.object->kind != NODE_SUPER &&
            a->as.member_expr.property->kind != NODE_PRIVATE_NAME) {
            AstMemberExpr *m = &a->as.member_expr;
            compile_expr(c, m->object);
            emit_pos(c, a->pos);
            if (m->computed) {
                compile_expr(c, m->property);
                emit_op(c, OP_DELETE_ELEM);
            } else {
                emit_op_u32(c, OP_DELETE_FIELD, key_atom(c, m->property));
            }
            return;
        }
        if (a->kind == NODE_IDENT) {
            /* #sec-delete-operator-runtime-semantics-evaluation: a declarative binding
             * is not deleted (false); a global one is the global object's property,
             * deleted only when configurable (a declared var or function is not:
             * CreateGlobalVarBinding, CreateGlobalFunctionBinding) */
            Atom name = atom_of_name(c, a->as.ident.name);
            Ref r = scope_resolve(c->fs, name);
            if (r.kind == REF_GLOBAL)
                emit_op_u32(c, OP_DELETE_GLOBAL, name);
            else
                emit_op(c, OP_PUSH_FALSE);
            return;
        }
        compile_expr(c, a);
        emit_op(c, OP_POP);
        emit_op(c, OP_PUSH_TRUE);
        return;
    }
    default:
        break;
    }
    compile_expr(c, u->arg);
    emit_pos(c, n->pos);
    switch (u->op) {
    case AST_OP_NEG: emit_op(c, OP_NEG); break;
    case AST_OP_PLUS: emit_op(c, OP_PLUS); break;
    case AST_OP_NOT: emit_op(c, OP_NOT); break;
    case AST_OP_BIT_NOT: emit_op(c, OP_BIT_NOT); break;
    default: fail_at(c, n->pos, "unsupported unary operator");
    }
}

static void compile_template(Compiler *c, Node *n) {
    AstTemplate *t = &n->as.template;
    emit_const(c, val_str(str_of16(c, t->quasis[0].cooked)));
    for (uint32_t i = 0; i < t->exprs.len; i++) {
        compile_expr(c, t->exprs.items[i]);
        emit_op(c, OP_TO_STRING);
        emit_op(c, OP_ADD);
        if (t->quasis[i + 1].cooked.len) {
            emit_const(c, val_str(str_of16(c, t->quasis[i + 1].cooked)));
            emit_op(c, OP_ADD);
        }
    }
}

static Value make_strings_array(Compiler *c, AstTemplate *t, bool raw) {
    Value *vals = xmalloc((t->nquasis + 1) * sizeof(Value));
    for (uint32_t i = 0; i < t->nquasis; i++) {
        AstTemplateQuasi *q = &t->quasis[i];
        if (!raw && !q->cooked_valid)
            vals[i] = VAL_UNDEFINED;
        else
            vals[i] = val_str(str_of16(c, raw ? q->raw : q->cooked));
    }
    Obj *a = obj_new_array_from(c->vm, t->nquasis, vals);
    free(vals);
    return val_obj(a);
}

static void compile_tagged(Compiler *c, Node *n) {
    AstTagged *tg = &n->as.tagged;
    AstTemplate *t = &tg->quasi->as.template;
    compile_callee(c, tg->tag);
    uint32_t k = add_const(c, make_strings_array(c, t, false));
    add_const(c, make_strings_array(c, t, true));
    emit_op_u32(c, OP_TEMPLATE_OBJECT, k);
    for (uint32_t i = 0; i < t->exprs.len; i++)
        compile_expr(c, t->exprs.items[i]);
    emit_pos(c, n->pos);
    uint32_t pc = pc_now(c);
    emit_op_u16(c, OP_CALL, (uint16_t)(t->exprs.len + 1));
    adjust(c, -(int)(t->exprs.len + 1) - 2);
    add_site(c, pc, tg->tag);
}

static void compile_array(Compiler *c, Node *n) {
    NodeList el = n->as.array.elements;
    bool simple = el.len < 256;
    for (uint32_t i = 0; i < el.len && simple; i++)
        if (!el.items[i] || el.items[i]->kind == NODE_SPREAD)
            simple = false;
    if (simple) {
        for (uint32_t i = 0; i < el.len; i++)
            compile_expr(c, el.items[i]);
        emit_op_u16(c, OP_NEW_ARRAY, (uint16_t)el.len);
        adjust(c, -(int)el.len);
        return;
    }
    emit_op_u16(c, OP_NEW_ARRAY, 0);
    for (uint32_t i = 0; i < el.len; i++) {
        Node *e = el.items[i];
        if (!e) {
            emit_op(c, OP_ARRAY_HOLE);
        } else if (e->kind == NODE_SPREAD) {
            compile_expr(c, e->as.spread.arg);
            uint32_t pc = pc_now(c);
            emit_pos(c, e->pos);
            emit_op(c, OP_ARRAY_SPREAD);
            add_iter_site(c, pc, e->as.spread.arg, 0);
        } else {
            compile_expr(c, e);
            emit_op(c, OP_ARRAY_PUSH);
        }
    }
}

/* A method, getter or setter of an object literal or a class, defined on the object
 * below it on the stack (the object stays): DefineMethod and DefineMethodProperty
 * (#sec-runtime-semantics-definemethod, #sec-definemethodproperty), with fl the DM_*
 * kind and flags. A computed key is evaluated first and named by SetFunctionName at
 * run time; a literal key names the function here. */
static void compile_method_def(Compiler *c, Node *key, bool computed, Node *fn, uint8_t fl) {
    if (computed) {
        compile_expr(c, key);
        emit_op(c, OP_TO_PROPKEY);
        emit_closure(c, compile_function(c, fn, ATOM_empty_string, FP_METHOD));
        emit_op(c, OP_DEFINE_METHOD_ELEM);
        bc_emit_byte(c->vm, P(c), fl);
    } else {
        Atom k = key_atom(c, key);
        emit_closure(c, compile_function(c, fn, k, FP_METHOD));
        emit_op_atom_u8(c, OP_DEFINE_METHOD, k, fl);
    }
}

static void compile_object(Compiler *c, Node *n) {
    emit_op(c, OP_NEW_OBJECT);
    NodeList props = n->as.object.properties;
    for (uint32_t i = 0; i < props.len; i++) {
        Node *pn = props.items[i];
        if (pn->kind == NODE_SPREAD) {
            compile_expr(c, pn->as.spread.arg);
            emit_op(c, OP_COPY_DATA_PROPS);
            continue;
        }
        AstProperty *p = &pn->as.property;
        if (p->is_proto) {
            compile_expr(c, p->value);
            emit_op(c, OP_SET_PROTO);
            continue;
        }
        if (p->kind == PROP_INIT) {
            if (p->computed) {
                compile_expr(c, p->key);
                emit_op(c, OP_TO_PROPKEY);
                compile_expr(c, p->value);
                if (is_anonymous_fn(p->value))
                    emit_op(c, OP_SET_NAME_ELEM);
                emit_op(c, OP_DEFINE_ELEM);
            } else {
                Atom k = key_atom(c, p->key);
                compile_named(c, p->value, k);
                emit_op_u32(c, OP_DEFINE_FIELD, k);
            }
            continue;
        }
        uint8_t fl = p->kind == PROP_GET ? DM_GETTER : p->kind == PROP_SET ? DM_SETTER : DM_METHOD;
        compile_method_def(c, p->key, p->computed, p->value, fl);
    }
}

static bool is_async_generator(Compiler *c) {
    return (P(c)->flags & (FP_ASYNC | FP_GENERATOR)) == (FP_ASYNC | FP_GENERATOR);
}

/* YieldExpression : yield * AssignmentExpression (#sec-generator-function-definitions-
 * runtime-semantics-evaluation); the loop is pictured in opcodes.def (YIELD_STAR_CALL). */
static void compile_yield_star(Compiler *c, Node *n) {
    bool is_async = is_async_generator(c);
    int base = c->fs->depth;
    compile_expr(c, n->as.yield.arg);
    uint32_t gpc = pc_now(c);
    emit_pos(c, n->as.yield.arg->pos);
    emit_op(c, is_async ? OP_GET_ASYNC_ITERATOR : OP_GET_ITERATOR); /* iter next */
    if (is_async) /* (V8 describes the value for a sync yield*: no site text) */
        add_site(c, gpc, n->as.yield.arg);
    emit_op(c, OP_PUSH_UNDEFINED);                          /* received */
    emit_op_u32(c, OP_PUSH_I32, (uint32_t)RESUME_NEXT);     /* its type */
    Label loop, no_method, throw_close, done;
    label_init(&loop);
    label_init(&no_method);
    label_init(&throw_close);
    label_init(&done);
    label_place(c, &loop);
    emit_pos(c, n->pos);
    emit_jump(c, OP_YIELD_STAR_CALL, &no_method);           /* iter next mode result */
    if (is_async)
        emit_op(c, OP_AWAIT);
    emit_jump(c, OP_YIELD_STAR_RESULT, &done);              /* iter next result|value */
    if (is_async) {
        emit_op(c, OP_ASYNC_YIELD);
        emit_op(c, OP_RESUMPTION_AWAIT_RETURN);
    } else {
        emit_op(c, OP_YIELD_DELEGATE);
    }
    emit_jump(c, OP_JUMP, &loop);                           /* iter next received mode */
    /* no throw/return method: iter next received mode */
    label_place(c, &no_method);
    emit_op(c, OP_DUP);
    emit_op_u32(c, OP_PUSH_I32, (uint32_t)RESUME_THROW);
    emit_op(c, OP_STRICT_EQ);
    emit_jump(c, OP_JUMP_IF_TRUE, &throw_close);
    /* 7.c.iii: return without a return method: return received.[[Value]] (async: awaited) */
    emit_op(c, OP_POP);
    if (is_async)
        emit_op(c, OP_AWAIT);
    emit_op(c, OP_RETURN);
    /* 7.b.iii: throw without a throw method: close the iterator, then TypeError */
    c->fs->depth = base + 4;
    label_place(c, &throw_close);
    emit_pos(c, n->pos);
    emit_pops(c, 2);
    if (is_async) {
        Label skip;
        label_init(&skip);
        emit_op(c, OP_PUSH_UNDEFINED);
        emit_op_u32(c, OP_PUSH_I32, COMPLETION_RETURN); /* closeCompletion: not a throw */
        emit_jump(c, OP_ASYNC_CLOSE_CALL, &skip); /* skip: iter next v type */
        emit_op(c, OP_AWAIT_COMPLETION);
        emit_op(c, OP_ASYNC_CLOSE_CHECK);
        label_place(c, &skip);
        label_fini(&skip);
        emit_pops(c, 4);
    } else {
        emit_op(c, OP_ITER_CLOSE);
    }
    emit_op_u32(c, OP_THROW_TYPE,
                add_const(c, val_str(str_new_cstr(c->vm, "The iterator does not provide a "
                                                          "'throw' method."))));
    /* done: the value of the yield* expression */
    c->fs->depth = base + 1;
    label_place(c, &done);
    label_fini(&loop);
    label_fini(&no_method);
    label_fini(&throw_close);
    label_fini(&done);
}

static void compile_expr(Compiler *c, Node *n) {
    switch (n->kind) {
    case NODE_NUMBER:
        emit_number(c, n->as.number.value);
        return;
    case NODE_STRING:
        emit_const(c, val_str(str_of16(c, n->as.string.value)));
        return;
    case NODE_TEMPLATE:
        compile_template(c, n);
        return;
    case NODE_TAGGED_TEMPLATE:
        compile_tagged(c, n);
        return;
    case NODE_REGEXP: {
        /* one constant, [pattern, flags]: an object is never shared by add_const's
         * de-duplication, so the two strings stay together */
        Value pf[2] = {VAL_UNDEFINED, VAL_UNDEFINED};
        gc_root_push(c->vm, &pf[0]);
        gc_root_push(c->vm, &pf[1]);
        pf[0] = val_str(str_new_utf8(c->vm, n->as.regexp.pattern.s, n->as.regexp.pattern.len));
        pf[1] = val_str(str_new_utf8(c->vm, n->as.regexp.flags.s, n->as.regexp.flags.len));
        uint32_t k = add_const(c, val_obj(obj_new_array_from(c->vm, 2, pf)));
        gc_root_pop(c->vm, 2);
        emit_pos(c, n->pos);
        emit_op_u32(c, OP_REGEXP, k);
        return;
    }
    case NODE_NULL_LIT:
        emit_op(c, OP_PUSH_NULL);
        return;
    case NODE_TRUE_LIT:
        emit_op(c, OP_PUSH_TRUE);
        return;
    case NODE_FALSE_LIT:
        emit_op(c, OP_PUSH_FALSE);
        return;
    case NODE_THIS:
        emit_pos(c, n->pos);
        emit_this(c);
        return;
    case NODE_IDENT:
        emit_pos(c, n->pos);
        load_name(c, atom_of_name(c, n->as.ident.name));
        return;
    case NODE_ARRAY:
        compile_array(c, n);
        return;
    case NODE_OBJECT:
        compile_object(c, n);
        return;
    case NODE_FUNCTION: {
        Atom name = n->as.function.id ? atom_of_name(c, n->as.function.id->as.ident.name)
                                      : ATOM_empty_string;
        FuncProto *p = compile_function(c, n, name, 0);
        emit_closure(c, p);
        return;
    }
    case NODE_CLASS:
        compile_class(c, n, ATOM_empty_string);
        return;
    case NODE_UNARY:
        compile_unary(c, n);
        return;
    case NODE_UPDATE:
        emit_pos(c, n->pos);
        compile_update(c, n);
        return;
    case NODE_BINARY: {
        AstBinary *b = &n->as.binary;
        if (b->op == AST_OP_IN && b->left->kind == NODE_PRIVATE_NAME) {
            load_name(c, key_atom(c, b->left));
            compile_expr(c, b->right);
            emit_op(c, OP_HAS_PRIVATE);
            return;
        }
        compile_expr(c, b->left);
        compile_expr(c, b->right);
        emit_pos(c, b->op_pos);
        emit_op(c, binop_code(c, b->op, n->pos));
        return;
    }
    case NODE_LOGICAL:
        compile_expr(c, n->as.binary.left);
        compile_logical_tail(c, n->as.binary.op, n->as.binary.right, ATOM_NULL);
        return;
    case NODE_ASSIGN:
        compile_assign(c, n);
        return;
    case NODE_CONDITIONAL: {
        Label els, end;
        label_init(&els);
        label_init(&end);
        compile_expr(c, n->as.conditional.test);
        emit_jump(c, OP_JUMP_IF_FALSE, &els);
        compile_expr(c, n->as.conditional.then);
        emit_jump(c, OP_JUMP, &end);
        adjust(c, -1);
        label_place(c, &els);
        compile_expr(c, n->as.conditional.else_);
        label_place(c, &end);
        label_fini(&els);
        label_fini(&end);
        return;
    }
    case NODE_SEQUENCE:
        for (uint32_t i = 0; i < n->as.list.items.len; i++) {
            compile_expr(c, n->as.list.items.items[i]);
            if (i + 1 < n->as.list.items.len)
                emit_op(c, OP_POP);
        }
        return;
    case NODE_CALL:
        compile_call(c, n);
        return;
    case NODE_NEW:
        compile_new(c, n);
        return;
    case NODE_MEMBER:
        compile_member(c, n, false);
        return;
    case NODE_OPTIONAL_CHAIN:
        compile_chain(c, n);
        return;
    case NODE_YIELD:
        if (n->as.yield.delegate) {
            compile_yield_star(c, n);
            return;
        }
        if (n->as.yield.arg)
            compile_expr(c, n->as.yield.arg);
        else
            emit_op(c, OP_PUSH_UNDEFINED);
        emit_pos(c, n->pos);
        if (is_async_generator(c)) {
            /* Yield (#sec-yield): 2. If generatorKind is async, return
             * ? AsyncGeneratorYield(? Await(value)). */
            emit_op(c, OP_AWAIT);
            emit_op(c, OP_ASYNC_YIELD);
            emit_op(c, OP_RESUMPTION_AWAIT_RETURN);
            emit_op(c, OP_YIELD_RESUME);
        } else {
            emit_op(c, OP_YIELD);
        }
        return;
    case NODE_AWAIT:
        compile_expr(c, n->as.await.arg);
        emit_pos(c, n->pos);
        emit_op(c, OP_AWAIT);
        return;
    case NODE_META_PROPERTY:
        if (n->as.meta.kind != META_NEW_TARGET)
            fail_at(c, n->pos, "import.meta is not supported yet");
        if (c->fs->is_arrow)
            emit_op_u16(c, OP_GET_VAR, scope_capture_special(c->fs, CAPTURE_NEW_TARGET));
        else
            emit_op(c, OP_PUSH_NEW_TARGET);
        return;
    case NODE_SUPER:
        fail_at(c, n->pos, "'super' keyword unexpected here");
    default:
        fail_at(c, n->pos, "%s is not supported yet", ast_kind_name(n->kind));
    }
}

/* ==== patterns ========================================================================== */

/* The value on top of the stack, or target's Initializer when it is undefined
 * (target is a NODE_ASSIGN_PATTERN); NamedEvaluation for an identifier target. */
static void emit_default(Compiler *c, Node *target) {
    Label skip;
    label_init(&skip);
    emit_op(c, OP_DUP);
    emit_jump(c, OP_JUMP_IF_NOT_UNDEFINED, &skip);
    emit_op(c, OP_POP);
    Node *t = target->as.assign_pattern.target;
    if (t->kind == NODE_IDENT)
        compile_named(c, target->as.assign_pattern.value, atom_of_name(c, t->as.ident.name));
    else
        compile_expr(c, target->as.assign_pattern.value);
    label_place(c, &skip);
    label_fini(&skip);
}

/* A DestructuringAssignmentTarget that is a property reference is evaluated before the
 * value it receives is fetched (ecma262 #sec-runtime-semantics-iteratordestructuring
 * assignmentevaluation and #sec-runtime-semantics-keyeddestructuringassignmentevaluation,
 * step 1: "let lref be ? Evaluation of DestructuringAssignmentTarget"): the object and
 * key go to temporaries of the pattern's block. */
typedef struct {
    bool active;
    uint16_t obj, key;
} PreRef;

static PreRef pre_ref(Compiler *c, Node *t, int mode) {
    PreRef r = {false, 0, 0};
    if (mode != MODE_ASSIGN || t->kind != NODE_MEMBER)
        return r;
    AstMemberExpr *m = &t->as.member_expr;
    if (m->object->kind == NODE_SUPER || m->property->kind == NODE_PRIVATE_NAME)
        return r;
    r.active = true;
    r.obj = scope_temp(c->fs);
    compile_expr(c, m->object);
    emit_op_u16(c, OP_PUT_LOC, r.obj);
    if (m->computed) {
        r.key = scope_temp(c->fs);
        compile_expr(c, m->property);
        emit_op_u16(c, OP_PUT_LOC, r.key);
    }
    return r;
}

/* PutValue(lref, v) for a reference pre_ref evaluated; v is consumed. */
static void store_pre_ref(Compiler *c, Node *t, const PreRef *r) {
    AstMemberExpr *m = &t->as.member_expr;
    emit_op_u16(c, OP_GET_LOC, r->obj);
    emit_op(c, OP_SWAP); /* [obj v] */
    if (m->computed) {
        emit_op_u16(c, OP_GET_LOC, r->key);
        emit_op(c, OP_SWAP); /* [obj key v] */
        emit_op(c, OP_SET_ELEM);
    } else {
        emit_op_u32(c, OP_SET_FIELD, key_atom(c, m->property));
    }
    emit_op(c, OP_POP);
}

/* The target an element or property value assigns to, past its Initializer. */
static Node *element_target(Node *e) {
    return e->kind == NODE_ASSIGN_PATTERN ? e->as.assign_pattern.target : e;
}

/* Binds or assigns the value on top of the stack (consumed) to target. */
static void assign_pattern(Compiler *c, Node *target, int mode) {
    if (target->kind != NODE_OBJECT_PATTERN && target->kind != NODE_ARRAY_PATTERN)
        c->pattern_src = NULL;
    switch (target->kind) {
    case NODE_IDENT:
        store_name(c, atom_of_name(c, target->as.ident.name), mode);
        emit_op(c, OP_POP);
        return;
    case NODE_MEMBER: {
        AstMemberExpr *m = &target->as.member_expr;
        if (m->object->kind == NODE_SUPER || m->property->kind == NODE_PRIVATE_NAME) {
            if (m->property->kind == NODE_PRIVATE_NAME) {
                compile_expr(c, m->object);
                emit_op(c, OP_SWAP);
                load_name(c, key_atom(c, m->property));
                emit_op(c, OP_SWAP);
                emit_op(c, OP_SET_PRIVATE);
                emit_op(c, OP_POP);
                return;
            }
            fail_at(c, target->pos, "super in destructuring is not supported yet");
        }
        compile_expr(c, m->object);
        if (m->computed) {
            /* [v obj key] → [obj key v] */
            compile_expr(c, m->property);
            emit_op(c, OP_ROT3);
            emit_op(c, OP_ROT3);
            emit_op(c, OP_SET_ELEM);
        } else {
            emit_op(c, OP_SWAP);
            emit_op_u32(c, OP_SET_FIELD, key_atom(c, m->property));
        }
        emit_op(c, OP_POP);
        return;
    }
    case NODE_ASSIGN_PATTERN:
        emit_default(c, target);
        assign_pattern(c, target->as.assign_pattern.target, mode);
        return;
    case NODE_OBJECT_PATTERN: {
        NodeList props = target->as.object.properties;
        Atom first = ATOM_NULL;
        if (props.len && props.items[0]->kind == NODE_PROPERTY && !props.items[0]->as.property.computed)
            first = key_atom(c, props.items[0]->as.property.key);
        emit_pos(c, target->pos);
        uint32_t pc = pc_now(c);
        emit_op_u32(c, OP_CHECK_OBJECT_COERCIBLE, first);
        if (c->pattern_src)
            add_site(c, pc, c->pattern_src);
        c->pattern_src = NULL;
        Value *keys = xmalloc((props.len + 1) * sizeof(Value));
        uint16_t *key_temps = xmalloc((props.len + 1) * sizeof(uint16_t));
        uint32_t nkeys = 0, ntemps = 0;
        bool rest = false, has_rest = props.len && props.items[props.len - 1]->kind == NODE_REST;
        ScopeBlock temps;
        scope_enter_block(c->fs, &temps);
        for (uint32_t i = 0; i < props.len; i++) {
            Node *pn = props.items[i];
            if (pn->kind == NODE_REST) {
                /* [src] → [src excluded] → [rest]; excluded holds the static keys and the
                 * computed ones kept in temporaries (CopyDataProperties' excludedNames) */
                PreRef pre = pre_ref(c, pn->as.spread.arg, mode);
                for (uint32_t k = 0; k < nkeys; k++)
                    emit_const(c, keys[k]);
                for (uint32_t k = 0; k < ntemps; k++)
                    emit_op_u16(c, OP_GET_LOC, key_temps[k]);
                emit_op_u16(c, OP_NEW_ARRAY, (uint16_t)(nkeys + ntemps));
                adjust(c, -(int)(nkeys + ntemps));
                emit_op(c, OP_COPY_REST);
                if (pre.active)
                    store_pre_ref(c, pn->as.spread.arg, &pre);
                else
                    assign_pattern(c, pn->as.spread.arg, mode);
                rest = true;
                break;
            }
            AstProperty *p = &pn->as.property;
            emit_op(c, OP_DUP);
            if (p->computed) {
                compile_expr(c, p->key);
                emit_op(c, OP_TO_PROPKEY);
                if (has_rest) {
                    key_temps[ntemps] = scope_temp(c->fs);
                    emit_op(c, OP_DUP);
                    emit_op_u16(c, OP_PUT_LOC, key_temps[ntemps++]);
                }
            } else {
                keys[nkeys++] = atom_to_value(c->vm, key_atom(c, p->key));
            }
            Node *t = element_target(p->value);
            PreRef pre = pre_ref(c, t, mode);
            if (p->computed)
                emit_op(c, OP_GET_ELEM);
            else
                emit_op_u32(c, OP_GET_FIELD, key_atom(c, p->key));
            if (pre.active) {
                if (p->value->kind == NODE_ASSIGN_PATTERN)
                    emit_default(c, p->value);
                store_pre_ref(c, t, &pre);
            } else {
                assign_pattern(c, p->value, mode);
            }
        }
        scope_leave_block(c->fs);
        free(keys);
        free(key_temps);
        if (!rest)
            emit_op(c, OP_POP);
        return;
    }
    case NODE_ARRAY_PATTERN: {
        NodeList el = target->as.array.elements;
        emit_pos(c, target->pos);
        uint32_t pc = pc_now(c);
        emit_op(c, OP_GET_ITERATOR);
        if (c->pattern_src && names_binding_init(c->pattern_src))
            add_iter_site(c, pc, c->pattern_src, 0);
        c->pattern_src = NULL;
        /* [iter next]: an abrupt completion of an element (a throwing target or default,
         * a generator's return while suspended in a yield there) closes the iterator
         * unless it is done (ecma262 #sec-runtime-semantics-bindinginitialization and
         * #sec-runtime-semantics-destructuringassignmentevaluation: IteratorClose when
         * iteratorRecord.[[Done]] is false), through a finally handler */
        int base = c->fs->depth;
        ScopeBlock temps;
        scope_enter_block(c->fs, &temps);
        uint32_t start = pc_now(c);
        for (uint32_t i = 0; i < el.len; i++) {
            Node *e = el.items[i];
            if (!e) {
                emit_op(c, OP_ITER_NEXT_OR_UNDEF);
                emit_op(c, OP_POP);
                continue;
            }
            bool is_rest = e->kind == NODE_REST;
            Node *v = is_rest ? e->as.spread.arg : e;
            Node *t = element_target(v);
            PreRef pre = pre_ref(c, t, mode);
            emit_op(c, is_rest ? OP_ITER_REST : OP_ITER_NEXT_OR_UNDEF);
            if (pre.active) {
                if (v->kind == NODE_ASSIGN_PATTERN)
                    emit_default(c, v);
                store_pre_ref(c, t, &pre);
            } else {
                assign_pattern(c, v, mode);
            }
        }
        uint32_t end = pc_now(c);
        scope_leave_block(c->fs);
        emit_op(c, OP_ITER_CLOSE);
        if (end > start) {
            Label over;
            label_init(&over);
            emit_jump(c, OP_JUMP, &over);
            /* handler: [iter next v type] */
            Handler h = {start, end, pc_now(c), (uint16_t)base, HANDLER_FINALLY};
            bc_add_handler(c->vm, P(c), h);
            c->fs->depth = base + 2;
            emit_op(c, OP_ITER_CLOSE_FINALLY);
            emit_op(c, OP_END_FINALLY);
            c->fs->depth = base - 2;
            label_place(c, &over);
            label_fini(&over);
        }
        return;
    }
    default:
        fail_at(c, target->pos, "Invalid destructuring assignment target");
    }
}

/* ==== statements ======================================================================== */

static void jump_scope_push(Compiler *c, JumpScope *js, JumpScopeKind kind) {
    FuncState *fs = c->fs;
    memset(js, 0, sizeof *js);
    js->kind = kind;
    js->depth = fs->depth;
    js->close_slot = (uint16_t)(fs->proto->nparams + fs->next_slot);
    label_init(&js->brk);
    label_init(&js->cont);
    label_init(&js->handler);
    if (kind == JS_LOOP || kind == JS_LABEL || kind == JS_SWITCH) {
        for (int i = 0; i < fs->npending && i < 8; i++)
            js->labels[js->nlabels++] = fs->pending_labels[i];
        fs->npending = 0;
    }
    js->parent = fs->jumps;
    fs->jumps = js;
}

static void jump_scope_pop(Compiler *c, JumpScope *js) {
    c->fs->jumps = js->parent;
    label_fini(&js->brk);
    label_fini(&js->cont);
}

static bool scope_has_label(JumpScope *js, AstName l) {
    for (int i = 0; i < js->nlabels; i++)
        if (js->labels[i].len == l.len && memcmp(js->labels[i].s, l.s, l.len) == 0)
            return true;
    return false;
}

/* Emits the jump to target's break/continue label from the current depth, without
 * crossing a finally block (pops, closes captured block variables). */
static void emit_direct_jump(Compiler *c, JumpScope *target, bool is_continue) {
    int depth = c->fs->depth;
    emit_pops(c, depth - target->depth);
    if (c->fs->proto->nparams + c->fs->next_slot > target->close_slot)
        emit_op_u16(c, OP_CLOSE_LOC, target->close_slot);
    emit_jump(c, OP_JUMP, is_continue ? &target->cont : &target->brk);
    c->fs->depth = depth;
}

/* Enters finally scope f with a GOTO completion whose continuation is a stub emitted
 * after f's END_FINALLY (emit_region_stubs). */
static void emit_goto_through(Compiler *c, JumpScope *f, JumpScope *target, bool cont) {
    int depth = c->fs->depth;
    emit_pops(c, depth - f->depth);
    emit_op(c, OP_PUSH_I32);
    uint32_t site = pc_now(c);
    emit_u32(c, 0);
    emit_op_u32(c, OP_PUSH_I32, COMPLETION_GOTO);
    emit_jump(c, OP_JUMP, &f->handler);
    c->fs->depth = depth;
    if (f->nstubs == f->stubs_cap) {
        f->stubs_cap = f->stubs_cap ? f->stubs_cap * 2 : 4;
        f->stubs = xrealloc(f->stubs, f->stubs_cap * sizeof(Stub));
    }
    f->stubs[f->nstubs].patch_site = site;
    f->stubs[f->nstubs].target = target;
    f->stubs[f->nstubs].is_continue = cont;
    f->nstubs++;
}

/* The innermost finally scope crossed when jumping from below `from` to target. */
static JumpScope *crossed_finally(JumpScope *from, JumpScope *target, bool is_continue) {
    for (JumpScope *js = from; js && js != target; js = js->parent)
        if (js->kind == JS_FINALLY && !(is_continue && js->owner_loop == target))
            return js;
    return NULL;
}

static void compile_break_continue(Compiler *c, Node *n, bool is_continue) {
    AstName label = n->as.jump.label;
    JumpScope *target = NULL;
    for (JumpScope *js = c->fs->jumps; js; js = js->parent) {
        if (js->kind == JS_FINALLY)
            continue;
        if (label.len) {
            if (scope_has_label(js, label) && (!is_continue || js->kind == JS_LOOP)) {
                target = js;
                break;
            }
        } else if (js->kind == JS_LOOP || (!is_continue && js->kind == JS_SWITCH)) {
            target = js;
            break;
        }
    }
    if (!target)
        fail_at(c, n->pos, "Illegal %s statement", is_continue ? "continue" : "break");
    JumpScope *f = crossed_finally(c->fs->jumps, target, is_continue);
    if (f)
        emit_goto_through(c, f, target, is_continue);
    else
        emit_direct_jump(c, target, is_continue);
}

/* After f's END_FINALLY: the stubs of the GOTO completions that went through f. */
static void emit_region_stubs(Compiler *c, JumpScope *f) {
    if (!f->nstubs)
        return;
    Label over;
    label_init(&over);
    int depth = c->fs->depth;
    emit_jump(c, OP_JUMP, &over);
    for (uint32_t i = 0; i < f->nstubs; i++) {
        Stub s = f->stubs[i];
        bc_write_u32(P(c)->code + s.patch_site, pc_now(c));
        c->fs->depth = f->depth;
        JumpScope *next = crossed_finally(f->parent, s.target, s.is_continue);
        if (next)
            emit_goto_through(c, next, s.target, s.is_continue);
        else
            emit_direct_jump(c, s.target, s.is_continue);
    }
    c->fs->depth = depth;
    label_place(c, &over);
    label_fini(&over);
    free(f->stubs);
    f->stubs = NULL;
    f->nstubs = 0;
}

/* Block entry: declares let/const/class (TDZ) and hoists function declarations. */
static void declare_lexical(Compiler *c, AstDeclList decls) {
    for (uint32_t i = 0; i < decls.len; i++) {
        AstDecl *d = &decls.items[i];
        BindKind k = d->kind == DECL_CONST ? BIND_CONST
                     : d->kind == DECL_CLASS ? BIND_CLASS
                     : d->kind == DECL_FUNCTION ? BIND_VAR
                                                : BIND_LET;
        Binding *b = scope_bind(c->fs, atom_of_name(c, d->name), k);
        if (k != BIND_VAR)
            emit_op_u16(c, OP_CLEAR_LOC, b->slot);
    }
}

static void hoist_functions(Compiler *c, NodeList body) {
    for (uint32_t i = 0; i < body.len; i++) {
        Node *s = body.items[i];
        while (s->kind == NODE_LABELED) /* l: function f() {} (Annex B.3.2) */
            s = s->as.labeled.body;
        /* a module's `export function f() {}` / `export default function f() {}` */
        if (s->kind == NODE_EXPORT_NAMED && s->as.export_named.declaration)
            s = s->as.export_named.declaration;
        else if (s->kind == NODE_EXPORT_DEFAULT)
            s = s->as.export_default.value;
        if (s->kind == NODE_FUNCTION && (s->as.function.flags & FUNC_DECLARATION) &&
            s->as.function.id) {
            Atom name = atom_of_name(c, s->as.function.id->as.ident.name);
            FuncProto *p = compile_function(c, s, name, 0);
            emit_closure(c, p);
            Ref r = scope_resolve(c->fs, name);
            if (r.kind == REF_GLOBAL) {
                emit_op_atom_u8(c, OP_DEFINE_GLOBAL, name, 1);
            } else {
                store_name(c, name, MODE_INIT);
                emit_op(c, OP_POP);
            }
        }
    }
}

/* Annex B.3.3 (#sec-web-compat-functiondeclarationinstantiation): each block function
 * name of the body also gets a var binding (undefined until the declaration is
 * evaluated) unless one exists; in a global script it is a property of the global
 * object. */
static void declare_annexb(Compiler *c, AstDeclList names, bool global) {
    FuncState *fs = c->fs;
    if (!names.len)
        return;
    fs->annexb_names = xcalloc(names.len, sizeof(Atom));
    fs->annexb_slots = xcalloc(names.len, sizeof(int32_t));
    for (uint32_t i = 0; i < names.len; i++) {
        Atom a = atom_of_name(c, names.items[i].name);
        int32_t slot = -1;
        if (global) {
            emit_op(c, OP_PUSH_UNDEFINED);
            emit_op_atom_u8(c, OP_DEFINE_GLOBAL, a, 0); /* only when absent */
        } else {
            Ref r = scope_resolve(fs, a);
            if (r.kind == REF_LOCAL) {
                slot = r.index;
            } else {
                Binding *b = scope_bind(fs, a, BIND_VAR);
                record_name(fs, b->slot, a, &fs->names, &fs->names_cap);
                slot = b->slot;
            }
        }
        fs->annexb_names[fs->nannexb] = a;
        fs->annexb_slots[fs->nannexb++] = slot;
    }
}

/* Annex B.3.3 step "when the FunctionDeclaration f is evaluated": the block's binding is
 * copied to the var binding. */
static void emit_annexb_copy(Compiler *c, Node *fn) {
    FuncState *fs = c->fs;
    Atom a = atom_of_name(c, fn->as.function.id->as.ident.name);
    for (uint32_t i = 0; i < fs->nannexb; i++) {
        if (fs->annexb_names[i] != a)
            continue;
        load_name(c, a); /* the block-scoped function */
        if (fs->annexb_slots[i] < 0) {
            emit_op_u32(c, OP_SET_GLOBAL, a);
            emit_op(c, OP_POP);
        } else {
            emit_op_u16(c, OP_PUT_LOC, (uint16_t)fs->annexb_slots[i]);
        }
        return;
    }
}

static void block_exit(Compiler *c) {
    uint16_t first = (uint16_t)(c->fs->proto->nparams + c->fs->block->first_slot);
    if (scope_leave_block(c->fs))
        emit_op_u16(c, OP_CLOSE_LOC, first);
}

static void compile_block(Compiler *c, Node *n) {
    ScopeBlock b;
    scope_enter_block(c->fs, &b);
    declare_lexical(c, n->as.block.lex_decls);
    hoist_functions(c, n->as.block.body);
    compile_stmts(c, n->as.block.body);
    block_exit(c);
}

static void compile_var_decl(Compiler *c, Node *n) {
    AstVarDecl *v = &n->as.var_decl;
    for (uint32_t i = 0; i < v->decls.len; i++) {
        AstDeclarator *d = &v->decls.items[i]->as.declarator;
        if (!d->init) {
            if (v->kind == VAR_KIND_VAR)
                continue;
            emit_op(c, OP_PUSH_UNDEFINED);
        } else if (d->target->kind == NODE_IDENT) {
            compile_named(c, d->init, atom_of_name(c, d->target->as.ident.name));
        } else {
            compile_expr(c, d->init);
        }
        emit_pos(c, d->target->pos);
        c->pattern_src = d->init;
        assign_pattern(c, d->target, v->kind == VAR_KIND_VAR ? MODE_ASSIGN : MODE_INIT);
    }
}

/* The target of a for-in/of head gets the value on top of the stack. */
static void bind_for_left(Compiler *c, Node *left) {
    if (left->kind == NODE_VAR_DECL) {
        AstVarDecl *v = &left->as.var_decl;
        Node *t = v->decls.items[0]->as.declarator.target;
        assign_pattern(c, t, v->kind == VAR_KIND_VAR ? MODE_ASSIGN : MODE_INIT);
    } else {
        assign_pattern(c, left, MODE_ASSIGN);
    }
}

static void compile_for(Compiler *c, Node *n) {
    AstFor *f = &n->as.for_;
    ScopeBlock b;
    scope_enter_block(c->fs, &b);
    declare_lexical(c, f->lex_decls);
    uint16_t first = (uint16_t)(c->fs->proto->nparams + b.first_slot);
    bool per_iteration = f->lex_decls.len > 0;
    if (f->init) {
        if (f->init->kind == NODE_VAR_DECL) {
            compile_var_decl(c, f->init);
        } else {
            compile_expr(c, f->init);
            emit_op(c, OP_POP);
        }
    }
    JumpScope js;
    jump_scope_push(c, &js, JS_LOOP);
    Label top;
    label_init(&top);
    label_place(c, &top);
    if (f->test) {
        compile_expr(c, f->test);
        emit_jump(c, OP_JUMP_IF_FALSE, &js.brk);
    }
    compile_stmt(c, f->body);
    label_place(c, &js.cont);
    if (per_iteration)
        emit_op_u16(c, OP_CLOSE_LOC, first); /* CreatePerIterationEnvironment */
    if (f->update) {
        compile_expr(c, f->update);
        emit_op(c, OP_POP);
    }
    emit_jump(c, OP_JUMP, &top);
    label_place(c, &js.brk);
    jump_scope_pop(c, &js);
    label_fini(&top);
    block_exit(c);
}

static void compile_for_in(Compiler *c, Node *n) {
    AstForIn *f = &n->as.for_in;
    ScopeBlock b;
    scope_enter_block(c->fs, &b);
    declare_lexical(c, f->lex_decls);
    uint16_t first = (uint16_t)(c->fs->proto->nparams + b.first_slot);
    compile_expr(c, f->right);
    emit_op(c, OP_FOR_IN_START);
    JumpScope js;
    jump_scope_push(c, &js, JS_LOOP);
    js.depth = c->fs->depth; /* [it] */
    label_place(c, &js.cont);
    if (f->lex_decls.len)
        emit_op_u16(c, OP_CLOSE_LOC, first);
    emit_jump(c, OP_FOR_IN_NEXT, &js.brk);
    adjust(c, -1); /* FOR_IN_NEXT: [it key] when continuing, [it] at brk */
    adjust(c, 1);
    bind_for_left(c, f->left);
    compile_stmt(c, f->body);
    emit_jump(c, OP_JUMP, &js.cont);
    c->fs->depth = js.depth;
    label_place(c, &js.brk);
    emit_op(c, OP_POP);
    jump_scope_pop(c, &js);
    block_exit(c);
}

/* for (x of it): the body is a finally region whose handler closes the iterator on any
 * abrupt exit (break, return, throw; #sec-runtime-semantics-forin-div-ofbodyevaluation-
 * lhs-stmt-iterator-lhskind-labelset step 6.k / IteratorClose). */
static void compile_for_of(Compiler *c, Node *n) {
    AstForIn *f = &n->as.for_in;
    bool is_await = f->is_await; /* for await: iteratorKind async, AsyncIteratorClose */
    ScopeBlock b;
    scope_enter_block(c->fs, &b);
    declare_lexical(c, f->lex_decls);
    uint16_t first = (uint16_t)(c->fs->proto->nparams + b.first_slot);
    compile_expr(c, f->right);
    /* ForIn/OfHeadEvaluation (#sec-runtime-semantics-forinofheadevaluation) evaluates the
     * expression in an environment of its own where the loop's bindings are uninitialized:
     * closures made there keep seeing them so (not the first iteration's) */
    if (f->lex_decls.len)
        emit_op_u16(c, OP_CLOSE_LOC, first);
    uint32_t gpc = pc_now(c);
    emit_pos(c, f->right->pos);
    emit_op(c, is_await ? OP_GET_ASYNC_ITERATOR : OP_GET_ITERATOR);
    add_iter_site(c, gpc, f->right, 0);
    int base = c->fs->depth; /* [iter next] */
    JumpScope loop;
    jump_scope_push(c, &loop, JS_LOOP);
    Label top, done;
    label_init(&top);
    label_init(&done);
    label_place(c, &top);
    if (is_await) {
        /* #sec-runtime-semantics-forin-div-ofbodyevaluation-lhs-stmt-iterator-lhskind-
         * labelset 6.a-e: Call(next), Await, IteratorComplete, IteratorValue */
        emit_pos(c, f->right->pos);
        emit_op(c, OP_ITER_CALL_NEXT);
        emit_op(c, OP_AWAIT);
        emit_jump(c, OP_ITER_RESULT, &done);
    } else {
        emit_jump(c, OP_FOR_OF_NEXT, &done); /* [iter next value]; at done: [iter next] */
    }
    /* region */
    JumpScope fin;
    jump_scope_push(c, &fin, JS_FINALLY);
    fin.depth = base;
    fin.owner_loop = &loop;
    uint32_t start = pc_now(c);
    bind_for_left(c, f->left);
    compile_stmt(c, f->body);
    label_place(c, &loop.cont);
    if (f->lex_decls.len)
        emit_op_u16(c, OP_CLOSE_LOC, first);
    emit_jump(c, OP_JUMP, &top);
    uint32_t end = pc_now(c);
    jump_scope_pop(c, &fin);
    Handler h = {start, end, 0, (uint16_t)(base - 0), HANDLER_FINALLY};
    /* handler: [iter next v type] */
    c->fs->depth = base + 2;
    label_place(c, &fin.handler);
    h.target = (uint32_t)fin.handler.pc;
    h.depth = (uint16_t)base;
    bc_add_handler(c->vm, P(c), h);
    if (is_await) {
        Label skip;
        label_init(&skip);
        emit_jump(c, OP_ASYNC_CLOSE_CALL, &skip); /* skip: [iter next v type] */
        emit_op(c, OP_AWAIT_COMPLETION);
        emit_op(c, OP_ASYNC_CLOSE_CHECK);
        label_place(c, &skip);
        label_fini(&skip);
    } else {
        emit_op(c, OP_ITER_CLOSE_FINALLY);
    }
    emit_op(c, OP_END_FINALLY);
    emit_region_stubs(c, &fin);
    label_fini(&fin.handler);
    c->fs->depth = base;
    label_place(c, &done);
    label_place(c, &loop.brk);
    emit_pops(c, 2);
    jump_scope_pop(c, &loop);
    label_fini(&top);
    label_fini(&done);
    block_exit(c);
}

static void compile_while(Compiler *c, Node *n, bool do_while) {
    JumpScope js;
    jump_scope_push(c, &js, JS_LOOP);
    Label top;
    label_init(&top);
    label_place(c, &top);
    if (!do_while) {
        label_place(c, &js.cont);
        compile_expr(c, n->as.while_.test);
        emit_jump(c, OP_JUMP_IF_FALSE, &js.brk);
        compile_stmt(c, n->as.while_.body);
        emit_jump(c, OP_JUMP, &top);
    } else {
        compile_stmt(c, n->as.while_.body);
        label_place(c, &js.cont);
        compile_expr(c, n->as.while_.test);
        emit_jump(c, OP_JUMP_IF_TRUE, &top);
    }
    label_place(c, &js.brk);
    jump_scope_pop(c, &js);
    label_fini(&top);
}

static void compile_try(Compiler *c, Node *n) {
    AstTry *t = &n->as.try_;
    int base = c->fs->depth;
    JumpScope fin;
    bool has_finally = t->finalizer != NULL;
    if (has_finally) {
        jump_scope_push(c, &fin, JS_FINALLY);
        fin.depth = base;
    }
    Label after;
    label_init(&after);
    uint32_t start = pc_now(c);
    compile_block(c, t->block);
    uint32_t try_end = pc_now(c);
    if (has_finally) {
        emit_op(c, OP_PUSH_UNDEFINED);
        emit_op_u32(c, OP_PUSH_I32, COMPLETION_NORMAL);
        emit_jump(c, OP_JUMP, &fin.handler);
        c->fs->depth = base;
    } else {
        emit_jump(c, OP_JUMP, &after);
    }
    if (t->handler) {
        Handler h = {start, try_end, pc_now(c), (uint16_t)base, HANDLER_CATCH};
        bc_add_handler(c->vm, P(c), h);
        c->fs->depth = base + 1; /* [exception] */
        ScopeBlock b;
        scope_enter_block(c->fs, &b);
        if (t->param) {
            declare_lexical(c, t->catch_decls);
            assign_pattern(c, t->param, MODE_INIT);
        } else {
            emit_op(c, OP_POP);
        }
        compile_block(c, t->handler);
        block_exit(c);
        if (has_finally) {
            emit_op(c, OP_PUSH_UNDEFINED);
            emit_op_u32(c, OP_PUSH_I32, COMPLETION_NORMAL);
            emit_jump(c, OP_JUMP, &fin.handler);
            c->fs->depth = base;
        } else {
            emit_jump(c, OP_JUMP, &after);
        }
    }
    if (has_finally) {
        uint32_t region_end = pc_now(c);
        jump_scope_pop(c, &fin);
        c->fs->depth = base + 2;
        label_place(c, &fin.handler);
        Handler h = {start, region_end, (uint32_t)fin.handler.pc, (uint16_t)base, HANDLER_FINALLY};
        bc_add_handler(c->vm, P(c), h);
        compile_block(c, t->finalizer);
        emit_op(c, OP_END_FINALLY);
        emit_region_stubs(c, &fin);
        label_fini(&fin.handler);
    }
    c->fs->depth = base;
    label_place(c, &after);
    label_fini(&after);
}

static void compile_switch(Compiler *c, Node *n) {
    AstSwitch *s = &n->as.switch_;
    ScopeBlock b;
    scope_enter_block(c->fs, &b);
    uint16_t disc = scope_temp(c->fs);
    compile_expr(c, s->discriminant);
    emit_op_u16(c, OP_PUT_LOC, disc);
    declare_lexical(c, s->lex_decls);
    JumpScope js;
    jump_scope_push(c, &js, JS_SWITCH);
    Label *bodies = xcalloc(s->cases.len + 1, sizeof(Label));
    int def = -1;
    for (uint32_t i = 0; i < s->cases.len; i++) {
        label_init(&bodies[i]);
        AstCase *cs = &s->cases.items[i]->as.case_;
        if (!cs->test) {
            def = (int)i;
            continue;
        }
        emit_op_u16(c, OP_GET_LOC, disc);
        compile_expr(c, cs->test);
        emit_op(c, OP_STRICT_EQ);
        emit_jump(c, OP_JUMP_IF_TRUE, &bodies[i]);
    }
    emit_jump(c, OP_JUMP, def >= 0 ? &bodies[def] : &js.brk);
    for (uint32_t i = 0; i < s->cases.len; i++) {
        AstCase *cs = &s->cases.items[i]->as.case_;
        label_place(c, &bodies[i]);
        if (i == 0)
            hoist_functions(c, cs->body);
        compile_stmts(c, cs->body);
    }
    for (uint32_t i = 1; i < s->cases.len; i++)
        hoist_functions(c, s->cases.items[i]->as.case_.body); /* (unreachable copy: rare) */
    label_place(c, &js.brk);
    jump_scope_pop(c, &js);
    for (uint32_t i = 0; i < s->cases.len; i++)
        label_fini(&bodies[i]);
    free(bodies);
    block_exit(c);
}

static bool is_loop(Node *n) {
    return n->kind == NODE_FOR || n->kind == NODE_FOR_IN || n->kind == NODE_FOR_OF ||
           n->kind == NODE_WHILE || n->kind == NODE_DO_WHILE;
}

static void compile_stmt(Compiler *c, Node *n) {
    FuncState *fs = c->fs;
    if (n->kind != NODE_LABELED && !is_loop(n))
        fs->npending = 0;
    switch (n->kind) {
    case NODE_VAR_DECL:
        compile_var_decl(c, n);
        return;
    case NODE_EXPR_STMT:
        emit_pos(c, n->pos);
        compile_expr(c, n->as.expr_stmt.expr);
        emit_op(c, OP_POP);
        return;
    case NODE_BLOCK:
        compile_block(c, n);
        return;
    case NODE_EMPTY:
    case NODE_DEBUGGER:
        return;
    case NODE_IF: {
        Label els, end;
        label_init(&els);
        label_init(&end);
        compile_expr(c, n->as.if_.test);
        emit_jump(c, OP_JUMP_IF_FALSE, &els);
        compile_stmt(c, n->as.if_.then);
        if (n->as.if_.else_) {
            emit_jump(c, OP_JUMP, &end);
            label_place(c, &els);
            compile_stmt(c, n->as.if_.else_);
        } else {
            label_place(c, &els);
        }
        label_place(c, &end);
        label_fini(&els);
        label_fini(&end);
        return;
    }
    case NODE_FOR:
        compile_for(c, n);
        return;
    case NODE_FOR_IN:
        compile_for_in(c, n);
        return;
    case NODE_FOR_OF:
        compile_for_of(c, n);
        return;
    case NODE_WHILE:
        compile_while(c, n, false);
        return;
    case NODE_DO_WHILE:
        compile_while(c, n, true);
        return;
    case NODE_RETURN:
        if (n->as.jump.arg) {
            compile_expr(c, n->as.jump.arg);
            emit_pos(c, n->pos);
            /* #sec-return-statement-runtime-semantics-evaluation 3. If GetGeneratorKind()
             * is async, set exprValue to ? Await(exprValue). */
            if (is_async_generator(c))
                emit_op(c, OP_AWAIT);
            emit_op(c, OP_RETURN);
        } else {
            emit_pos(c, n->pos);
            emit_op(c, OP_RETURN_UNDEF);
        }
        return;
    case NODE_THROW:
        compile_expr(c, n->as.jump.arg);
        emit_pos(c, n->pos);
        emit_op(c, OP_THROW);
        return;
    case NODE_BREAK:
        compile_break_continue(c, n, false);
        return;
    case NODE_CONTINUE:
        compile_break_continue(c, n, true);
        return;
    case NODE_TRY:
        compile_try(c, n);
        return;
    case NODE_SWITCH:
        compile_switch(c, n);
        return;
    case NODE_LABELED: {
        if (fs->npending < 8)
            fs->pending_labels[fs->npending++] = n->as.labeled.label;
        Node *body = n->as.labeled.body;
        if (is_loop(body) || body->kind == NODE_LABELED) {
            compile_stmt(c, body);
            return;
        }
        JumpScope js;
        jump_scope_push(c, &js, JS_LABEL);
        compile_stmt(c, body);
        label_place(c, &js.brk);
        jump_scope_pop(c, &js);
        return;
    }
    case NODE_FUNCTION:
        if (n->as.function.flags & FUNC_ANNEXB_HOISTED)
            emit_annexb_copy(c, n);
        return; /* hoisted at scope entry */
    case NODE_CLASS: {
        Atom name = atom_of_name(c, n->as.class_.id->as.ident.name);
        compile_class(c, n, name);
        store_name(c, name, MODE_INIT);
        emit_op(c, OP_POP);
        return;
    }
    /* The items of a module (#sec-module-semantics). One file runs, so nothing ever
     * reads an export: an export evaluates its declaration or expression only. */
    case NODE_IMPORT_DECL:
        fail_import(c, n->pos, n->as.import_decl.source);
    case NODE_EXPORT_ALL:
        fail_import(c, n->pos, n->as.export_all.source);
    case NODE_EXPORT_NAMED:
        if (n->as.export_named.has_source)
            fail_import(c, n->pos, n->as.export_named.source);
        if (n->as.export_named.declaration)
            compile_stmt(c, n->as.export_named.declaration);
        return;
    case NODE_EXPORT_DEFAULT: {
        Node *v = n->as.export_default.value;
        if (v->kind == NODE_FUNCTION && (v->as.function.flags & FUNC_DECLARATION))
            return; /* hoisted (an anonymous one binds only *default*, never read) */
        if (v->kind == NODE_CLASS && v->as.class_.is_declaration && v->as.class_.id) {
            compile_stmt(c, v);
            return;
        }
        emit_pos(c, v->pos);
        compile_expr(c, v);
        emit_op(c, OP_POP);
        return;
    }
    case NODE_WITH:
        fail_at(c, n->pos, "with statements are not supported");
    default:
        fail_at(c, n->pos, "%s statements are not supported yet", ast_kind_name(n->kind));
    }
}

static void compile_stmts(Compiler *c, NodeList list) {
    for (uint32_t i = 0; i < list.len; i++)
        compile_stmt(c, list.items[i]);
}

/* ==== functions ========================================================================= */

static void func_begin(Compiler *c, FuncState *fs, Atom name, uint32_t fpflags, uint16_t nparams) {
    memset(fs, 0, sizeof *fs);
    fs->parent = c->fs;
    fs->proto = bc_proto_new(c->vm);
    fs->proto->name = name;
    fs->proto->flags = fpflags;
    fs->proto->nparams = nparams;
    fs->proto->filename = c->filename;
    fs->proto->source = c->source;
    fs->is_arrow = (fpflags & FP_ARROW) != 0;
    fs->strict = (fpflags & FP_STRICT) != 0;
    fs->derived_ctor = (fpflags & FP_DERIVED) != 0;
    c->fs = fs;
}

static FuncProto *func_end(Compiler *c, FuncState *fs) {
    emit_op(c, OP_RETURN_UNDEF);
    FuncProto *p = fs->proto;
    p->nlocals = fs->max_slot;
    p->max_stack = (uint16_t)(fs->max_depth + 4);
    uint32_t n = (uint32_t)p->nparams + p->nlocals;
    p->local_names = xcalloc(n + 1, sizeof(Atom));
    /* names are recorded as bindings are declared; see record_names */
    free(fs->bindings);
    free(fs->annexb_names);
    free(fs->annexb_slots);
    c->fs = fs->parent;
    return p;
}

static void record_name(FuncState *fs, uint16_t slot, Atom name, Atom **names, uint32_t *cap) {
    if (slot >= *cap) {
        uint32_t nc = *cap ? *cap * 2 : 16;
        while (nc <= slot)
            nc *= 2;
        *names = xrealloc(*names, nc * sizeof(Atom));
        memset(*names + *cap, 0, (nc - *cap) * sizeof(Atom));
        *cap = nc;
    }
    (*names)[slot] = name;
    (void)fs;
}

/* Params that are plain identifiers with no default, no rest, no pattern. */
static FuncProto *compile_function(Compiler *c, Node *fn, Atom name, uint32_t extra_flags) {
    AstFunction *f = &fn->as.function;
    uint32_t flags = extra_flags;
    if (f->flags & FUNC_ARROW)
        flags |= FP_ARROW;
    if (f->flags & FUNC_STRICT)
        flags |= FP_STRICT;
    if (f->flags & FUNC_GENERATOR)
        flags |= FP_GENERATOR;
    if (f->flags & FUNC_ASYNC)
        flags |= FP_ASYNC;
    if (f->flags & FUNC_CLASS_CONSTRUCTOR)
        flags |= FP_CLASS_CONSTRUCTOR;
    if (f->flags & FUNC_DERIVED)
        flags |= FP_DERIVED;
    if (f->method_kind == METHOD_METHOD || f->method_kind == METHOD_GET ||
        f->method_kind == METHOD_SET)
        flags |= FP_METHOD;
    uint32_t nformal = f->params.len;
    bool has_rest = nformal && f->params.items[nformal - 1]->kind == NODE_REST;
    if (has_rest)
        nformal--;
    FuncState fs;
    func_begin(c, &fs, name, flags, (uint16_t)nformal);
    FuncProto *p = fs.proto;
    p->length = (uint16_t)f->length;
    p->pos = fn->pos;
    p->src_start = f->src_start;
    p->src_end = f->src_end;
    ScopeBlock outer, body;
    scope_enter_block(&fs, &outer);
    /* the function's own name (named function expressions) */
    if ((f->flags & FUNC_EXPRESSION) && f->id && !(f->flags & FUNC_ARROW)) {
        Binding *b = scope_bind(&fs, name, BIND_FUNCNAME);
        emit_op(c, OP_PUSH_CALLEE);
        emit_op_u16(c, OP_PUT_LOC, b->slot);
    }
    scope_enter_block(&fs, &body);
    bool simple = (f->flags & FUNC_SIMPLE_PARAMS) != 0;
    /* parameters occupy slots 0..nformal-1; simple ones are bound there directly */
    if (simple) {
        for (uint32_t i = 0; i < nformal; i++) {
            Atom pn = atom_of_name(c, f->params.items[i]->as.ident.name);
            /* a parameter binding at slot i: the binding table points at the param slot */
            Binding *b = scope_bind(&fs, pn, BIND_VAR);
            fs.next_slot--; /* give back the local slot scope_bind took */
            fs.max_slot = fs.max_slot > fs.next_slot ? fs.max_slot : fs.next_slot;
            b->slot = (uint16_t)i;
            record_name(&fs, (uint16_t)i, pn, &fs.names, &fs.names_cap);
        }
    } else {
        /* FunctionDeclarationInstantiation (ecma262 #sec-functiondeclarationinstantiation)
         * steps 21 and 26: parameter bindings are created uninitialized and initialized in
         * order by IteratorBindingInitialization, so a default that reads a later (or its
         * own) parameter throws ReferenceError: they are TDZ bindings until then. */
        for (uint32_t i = 0; i < f->param_decls.len; i++) {
            Binding *b =
                scope_bind(&fs, atom_of_name(c, f->param_decls.items[i].name), BIND_LET);
            emit_op_u16(c, OP_CLEAR_LOC, b->slot);
        }
    }
    /* var declarations and top-level function declarations (in the parameters' scope
     * when the parameters are simple; see below otherwise) */
    if (simple) {
        for (uint32_t i = 0; i < f->var_decls.len; i++) {
            Atom vn = atom_of_name(c, f->var_decls.items[i].name);
            Binding *b = scope_bind(&fs, vn, BIND_VAR);
            record_name(&fs, b->slot, vn, &fs.names, &fs.names_cap);
        }
        declare_annexb(c, f->annexb_funcs, false);
    }
    if ((f->flags & FUNC_USES_ARGUMENTS) && !(f->flags & FUNC_ARROW)) {
        Ref r = scope_resolve(&fs, ATOM_arguments);
        if (r.kind != REF_LOCAL || (simple && r.index >= nformal) ||
            (!simple && r.bind != BIND_LET)) {
            Binding *b = scope_bind(&fs, ATOM_arguments, BIND_VAR);
            emit_op(c, (flags & FP_STRICT) || !simple ? OP_ARGUMENTS : OP_MAPPED_ARGUMENTS);
            emit_op_u16(c, OP_PUT_LOC, b->slot);
        }
    }
    /* class constructors of base classes initialize fields before the body */
    if ((flags & FP_CLASS_CONSTRUCTOR) && !(flags & FP_DERIVED) && (extra_flags & FP_HAS_FIELDS))
        emit_op(c, OP_INIT_FIELDS);
    /* complex parameters: defaults, patterns, rest (IteratorBindingInitialization) */
    ScopeBlock vars;
    if (!simple) {
        for (uint32_t i = 0; i < nformal; i++) {
            Node *pn = f->params.items[i];
            emit_op_u16(c, OP_GET_LOC, (uint16_t)i);
            assign_pattern(c, pn, MODE_INIT);
        }
        if (has_rest) {
            emit_op_u16(c, OP_REST, (uint16_t)nformal);
            assign_pattern(c, f->params.items[nformal]->as.spread.arg, MODE_INIT);
        }
        /* initialized now: the body reads them without checks */
        for (uint32_t i = body.first_binding; i < fs.nbindings; i++)
            if (fs.bindings[i].kind == BIND_LET)
                fs.bindings[i].kind = BIND_VAR;
        /* step 28: with parameter expressions the body's vars live in an environment of
         * their own, so a closure in a default keeps seeing the parameter; a var named
         * like a parameter (or `arguments`) starts with its value. (Without expressions
         * in the parameters nothing can observe the difference, so every non-simple
         * list is handled this way.) */
        scope_enter_block(&fs, &vars);
        for (uint32_t i = 0; i < f->var_decls.len; i++) {
            Atom vn = atom_of_name(c, f->var_decls.items[i].name);
            Ref pr = scope_resolve(&fs, vn);
            Binding *b = scope_bind(&fs, vn, BIND_VAR);
            record_name(&fs, b->slot, vn, &fs.names, &fs.names_cap);
            if (pr.kind == REF_LOCAL && pr.bind == BIND_VAR) {
                emit_op_u16(c, OP_GET_LOC, pr.index);
                emit_op_u16(c, OP_PUT_LOC, b->slot);
            }
        }
        declare_annexb(c, f->annexb_funcs, false);
    }
    declare_lexical(c, f->lex_decls);
    for (uint32_t i = 0; i < fs.nbindings; i++)
        if (fs.bindings[i].kind != BIND_HIDDEN)
            record_name(&fs, fs.bindings[i].slot, fs.bindings[i].name, &fs.names, &fs.names_cap);
    hoist_functions(c, f->body);
    if (flags & FP_GENERATOR)
        emit_op(c, OP_INITIAL_YIELD);
    compile_stmts(c, f->body);
    for (uint32_t i = 0; i < fs.nbindings; i++)
        if (fs.bindings[i].kind != BIND_HIDDEN)
            record_name(&fs, fs.bindings[i].slot, fs.bindings[i].name, &fs.names, &fs.names_cap);
    emit_pos(c, f->body_end); /* the implicit return is at the closing brace */
    func_end(c, &fs);
    uint32_t n = (uint32_t)p->nparams + p->nlocals;
    for (uint32_t i = 0; i < n && i < fs.names_cap; i++)
        p->local_names[i] = fs.names[i];
    free(fs.names);
    return p;
}

/* ==== classes =========================================================================== */

typedef struct {
    Node *member;
    Atom key_name; /* computed field: the hidden binding holding its key, else ATOM_NULL */
} FieldRec;

/* A synthesized method (field initializer or static initializer) run with the new
 * instance (or the class) as `this`: InitializeInstanceElements
 * (#sec-initializeinstanceelements): first PrivateMethodOrAccessorAdd for each private
 * method or accessor name in methods, then each field (DefineField) and static block in
 * order. */
static FuncProto *compile_field_init(Compiler *c, FieldRec *fields, uint32_t n, Node **methods,
                                     uint32_t nmethods, SrcPos pos) {
    FuncState fs;
    func_begin(c, &fs, ATOM_empty_string, FP_METHOD | FP_STRICT | FP_FIELD_INIT, 0);
    fs.proto->pos = pos;
    ScopeBlock b;
    scope_enter_block(&fs, &b);
    for (uint32_t i = 0; i < nmethods; i++) {
        emit_op(c, OP_PUSH_THIS);
        load_name(c, key_atom(c, methods[i]->as.member.key));
        emit_op(c, OP_DEFINE_PRIVATE_METHOD);
        emit_op(c, OP_POP);
    }
    for (uint32_t i = 0; i < n; i++) {
        Node *m = fields[i].member;
        AstClassMember *cm = &m->as.member;
        if (cm->kind == MEMBER_STATIC_BLOCK) {
            FuncProto *p = compile_function(c, cm->value, ATOM_empty_string, FP_METHOD);
            emit_op(c, OP_PUSH_THIS);
            emit_closure(c, p);
            emit_op(c, OP_CALL_METHOD0);
            emit_op(c, OP_POP);
            continue;
        }
        emit_pos(c, m->pos);
        emit_op(c, OP_PUSH_THIS);
        bool priv = cm->key->kind == NODE_PRIVATE_NAME;
        if (priv) {
            load_name(c, key_atom(c, cm->key));
            if (cm->value)
                compile_named(c, cm->value, key_atom(c, cm->key));
            else
                emit_op(c, OP_PUSH_UNDEFINED);
            emit_op(c, OP_DEFINE_PRIVATE);
        } else if (fields[i].key_name != ATOM_NULL) {
            /* the key was evaluated (ToPropertyKey) at class definition time */
            load_name(c, fields[i].key_name);
            if (cm->value) {
                compile_expr(c, cm->value);
                if (is_anonymous_fn(cm->value))
                    emit_op(c, OP_SET_NAME_ELEM);
            } else {
                emit_op(c, OP_PUSH_UNDEFINED);
            }
            emit_op(c, OP_DEFINE_ELEM);
        } else {
            Atom k = key_atom(c, cm->key);
            if (cm->value)
                compile_named(c, cm->value, k);
            else
                emit_op(c, OP_PUSH_UNDEFINED);
            emit_op_u32(c, OP_DEFINE_FIELD, k);
        }
        emit_op(c, OP_POP);
    }
    scope_leave_block(&fs);
    return func_end(c, &fs);
}

static FuncProto *default_constructor(Compiler *c, Atom name, bool derived, bool has_fields,
                                      SrcPos pos, uint32_t src_start, uint32_t src_end) {
    FuncState fs;
    uint32_t fl = FP_CLASS_CONSTRUCTOR | FP_STRICT | (derived ? FP_DERIVED : 0);
    func_begin(c, &fs, name, fl, 0);
    fs.proto->pos = pos;
    fs.proto->src_start = src_start;
    fs.proto->src_end = src_end;
    if (derived) {
        emit_op_u16(c, OP_REST, 0);
        emit_pos(c, pos);
        emit_op(c, OP_SUPER_CALL_APPLY);
        emit_op(c, OP_POP);
    } else if (has_fields) {
        emit_op(c, OP_INIT_FIELDS);
    }
    return func_end(c, &fs);
}

static void compile_class(Compiler *c, Node *n, Atom name) {
    AstClass *k = &n->as.class_;
    if (k->id)
        name = atom_of_name(c, k->id->as.ident.name);
    ScopeBlock scope;
    scope_enter_block(c->fs, &scope);
    int32_t inner_slot = -1; /* (a Binding * would dangle: more bindings follow) */
    if (k->id) {
        Binding *inner = scope_bind(c->fs, name, BIND_CONST);
        inner_slot = inner->slot;
        emit_op_u16(c, OP_CLEAR_LOC, inner->slot);
    }
    /* private names: one fresh symbol per #name per class evaluation */
    FieldRec *inst = xcalloc(k->members.len + 1, sizeof(FieldRec));
    FieldRec *stat = xcalloc(k->members.len + 1, sizeof(FieldRec));
    Node **inst_pm = xcalloc(k->members.len + 1, sizeof(Node *));
    Node **stat_pm = xcalloc(k->members.len + 1, sizeof(Node *));
    uint32_t ninst = 0, nstat = 0, ninst_pm = 0, nstat_pm = 0, nkeys = 0;
    for (uint32_t i = 0; i < k->members.len; i++) {
        AstClassMember *m = &k->members.items[i]->as.member;
        if (m->key && m->key->kind == NODE_PRIVATE_NAME) {
            Atom pn = key_atom(c, m->key);
            bool seen = false;
            for (uint32_t j = scope.first_binding; j < c->fs->nbindings; j++)
                seen |= c->fs->bindings[j].name == pn;
            if (seen)
                continue; /* a getter and setter pair share the name */
            Binding *b = scope_bind(c->fs, pn, BIND_CONST);
            emit_op_u32(c, OP_NEW_PRIVATE_NAME, pn);
            emit_op_u16(c, OP_PUT_LOC, b->slot);
        }
    }
    if (k->superclass)
        compile_expr(c, k->superclass);
    else
        emit_op(c, OP_PUSH_EMPTY);
    bool has_fields = false;
    for (uint32_t i = 0; i < k->members.len; i++) {
        AstClassMember *m = &k->members.items[i]->as.member;
        if (!m->is_static && (m->kind == MEMBER_FIELD ||
                              (m->kind == MEMBER_METHOD && m->key->kind == NODE_PRIVATE_NAME)))
            has_fields = true;
    }
    FuncProto *ctor;
    if (k->constructor)
        ctor = compile_function(c, k->constructor, name, has_fields ? FP_HAS_FIELDS : 0);
    else
        ctor = default_constructor(c, name, k->superclass != NULL, has_fields, n->pos,
                                   k->src_start, k->src_end);
    ctor->flags |= FP_CLASS_CONSTRUCTOR | FP_STRICT;
    if (k->superclass)
        ctor->flags |= FP_DERIVED;
    ctor->src_start = k->src_start;
    ctor->src_end = k->src_end;
    emit_pos(c, n->pos);
    emit_op_atom_u8(c, OP_CLASS, add_const(c, val_obj((Obj *)(void *)ctor)), k->superclass ? 1 : 0);
    /* [F proto]: ClassDefinitionEvaluation's ClassElementEvaluation of each element, in
     * order: methods are defined, computed field keys evaluated, private methods made */
    for (uint32_t i = 0; i < k->members.len; i++) {
        Node *mn = k->members.items[i];
        AstClassMember *m = &mn->as.member;
        if (m->kind == MEMBER_FIELD || m->kind == MEMBER_STATIC_BLOCK) {
            FieldRec *fr = m->is_static ? &stat[nstat++] : &inst[ninst++];
            fr->member = mn;
            fr->key_name = ATOM_NULL;
            if (m->computed) {
                /* ClassFieldDefinitionEvaluation: 1. Let name be ? Evaluation of
                 * ClassElementName (ToPropertyKey), kept in a hidden binding that the
                 * initializer captures */
                char hn[32];
                snprintf(hn, sizeof hn, " field key %u", nkeys++);
                fr->key_name = atom_intern(c->vm, hn);
                Binding *kb = scope_bind(c->fs, fr->key_name, BIND_VAR);
                emit_pos(c, m->key->pos);
                compile_expr(c, m->key);
                emit_op(c, OP_TO_PROPKEY);
                emit_op_u16(c, OP_PUT_LOC, kb->slot);
            }
            continue;
        }
        if (m->key->kind == NODE_PRIVATE_NAME) {
            /* #sec-runtime-semantics-classelementevaluation: the private method or
             * accessor function, made once; each instance (or the class, when static)
             * gets it from PrivateMethodOrAccessorAdd */
            Atom pn = key_atom(c, m->key);
            Node **list = m->is_static ? stat_pm : inst_pm;
            uint32_t *nlist = m->is_static ? &nstat_pm : &ninst_pm;
            bool listed = false;
            for (uint32_t j = 0; j < *nlist; j++)
                listed |= key_atom(c, list[j]->as.member.key) == pn;
            if (!listed)
                list[(*nlist)++] = mn;
            load_name(c, pn);
            Atom fname = pn;
            if (m->kind != MEMBER_METHOD) {
                char nb[300];
                char pb[256];
                atom_to_cbuf(c->vm, pn, pb, sizeof pb);
                snprintf(nb, sizeof nb, "%s %s", m->kind == MEMBER_GET ? "get" : "set", pb);
                fname = atom_intern(c->vm, nb); /* "get #x", as V8 names it in stacks */
            }
            FuncProto *fp = compile_function(c, m->value, fname, FP_METHOD);
            emit_closure(c, fp);
            uint8_t pf = (uint8_t)((m->kind == MEMBER_GET   ? 2
                                    : m->kind == MEMBER_SET ? 3
                                                            : 1) |
                                   (m->is_static ? 4 : 0) | (k->id ? 0 : 8));
            emit_op(c, OP_SET_PRIVATE_METHOD);
            bc_emit_byte(c->vm, P(c), pf);
            continue;
        }
        emit_op(c, m->is_static ? OP_OVER : OP_DUP);
        uint8_t fl = DM_NONENUM | (m->kind == MEMBER_GET ? DM_GETTER
                                   : m->kind == MEMBER_SET ? DM_SETTER
                                                           : DM_METHOD);
        compile_method_def(c, m->key, m->computed, m->value, fl);
        emit_op(c, OP_POP);
    }
    if (ninst || ninst_pm) {
        FuncProto *fp = compile_field_init(c, inst, ninst, inst_pm, ninst_pm, n->pos);
        emit_op(c, OP_OVER);
        emit_closure(c, fp);
        emit_op(c, OP_SET_FIELDS_INIT);
        emit_op(c, OP_POP);
    }
    emit_op(c, OP_POP); /* [F] */
    if (inner_slot >= 0)
        emit_op_u16(c, OP_SET_LOC, (uint16_t)inner_slot);
    if (nstat || nstat_pm) {
        FuncProto *fp = compile_field_init(c, stat, nstat, stat_pm, nstat_pm, n->pos);
        emit_op(c, OP_DUP);
        emit_closure(c, fp);
        emit_op(c, OP_CALL_METHOD0);
        emit_op(c, OP_POP);
    }
    free(inst);
    free(stat);
    free(inst_pm);
    free(stat_pm);
    block_exit(c);
}

/* ==== the program ======================================================================= */

FuncProto *comp_compile_program(Vm *vm, Node *program, const char *filename, const char *src,
                                size_t len, const CompileOptions *opt, ParseError *err) {
    Compiler c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.src = src;
    c.len = len;
    c.err = err;
    c.opt = *opt;
    vm->gc.inhibit++;
    c.filename = str_new_cstr(vm, filename ? filename : "<anonymous>");
    c.source = str_new_latin1(vm, (const uint8_t *)src, len); /* raw UTF-8 bytes */
    FuncState fs;
    FuncProto *result = NULL;
    if (setjmp(c.fail) == 0) {
        AstProgram *pr = &program->as.program;
        /* A module body (#sec-source-text-module-record-execute-module) is strict; with
         * a top-level await it runs as an async function body does (ExecuteAsyncModule,
         * AsyncBlockStart: host_run_module). It is not FP_SCRIPT: its stack frames read
         * "at FILE:LINE:COL", as node prints a module's. */
        uint32_t flags = pr->is_module ? FP_STRICT | (pr->has_top_level_await ? FP_ASYNC : 0)
                                       : FP_SCRIPT | (pr->strict ? FP_STRICT : 0) |
                                             (c.opt.script_vars_global ? FP_GLOBAL_SCRIPT : 0);
        func_begin(&c, &fs, ATOM_empty_string, flags, 0);
        fs.is_script = true;
        fs.proto->pos = (SrcPos){0, 1, 1};
        ScopeBlock top;
        scope_enter_block(&fs, &top);
        if (c.opt.script_vars_global) {
            for (uint32_t i = 0; i < pr->var_decls.len; i++) {
                if (pr->var_decls.items[i].kind == DECL_FUNCTION)
                    continue;
                emit_op(&c, OP_PUSH_UNDEFINED);
                emit_op_atom_u8(&c, OP_DEFINE_GLOBAL, atom_of_name(&c, pr->var_decls.items[i].name), 0);
            }
        } else {
            for (uint32_t i = 0; i < pr->var_decls.len; i++)
                scope_bind(&fs, atom_of_name(&c, pr->var_decls.items[i].name), BIND_VAR);
        }
        declare_annexb(&c, pr->annexb_funcs, c.opt.script_vars_global);
        declare_lexical(&c, pr->lex_decls);
        hoist_functions(&c, pr->body);
        compile_stmts(&c, pr->body);
        for (uint32_t i = 0; i < fs.nbindings; i++)
            if (fs.bindings[i].kind != BIND_HIDDEN)
                record_name(&fs, fs.bindings[i].slot, fs.bindings[i].name, &fs.names, &fs.names_cap);
        result = func_end(&c, &fs);
        for (uint32_t i = 0; i < (uint32_t)result->nparams + result->nlocals && i < fs.names_cap; i++)
            result->local_names[i] = fs.names[i];
        free(fs.names);
    } else {
        /* unwind every open FuncState (their protos are garbage now) */
        while (c.fs) {
            FuncState *f = c.fs;
            free(f->bindings);
            free(f->names);
            free(f->annexb_names);
            free(f->annexb_slots);
            for (JumpScope *js = f->jumps; js; js = js->parent)
                free(js->stubs);
            c.fs = f->parent;
        }
        result = NULL;
    }
    vm->gc.inhibit--;
    return result;
}
