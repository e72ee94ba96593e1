#!/usr/bin/env node
import { createRequire as __ngCreateRequire } from 'node:module'; const require = __ngCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target2) => (target2 = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target2, "default", { value: mod, enumerable: true }) : target2,
  mod
));

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a2;
        return (_a2 = this._str) !== null && _a2 !== void 0 ? _a2 : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a2;
        return (_a2 = this._names) !== null && _a2 !== void 0 ? _a2 : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify3(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify3;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a2, _b;
        if (((_b = (_a2 = this._parent) === null || _a2 === void 0 ? void 0 : _a2._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a2;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a2 = value.key) !== null && _a2 !== void 0 ? _a2 : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a2;
        this.else = (_a2 = this.else) === null || _a2 === void 0 ? void 0 : _a2.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a2, _b;
        super.optimizeNodes();
        (_a2 = this.catch) === null || _a2 === void 0 ? void 0 : _a2.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a2, _b;
        super.optimizeNames(names, constants);
        (_a2 = this.catch) === null || _a2 === void 0 ? void 0 : _a2.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema2) {
      if (typeof schema2 == "boolean")
        return schema2;
      if (Object.keys(schema2).length === 0)
        return true;
      checkUnknownRules(it, schema2);
      return !schemaHasRules(schema2, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema2 = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema2 === "boolean")
        return;
      const rules2 = self.RULES.keywords;
      for (const key in schema2) {
        if (!rules2[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema2, rules2) {
      if (typeof schema2 == "boolean")
        return !schema2;
      for (const key in schema2)
        if (rules2[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema2, RULES) {
      if (typeof schema2 == "boolean")
        return !schema2;
      for (const key in schema2)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema2, keyword, $data) {
      if (!$data) {
        if (typeof schema2 == "number" || typeof schema2 == "boolean")
          return schema2;
        if (typeof schema2 == "string")
          return (0, codegen_1._)`${schema2}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath: errorPath2 }, { instancePath: instancePath2 }) {
      const instPath = instancePath2 ? (0, codegen_1.str)`${errorPath2}${(0, util_1.getErrorPath)(instancePath2, util_1.Type.Str)}` : errorPath2;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema: schema2, validateName } = it;
      if (schema2 === false) {
        falseSchemaError(it, false);
      } else if (typeof schema2 == "object" && schema2.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema: schema2 } = it;
      if (schema2 === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema: schema2, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema2, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema2, group) {
      return group.rules.some((rule2) => shouldUseRule(schema2, rule2));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema2, rule2) {
      var _a2;
      return schema2[rule2.keyword] !== void 0 || ((_a2 = rule2.definition.implements) === null || _a2 === void 0 ? void 0 : _a2.some((kwd) => schema2[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema2) {
      const types2 = getJSONTypes(schema2.type);
      const hasNull = types2.includes("null");
      if (hasNull) {
        if (schema2.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types2.length && schema2.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema2.nullable === true)
          types2.push("null");
      }
      return types2;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types2 = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types2.every(rules_1.isJSONType))
        return types2;
      throw new Error("type must be JSONType or JSONType[]: " + types2.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types2) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types2, opts.coerceTypes);
      const checkTypes = types2.length > 0 && !(coerceTo.length === 0 && types2.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types2[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types2, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types2, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types2, coerceTypes) {
      return coerceTypes ? types2.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types2, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types2, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types2 = (0, util_1.toHash)(dataTypes);
      if (types2.array && types2.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types2.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types2.null;
        delete types2.array;
        delete types2.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types2.number)
        delete types2.integer;
      for (const t in types2)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema: schema2 }) => `must be ${schema2}`,
      params: ({ schema: schema2, schemaValue }) => typeof schema2 == "string" ? (0, codegen_1._)`{type: ${schema2}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema: schema2 } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema2, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema2.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema2,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath: errorPath2 }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath2)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema: schema2, keyword, it } = cxt;
      if (!Array.isArray(schema2))
        throw new Error("ajv implementation error");
      const alwaysValid = schema2.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema2.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema: schema2, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema2, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a2;
      const { gen, keyword, schema: schema2, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema2, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a3;
        gen.if((0, codegen_1.not)((_a3 = def.valid) !== null && _a3 !== void 0 ? _a3 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema2, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema2) : st === "object" ? schema2 && typeof schema2 == "object" && !Array.isArray(schema2) : typeof schema2 == st || allowUndefined && typeof schema2 == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema: schema2, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema2, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema2[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema: schema2, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema2 !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema2 !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema: schema2,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath: errorPath2, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath2}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema2, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema2, "", schema2);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema2, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema2 && typeof schema2 == "object" && !Array.isArray(schema2)) {
        pre(schema2, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema2) {
          var sch = schema2[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema2, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema2, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema2);
          }
        }
        post(schema2, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema2, limit = true) {
      if (typeof schema2 == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema2);
      if (!limit)
        return false;
      return countKeys(schema2) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema2) {
      for (const key in schema2) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema2[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema2) {
      let count3 = 0;
      for (const key in schema2) {
        if (key === "$ref")
          return Infinity;
        count3++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema2[key] == "object") {
          (0, util_1.eachItem)(schema2[key], (sch) => count3 += countKeys(sch));
        }
        if (count3 === Infinity)
          return Infinity;
      }
      return count3;
    }
    function getFullPath(resolver, id = "", normalize2) {
      if (normalize2 !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema2, baseId) {
      if (typeof schema2 == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema2[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema2, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema: schema2, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema2, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema2, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema: schema2, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema2.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema2, opts) {
      const schId = typeof schema2 == "object" && schema2[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema: schema2, self }) {
      if (typeof schema2 == "boolean")
        return !schema2;
      for (const key in schema2)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema: schema2, gen, opts } = it;
      if (opts.$comment && schema2.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types2 = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types2);
      schemaKeywords(it, types2, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema: schema2, errSchemaPath, opts, self } = it;
      if (schema2.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema2, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema: schema2, opts } = it;
      if (schema2.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema: schema2, errSchemaPath, opts }) {
      const msg = schema2.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types2, typeErrors, errsCount) {
      const { gen, schema: schema2, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema2.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema2, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types2);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema2, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types2.length === 1 && types2[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema: schema2, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule2 of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema2, rule2)) {
            keywordCode(it, rule2.keyword, rule2.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types2) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types2);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types2);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types2) {
      if (!types2.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types2;
        return;
      }
      types2.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types2);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules2 = it.self.RULES.all;
      for (const keyword in rules2) {
        const rule2 = rules2[keyword];
        if (typeof rule2 == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule2)) {
          const { type } = rule2.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock2, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock2();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a2;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema2;
        if (typeof env.schema == "object")
          schema2 = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a2 = env.baseId) !== null && _a2 !== void 0 ? _a2 : (0, resolve_1.normalizeId)(schema2 === null || schema2 === void 0 ? void 0 : schema2[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema2 === null || schema2 === void 0 ? void 0 : schema2.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a2;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve5.call(this, root, ref);
      if (_sch === void 0) {
        const schema2 = (_a2 = root.localRefs) === null || _a2 === void 0 ? void 0 : _a2[ref];
        const { schemaId } = this.opts;
        if (schema2)
          _sch = new SchemaEnv({ schema: schema2, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve5(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema: schema2 } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema2[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema: schema2, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema: schema2, root }) {
      var _a2;
      if (((_a2 = parsedRef.fragment) === null || _a2 === void 0 ? void 0 : _a2[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema2 === "boolean")
          return;
        const partSchema = schema2[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema2 = partSchema;
        const schId = typeof schema2 === "object" && schema2[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema2 != "boolean" && schema2.$ref && !(0, util_1.schemaHasRulesButRef)(schema2, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema2.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema: schema2, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort2 = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path7) {
      let input = path7;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path7) {
      if (path7 === "" || path7[0] === "/") {
        return removeDotSegments(path7);
      }
      const segments = path7.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP4) {
      const re = isIP4 ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port2 = String(component.port);
        if (!isPort2(port2)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port2);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path7 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path7 && path7 !== "/" ? path7 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize2(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse2(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve5(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative2, options, skipNormalization) {
      const target2 = {};
      if (!skipNormalization) {
        base = parse2(serialize(base, options), options);
        relative2 = parse2(serialize(relative2, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative2.scheme) {
        target2.scheme = relative2.scheme;
        target2.userinfo = relative2.userinfo;
        target2.host = relative2.host;
        target2.port = relative2.port;
        target2.path = removeDotSegments(relative2.path || "");
        target2.query = relative2.query;
      } else {
        if (relative2.userinfo !== void 0 || relative2.host !== void 0 || relative2.port !== void 0) {
          target2.userinfo = relative2.userinfo;
          target2.host = relative2.host;
          target2.port = relative2.port;
          target2.path = removeDotSegments(relative2.path || "");
          target2.query = relative2.query;
        } else {
          if (!relative2.path) {
            target2.path = base.path;
            if (relative2.query !== void 0) {
              target2.query = relative2.query;
            } else {
              target2.query = base.query;
            }
          } else {
            if (relative2.path[0] === "/") {
              target2.path = removeDotSegments(relative2.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target2.path = "/" + relative2.path;
              } else if (!base.path) {
                target2.path = relative2.path;
              } else {
                target2.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative2.path;
              }
              target2.path = base.scheme === void 0 && !baseHasAuthority && target2.path[0] !== "/" ? removeDotSegmentsRelative(target2.path) : removeDotSegments(target2.path);
            }
            target2.query = relative2.query;
          }
          target2.userinfo = base.userinfo;
          target2.host = base.host;
          target2.port = base.port;
        }
        target2.scheme = base.scheme;
      }
      target2.fragment = relative2.fragment;
      return target2;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP4) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP4)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP4 === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP4) {
      return Boolean(
        parsed.host && isIP4 === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP4 = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP4 = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP4 ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP4 = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP4);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP4 ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP4) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP4 || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP4) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse2(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize: normalize2,
      resolve: resolve5,
      resolveComponent,
      equal,
      serialize,
      parse: parse2
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a2, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a2 = o.code) === null || _a2 === void 0 ? void 0 : _a2.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv3 = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema2, _meta) {
        const sch = this._addSchema(schema2, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema2, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema2, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema2, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema2)) {
          for (const sch of schema2)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema2 === "object") {
          const { schemaId } = this.opts;
          id = schema2[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema2, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema2, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema2, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema2, throwOrLogError) {
        if (typeof schema2 == "boolean")
          return true;
        let $schema;
        $schema = schema2.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema2);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule2.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule2.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule2.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule2 = this.RULES.all[keyword];
        return typeof rule2 == "object" ? rule2.definition : !!rule2;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule2) => rule2.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules2 = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules2) {
            const rule2 = rules2[key];
            if (typeof rule2 != "object")
              continue;
            const { $data } = rule2.definition;
            const schema2 = keywords[key];
            if ($data && schema2)
              keywords[key] = schemaOrData(schema2);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema2, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema2 == "object") {
          id = schema2[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema2 != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema2);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema2, baseId);
        sch = new compile_1.SchemaEnv({ schema: schema2, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema2, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv3.ValidationError = validation_error_1.default;
    Ajv3.MissingRefError = ref_error_1.default;
    exports.default = Ajv3;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
          this.addFormat(name, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule2(keyword, definition, dataType) {
      var _a2;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule2 = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule2, definition.before);
      else
        ruleGroup.rules.push(rule2);
      RULES.all[keyword] = rule2;
      (_a2 = definition.implements) === null || _a2 === void 0 ? void 0 : _a2.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule2, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule2);
      } else {
        ruleGroup.rules.push(rule2);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema2) {
      return { anyOf: [schema2, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a2;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a2 = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a2 === void 0 ? void 0 : _a2.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema: schema2, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema2);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema: schema2, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema2.length === 0)
          return;
        const useLoop = schema2.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema2) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema2) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema2, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema: schema2, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema2)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema: schema2 } = cxt;
        if ($data || schema2 && typeof schema2 == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema2} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema: schema2, schemaCode, it } = cxt;
        if (!$data && schema2.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema2.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema2))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema2.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema2[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema: schema2, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema2 === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema2 == "object" && !(0, util_1.alwaysValidSchema)(it, schema2)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema: schema2, it } = cxt;
        if (Array.isArray(schema2))
          return validateTuple(cxt, "additionalItems", schema2);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema2))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema: schema2, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema2))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema: schema2, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema2)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count3 = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count3)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count3) {
          gen.code((0, codegen_1._)`${count3}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count3} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count3} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count3} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema: schema2 }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema2) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema2[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema2[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema: schema2, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema2))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema: schema2, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema2))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema2 === false) {
            deleteAdditional(key);
            return;
          }
          if (schema2 === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema2 == "object" && !(0, util_1.alwaysValidSchema)(it, schema2)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema: schema2, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema2);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema2[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema2[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema: schema2, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema2);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema2[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema: schema2, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema2)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema: schema2, parentSchema, it } = cxt;
        if (!Array.isArray(schema2))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema2;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema: schema2, it } = cxt;
        if (!Array.isArray(schema2))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema2.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema2 = it.schema[keyword];
      return schema2 !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema2);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema: schema2, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema2];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema2}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema2)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema2, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports.default = format;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema: schema2, parentSchema, it } = cxt;
        const { oneOf: oneOf2 } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema2.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema2.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf2)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a2;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf2.length; i++) {
            let sch = oneOf2[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a2 = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a2 === void 0 ? void 0 : _a2[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required: required2 }) {
            return Array.isArray(required2) && required2.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv3 = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv3;
    module.exports = exports = Ajv3;
    module.exports.Ajv = Ajv3;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv3;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap6 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq6 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap6;
    exports.isNode = isNode2;
    exports.isPair = isPair3;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq6;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path7) {
      const ctrl = callVisitor(key, node, visitor, path7);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path7, ctrl);
        return visit_(key, ctrl, visitor, path7);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path7 = Object.freeze(path7.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path7);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path7 = Object.freeze(path7.concat(node));
          const ck = visit_("key", node.key, visitor, path7);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path7);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path7) {
      const ctrl = await callVisitor(key, node, visitor, path7);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path7, ctrl);
        return visitAsync_(key, ctrl, visitor, path7);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path7 = Object.freeze(path7.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path7);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path7 = Object.freeze(path7.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path7);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path7);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path7) {
      if (typeof visitor === "function")
        return visitor(key, node, path7);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path7);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path7);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path7);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path7);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path7);
      return void 0;
    }
    function replaceNode(key, path7, node) {
      const parent = path7[path7.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count3, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count3);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count3 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count3)
            count3 = c;
        }
        return count3;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match2 = tags.filter((t) => t.tag === tagName);
        const tagObj = match2.find((t) => !t.format) ?? match2[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema2, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema2.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema2[identity.MAP] : Symbol.iterator in Object(value) ? schema2[identity.SEQ] : schema2[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema2, path7, value) {
      let v = value;
      for (let i = path7.length - 1; i >= 0; --i) {
        const k = path7[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema: schema2,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path7) => path7 == null || typeof path7 === "object" && !!path7[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema2) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema2,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema2) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema2)
          copy.schema = schema2;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema2) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path7, value) {
        if (isEmptyPath(path7))
          this.add(value);
        else {
          const [key, ...rest] = path7;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path7) {
        const [key, ...rest] = path7;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path7, keepScalar) {
        const [key, ...rest] = path7;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path7) {
        const [key, ...rest] = path7;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path7, value) {
        const [key, ...rest] = path7;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match2 = tags.filter((t) => t.tag === item.tag);
        if (match2.length > 0)
          return match2.find((t) => t.format === item.format) ?? match2[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match2 = tags.filter((t) => t.identify?.(obj));
        if (match2.length > 1) {
          const testMatch = match2.filter((t) => t.test);
          if (testMatch.length > 0)
            match2 = testMatch;
        }
        tagObj = match2.find((t) => t.format === item.format) ?? match2.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify3(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify3.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify3.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify3 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify3.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema2) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema2);
        if (identity.isNode(value))
          value = value.clone(schema2);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify4(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify3.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify3.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema2) {
        super(identity.MAP, schema2);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema2, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema2);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema2.sortMapEntries === "function") {
          map.items.sort(schema2.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema2, obj, ctx) => YAMLMap.YAMLMap.from(schema2, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema2) {
        super(identity.SEQ, schema2);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema2, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema2);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema2, obj, ctx) => YAMLSeq.YAMLSeq.from(schema2, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema2 = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema2;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema2 = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema2, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema2);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema2, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema2, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema2, iterable, ctx) => YAMLOMap.from(schema2, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema2) {
        super(schema2);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema2, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema2);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema2, iterable, ctx) => YAMLSet.from(schema2, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match2 = str.match(timestamp.test);
        if (!match2)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match2.map(Number);
        const millisec = match2[7] ? Number((match2[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match2[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema2 = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema2;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema2 = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema2.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema: schema2, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema2 === "string" && schema2 || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify3.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify3.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify3.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document3 = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path7, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path7, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path7) {
        if (Collection.isEmptyPath(path7)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path7) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path7, keepScalar) {
        if (Collection.isEmptyPath(path7))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path7, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path7) {
        if (Collection.isEmptyPath(path7))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path7) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path7, value) {
        if (Collection.isEmptyPath(path7)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path7), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path7, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count3, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count3);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document3;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors2 = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count3 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count3 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count3);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap6 = fc.start.source === "{";
      const fcName = isMap6 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap6 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap6 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap6 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap6 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap6) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap6 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue2(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue2(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match2 = line.exec(source);
      if (!match2)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match2[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match2 = line.exec(source)) {
        const lm = match2[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match2 = last.exec(source);
      return res + sep3 + (match2?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range: range2 } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range2;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema2, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema2[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema2.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema2.knownTags[tagName];
      if (kt && !kt.collection) {
        schema2.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema2[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema: schema2 }, value, token, onError) {
      const tag = schema2.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema2[identity.SCALAR];
      if (schema2.compat) {
        const compat = schema2.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema2[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document3 = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document3.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document3 = require_Document();
    var errors = require_errors2();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document3.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors2();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify3 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path7) => {
      let item = cst;
      for (const [field, index] of path7) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path7) => {
      const parent = visit.itemAtPath(cst, path7.slice(0, -1));
      const field = path7[path7.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path7, item, visitor) {
      let ctrl = visitor(item, path7);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path7.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path7);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path7) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter4 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter4;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target2, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target2, source);
      else
        for (let i = 0; i < source.length; ++i)
          target2.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document3 = require_Document();
    var errors = require_errors2();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify3(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document3.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments3;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document3 = require_Document();
    var Schema = require_Schema();
    var errors = require_errors2();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document3.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/cli/commands/check.ts
import { tmpdir } from "node:os";
import { join, resolve as resolve3 } from "node:path";

// src/git/trees.ts
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";

// src/git/git.ts
import { execFile } from "node:child_process";
var GitError = class extends Error {
  constructor(args, stderr) {
    super(`git ${args.join(" ")} failed: ${stderr.trim() || "no message"}`);
    this.args = args;
    this.stderr = stderr;
    this.name = "GitError";
  }
  args;
  stderr;
};
function git(args, cwd) {
  return new Promise((resolve5, reject) => {
    execFile(
      "git",
      args,
      // Large repositories list many files; terminal prompts would hang a CI job forever.
      { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(args, stderr || error.message));
        else resolve5(stdout);
      }
    );
  });
}

// src/git/trees.ts
async function resolveBaseCommit(repo, ref) {
  if (ref.startsWith("-")) throw new Error(`"${ref}" is not a commit, branch or tag name`);
  const local = await revParse(repo, ref);
  if (local) return local;
  try {
    await git(["fetch", "--no-tags", "--depth=1", "origin", ref], repo);
  } catch (error) {
    const reason = error instanceof GitError ? firstLine(error.stderr) : String(error);
    throw new Error(
      `the base commit ${ref} is not in the checkout and fetching it from origin failed (${reason}). Set \`fetch-depth: 0\` on actions/checkout so the base commit is present.`
    );
  }
  const fetched = await revParse(repo, "FETCH_HEAD");
  if (!fetched) throw new Error(`fetched ${ref} from origin but it is not a commit`);
  return fetched;
}
async function checkoutBaseTree(repo, sha, parent) {
  const dir = mkdtempSync(path.join(parent, "netpol-guard-base-"));
  try {
    await git(["worktree", "add", "--detach", "--quiet", dir, sha], repo);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    sha,
    dir,
    async remove() {
      await git(["worktree", "remove", "--force", dir], repo).catch(() => void 0);
      rmSync(dir, { recursive: true, force: true });
      await git(["worktree", "prune"], repo).catch(() => void 0);
    }
  };
}
async function repositoryPrefix(dir) {
  return (await git(["rev-parse", "--show-prefix"], dir)).trim();
}
async function revParse(repo, ref) {
  try {
    return (await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], repo)).trim();
  } catch {
    return void 0;
  }
}
function firstLine(text) {
  return text.trim().split("\n")[0] ?? "";
}

// src/config/load.ts
var import_ajv2 = __toESM(require_ajv(), 1);
var import_yaml6 = __toESM(require_dist(), 1);
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import path4 from "node:path";

// src/policy/ip.ts
import { isIP } from "node:net";
var BITS = { 4: 32, 6: 128 };
function fullRange(family) {
  return { family, start: 0n, end: (1n << BigInt(BITS[family])) - 1n };
}
function parseAddress(text) {
  const family = isIP(text);
  if (family === 4) return { family, value: ipv4Value(text) };
  if (family === 6 && !text.includes("%")) return { family, value: ipv6Value(text) };
  return void 0;
}
function ipv4Value(text) {
  return text.split(".").reduce((value, octet) => value << 8n | BigInt(Number(octet)), 0n);
}
function ipv6Value(text) {
  let address = text;
  const lastColon = address.lastIndexOf(":");
  const tail = address.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = ipv4Value(tail);
    address = `${address.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", rest] = address.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const restGroups = rest === void 0 || rest === "" ? [] : rest.split(":");
  const groups = rest === void 0 ? headGroups : [
    ...headGroups,
    ...new Array(8 - headGroups.length - restGroups.length).fill("0"),
    ...restGroups
  ];
  return groups.reduce((value, group) => value << 16n | BigInt(parseInt(group, 16)), 0n);
}
function addressToRange(text) {
  const parsed = parseAddress(text);
  return parsed && { family: parsed.family, start: parsed.value, end: parsed.value };
}
function cidrToRange(cidr) {
  const slash = cidr.indexOf("/");
  if (slash < 0) return void 0;
  const address = parseAddress(cidr.slice(0, slash));
  const prefixText = cidr.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return void 0;
  const prefix = Number(prefixText);
  const bits = BITS[address.family];
  if (prefix > bits) return void 0;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const start = address.value & ~hostMask;
  return { family: address.family, start, end: start | hostMask };
}
function formatAddress(value, family) {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String(value >> shift & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number(value >> BigInt(112 - 16 * i) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}
function rangeContains(outer, inner) {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}
function rangesOverlap(a, b) {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}
function ipBlockRanges(block) {
  const cidr = cidrToRange(block.cidr);
  if (!cidr) return [];
  const excepts = block.except.map(cidrToRange).filter((r) => !!r && rangesOverlap(r, cidr)).sort((a, b) => compareBigInt(a.start, b.start));
  const result = [];
  let next = cidr.start;
  for (const except of excepts) {
    if (except.start > next) result.push({ family: cidr.family, start: next, end: except.start - 1n });
    if (except.end + 1n > next) next = except.end + 1n;
  }
  if (next <= cidr.end) result.push({ family: cidr.family, start: next, end: cidr.end });
  return result;
}
function cutAddressSpace(family, ranges) {
  const space = fullRange(family);
  const cuts = /* @__PURE__ */ new Set([space.start]);
  for (const range2 of ranges) {
    if (range2.family !== family) continue;
    cuts.add(range2.start);
    if (range2.end < space.end) cuts.add(range2.end + 1n);
  }
  const starts = [...cuts].sort(compareBigInt);
  return starts.map((start, i) => ({
    family,
    start,
    end: i + 1 < starts.length ? starts[i + 1] - 1n : space.end
  }));
}
function rangeToCidrs(range2) {
  const bits = BITS[range2.family];
  const cidrs = [];
  let start = range2.start;
  while (start <= range2.end) {
    let size = 0;
    while (size < bits && (start & (1n << BigInt(size + 1)) - 1n) === 0n && start + (1n << BigInt(size + 1)) - 1n <= range2.end) {
      size++;
    }
    cidrs.push(`${formatAddress(start, range2.family)}/${bits - size}`);
    start += 1n << BigInt(size);
  }
  return cidrs;
}
function compareBigInt(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareRanges(a, b) {
  return a.family - b.family || compareBigInt(a.start, b.start) || compareBigInt(a.end, b.end);
}

// src/collections.ts
function pushTo(map, key, value) {
  const list2 = map.get(key);
  if (list2) list2.push(value);
  else map.set(key, [value]);
}

// src/rules/helpers.ts
var DIRECTIONS = ["ingress", "egress"];
function peerKey(direction) {
  return direction === "ingress" ? "from" : "to";
}
function peerShape(peer3) {
  if (peer3.ipBlock) return "ip-block";
  if (peer3.namespaceSelector && peer3.podSelector) return "namespace-and-pod";
  if (peer3.namespaceSelector) return "namespace-only";
  if (peer3.podSelector) return "pod-only";
  return "empty";
}
function policyRules(model) {
  return visitsOf(model).rules;
}
function policyPeers(model) {
  return visitsOf(model).peers;
}
function visitsOf(model) {
  let visits = visitsByModel.get(model);
  if (!visits) {
    visits = { rules: [], peers: [] };
    for (const policy of model.policies) {
      for (const direction of DIRECTIONS) {
        for (const rule2 of policy[direction]) {
          visits.rules.push({ policy, direction, rule: rule2 });
          for (const peer3 of rule2.peers ?? []) visits.peers.push({ policy, direction, rule: rule2, peer: peer3 });
        }
      }
    }
    visitsByModel.set(model, visits);
  }
  return visits;
}
var visitsByModel = /* @__PURE__ */ new WeakMap();
function portAdmits(policyPort, protocol, port2) {
  if (policyPort.protocol !== protocol) return false;
  if (policyPort.port === void 0) return true;
  if (typeof policyPort.port === "string") return false;
  return policyPort.port <= port2 && port2 <= (policyPort.endPort ?? policyPort.port);
}
function portAdmitsOnPod(policyPort, protocol, port2, pod) {
  if (typeof policyPort.port !== "string") return portAdmits(policyPort, protocol, port2);
  return policyPort.protocol === protocol && pod.ports.some(
    (declared) => declared.name === policyPort.port && declared.protocol === protocol && declared.port === port2
  );
}
function ruleAdmitsPort(rule2, protocol, port2) {
  return rule2.ports === void 0 || rule2.ports.some((policyPort) => portAdmits(policyPort, protocol, port2));
}
function workloadLabel(workload) {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}
function describeWorkloads(workloads, limit = 4) {
  if (workloads.length === 0) return "no known workload";
  return shortList(sortedUnique(workloads.map(workloadLabel)), limit);
}
function shortList(names, limit = 4) {
  const shown2 = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown2} and ${names.length - limit} more` : shown2;
}
function formatSelector(selector) {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    if (operator === "Exists") parts.push(key);
    else if (operator === "DoesNotExist") parts.push(`!${key}`);
    else parts.push(`${key} ${operator === "In" ? "in" : "notin"} (${values.join(", ")})`);
  }
  return parts.length > 0 ? parts.join(", ") : "{}";
}
function selectorKeys(selector) {
  return sortedUnique([
    ...Object.keys(selector.matchLabels ?? {}),
    ...(selector.matchExpressions ?? []).map((expression) => expression.key)
  ]);
}
function hasKnownWorkloads(model, namespace) {
  return byNamespace(model).workloads.has(namespace);
}
function byNamespace(model) {
  let contents = contentsByModel.get(model);
  if (!contents) {
    contents = { workloads: /* @__PURE__ */ new Map(), services: /* @__PURE__ */ new Map(), policies: /* @__PURE__ */ new Map() };
    for (const workload of model.workloads) pushTo(contents.workloads, workload.namespace, workload);
    for (const service of model.services) pushTo(contents.services, service.namespace, service);
    for (const policy of model.policies) pushTo(contents.policies, policy.namespace, policy);
    contentsByModel.set(model, contents);
  }
  return contents;
}
var contentsByModel = /* @__PURE__ */ new WeakMap();
function sortedUnique(values) {
  return [...new Set(values)].sort();
}
function subPath(path7, ...segments) {
  return [...path7, ...segments];
}
function destinationWorkloads(engine, visit) {
  const { policy, direction, rule: rule2 } = visit;
  if (direction === "ingress") return engine.policyWorkloads(policy);
  if (rule2.peers === void 0) return engine.model.workloads;
  const found = /* @__PURE__ */ new Map();
  for (const peer3 of rule2.peers) {
    for (const workload of engine.peerWorkloads(policy, peer3)) found.set(workload.id, workload);
  }
  return [...found.values()];
}
function podSelectorMatchesElsewhere(engine, policy, peer3) {
  const podSelector = peer3.podSelector;
  if (peerShape(peer3) !== "pod-only" || !podSelector) return [];
  const everywhere = { podSelector, namespaceSelector: {}, path: peer3.path };
  return engine.peerWorkloads(policy, everywhere).filter((workload) => workload.namespace !== policy.namespace);
}
function labelsSatisfying(selector) {
  const labels = { ...selector.matchLabels };
  for (const { key, operator, values } of selector.matchExpressions ?? []) {
    if (operator === "In") labels[key] = values?.[0] ?? "";
    if (operator === "Exists") labels[key] = "true";
  }
  return labels;
}
function andOrSplits(peers) {
  const splits = [];
  peers.forEach((current, index) => {
    const previous = peers[index - 1];
    if (!previous) return;
    const shapes = [peerShape(previous), peerShape(current)];
    if (shapes[0] === "namespace-only" && shapes[1] === "pod-only") splits.push([previous, current, current]);
    if (shapes[0] === "pod-only" && shapes[1] === "namespace-only") splits.push([current, previous, current]);
  });
  return splits;
}
function isInAndOrSplit(peers, peer3) {
  return andOrSplits(peers).some(([namespaceItem, podItem]) => namespaceItem === peer3 || podItem === peer3);
}

// src/rules/allow-all-peer.ts
var allowAllPeer = {
  meta: {
    id: "allow-all-peer",
    severity: "warning",
    description: "A rule that admits every source or destination: a `- {}` peer, or `ports` with no `from`/`to`.",
    rationale: 'A rule with no `from` (or `to`), an empty list, or an empty peer admits every pod of every namespace and every external address. It often comes from a rule meant to be "just the port" that forgot its peers.',
    remediation: "List the peers that need access. If the port really is public (an ingress controller), narrow the ports and document it with a suppression annotation.",
    example: [
      "ingress:",
      "  - from:",
      "      - podSelector: { matchLabels: { app: frontend } }",
      "    ports: [{ protocol: TCP, port: 8080 }]"
    ].join("\n")
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      for (const direction of DIRECTIONS) {
        if (!policy.types[direction]) continue;
        const key = peerKey(direction);
        const everyone = direction === "ingress" ? "every source" : "every destination";
        for (const rule2 of policy[direction]) {
          const ports = rule2.ports === void 0 ? "on every port" : "on its ports";
          if (rule2.peers === void 0) {
            ctx.report({
              policy,
              path: rule2.path,
              message: `${direction} rule without "${key}" admits ${everyone} ${ports}: every pod and every external address`
            });
            continue;
          }
          for (const peer3 of rule2.peers) {
            if (peerShape(peer3) !== "empty") continue;
            ctx.report({
              policy,
              path: peer3.path,
              message: `empty peer {} in "${key}" admits ${everyone} ${ports}: every pod and every external address`
            });
          }
        }
      }
    }
  }
};

// src/rules/cross-namespace-pod-selector.ts
var crossNamespacePodSelector = {
  meta: {
    id: "cross-namespace-pod-selector",
    severity: "warning",
    description: "A podSelector-only peer that matches no pod in the policy's namespace but matches pods in other namespaces.",
    rationale: "A peer with only a podSelector selects pods in the policy's own namespace. Written for pods that live elsewhere (Prometheus in `monitoring`, an ingress controller), it admits nothing, and the traffic is dropped.",
    remediation: "Add a namespaceSelector in the same list item (no `-` before `podSelector`) naming the namespace of those pods.",
    example: [
      "ingress:",
      "  - from:",
      "      - namespaceSelector:",
      "          matchLabels: { kubernetes.io/metadata.name: monitoring }",
      "        podSelector:",
      "          matchLabels: { app: prometheus }"
    ].join("\n")
  },
  check(ctx) {
    for (const { policy, rule: rule2, peer: peer3 } of policyPeers(ctx.model)) {
      if (isInAndOrSplit(rule2.peers ?? [], peer3)) continue;
      if (!peer3.podSelector || ctx.engine.peerWorkloads(policy, peer3).length > 0) continue;
      const elsewhere = podSelectorMatchesElsewhere(ctx.engine, policy, peer3);
      if (elsewhere.length === 0) continue;
      const namespaces = [...new Set(elsewhere.map((workload) => workload.namespace))].sort();
      ctx.report({
        policy,
        path: subPath(peer3.path, "podSelector"),
        message: `podSelector ${formatSelector(peer3.podSelector)} without namespaceSelector only looks in namespace ${policy.namespace}, where it matches nothing; it matches ${describeWorkloads(elsewhere)} in ${namespaces.join(", ")}: add a namespaceSelector to the same item`
      });
    }
  }
};

// src/model/fields.ts
var FieldReader = class {
  constructor(object, diagnostics) {
    this.object = object;
    this.diagnostics = diagnostics;
  }
  object;
  diagnostics;
  report(path7, message, severity = "warning", code = "invalid-field") {
    const { file, line, column } = this.object.locate(path7);
    this.diagnostics.push({
      severity,
      code,
      message: `${this.object.kind} ${this.object.name}: ${message}`,
      file,
      line,
      column,
      resource: {
        kind: this.object.kind,
        ...this.object.namespace !== void 0 ? { namespace: this.object.namespace } : {},
        name: this.object.name
      }
    });
  }
  /** The raw value at a path, undefined when any step is missing. */
  get(path7) {
    let value = this.object.value;
    for (const step of path7) {
      if (value === null || typeof value !== "object") return void 0;
      value = value[step];
    }
    return value;
  }
  record(path7) {
    const value = this.get(path7);
    if (value === void 0 || value === null) return void 0;
    if (typeof value === "object" && !Array.isArray(value)) return value;
    this.report(path7, `${describe(path7)} must be a map, not ${typeName(value)}`);
    return void 0;
  }
  array(path7) {
    const value = this.get(path7);
    if (value === void 0 || value === null) return void 0;
    if (Array.isArray(value)) return value;
    this.report(path7, `${describe(path7)} must be a list, not ${typeName(value)}`);
    return void 0;
  }
  string(path7) {
    const value = this.get(path7);
    if (value === void 0 || value === null) return void 0;
    if (typeof value === "string") return value;
    this.report(path7, `${describe(path7)} must be a string, not ${typeName(value)}`);
    return void 0;
  }
  /** An integer port in 1..65535. */
  port(path7) {
    const value = this.get(path7);
    if (value === void 0 || value === null) return void 0;
    if (isPortNumber(value)) return value;
    this.report(path7, `${describe(path7)} must be a port number 1-65535, not ${JSON.stringify(value)}`);
    return void 0;
  }
  /** A string-to-string map (labels, annotations, selectors); entries with other values are reported and left out. */
  stringMap(path7) {
    const map = this.record(path7) ?? {};
    const result = {};
    for (const [key, value] of Object.entries(map)) {
      if (typeof value === "string") result[key] = value;
      else
        this.report([...path7, key], `${describe([...path7, key])} must be a string, not ${typeName(value)}`);
    }
    return result;
  }
};
function isPortNumber(value) {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}
function describe(path7) {
  return path7.map((step) => typeof step === "number" ? `[${step}]` : `.${step}`).join("").replace(/^\./, "");
}
function typeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value} ${JSON.stringify(value)}`;
}

// src/model/types.ts
var PROTOCOLS = ["TCP", "UDP", "SCTP"];

// src/model/policy.ts
var OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];
var RejectedPolicy = class extends Error {
  constructor(path7, message) {
    super(message);
    this.path = path7;
  }
  path;
};
function readNetworkPolicy(reader, namespace) {
  const { object } = reader;
  try {
    const ingress = readRules(reader, "ingress");
    const egress = readRules(reader, "egress");
    const declaredTypes = requireList(reader, ["spec", "policyTypes"]) ?? [];
    declaredTypes.forEach((type, index) => {
      if (type !== "Ingress" && type !== "Egress") {
        throw new RejectedPolicy(
          ["spec", "policyTypes", index],
          `policyTypes[${index}] must be Ingress or Egress`
        );
      }
    });
    const policyTypesDeclared = declaredTypes.length > 0;
    const types2 = policyTypesDeclared ? { ingress: declaredTypes.includes("Ingress"), egress: declaredTypes.includes("Egress") } : { ingress: true, egress: egress.length > 0 };
    return {
      id: `${namespace}/${object.name}`,
      namespace,
      name: object.name,
      namespaceDeclared: object.namespace !== void 0,
      podSelector: readSelector(reader, ["spec", "podSelector"]) ?? {},
      types: types2,
      policyTypesDeclared,
      ingress,
      egress,
      annotations: reader.stringMap(["metadata", "annotations"]),
      loc: object.loc,
      locate: (path7) => object.locate(path7)
    };
  } catch (error) {
    if (!(error instanceof RejectedPolicy)) throw error;
    reader.report(
      error.path,
      `${error.message}; the API server rejects this policy, so it is left out`,
      "error",
      "invalid-policy"
    );
    return void 0;
  }
}
function readRules(reader, direction) {
  const peersField = direction === "ingress" ? "from" : "to";
  const rules2 = requireList(reader, ["spec", direction]) ?? [];
  return rules2.map((_, index) => {
    const path7 = ["spec", direction, index];
    requireMap(reader, path7);
    const peers = requireList(reader, [...path7, peersField]);
    const ports = requireList(reader, [...path7, "ports"]);
    return {
      path: path7,
      ...peers && peers.length > 0 ? { peers: peers.map((__, i) => readPeer(reader, [...path7, peersField, i])) } : {},
      ...ports && ports.length > 0 ? { ports: ports.map((__, i) => readPort(reader, [...path7, "ports", i])) } : {}
    };
  });
}
function readPeer(reader, path7) {
  requireMap(reader, path7);
  const podSelector = readSelector(reader, [...path7, "podSelector"]);
  const namespaceSelector = readSelector(reader, [...path7, "namespaceSelector"]);
  const ipBlock = readIpBlock(reader, [...path7, "ipBlock"]);
  if (ipBlock && (podSelector || namespaceSelector)) {
    throw new RejectedPolicy(path7, "a peer may not combine ipBlock with a pod or namespace selector");
  }
  if (!ipBlock && !podSelector && !namespaceSelector) {
    throw new RejectedPolicy(path7, "a peer needs podSelector, namespaceSelector or ipBlock");
  }
  return {
    ...podSelector ? { podSelector } : {},
    ...namespaceSelector ? { namespaceSelector } : {},
    ...ipBlock ? { ipBlock } : {},
    path: path7
  };
}
function readIpBlock(reader, path7) {
  if (reader.get(path7) === void 0) return void 0;
  requireMap(reader, path7);
  const cidr = reader.get([...path7, "cidr"]);
  if (typeof cidr !== "string") throw new RejectedPolicy(path7, "ipBlock.cidr must be a string");
  const except = (requireList(reader, [...path7, "except"]) ?? []).map((value, i) => {
    if (typeof value !== "string")
      throw new RejectedPolicy([...path7, "except", i], "ipBlock.except entries must be strings");
    return value;
  });
  return { cidr, except };
}
function readPort(reader, path7) {
  requireMap(reader, path7);
  const protocol = reader.get([...path7, "protocol"]) ?? "TCP";
  if (!PROTOCOLS.includes(protocol)) {
    throw new RejectedPolicy([...path7, "protocol"], `protocol must be one of ${PROTOCOLS.join(", ")}`);
  }
  const port2 = reader.get([...path7, "port"]);
  const endPort = reader.get([...path7, "endPort"]);
  if (port2 !== void 0 && !isPortNumber(port2) && (typeof port2 !== "string" || port2 === "")) {
    throw new RejectedPolicy([...path7, "port"], "port must be a number 1-65535 or a port name");
  }
  if (endPort !== void 0) {
    if (!isPortNumber(endPort) || !isPortNumber(port2) || endPort < port2) {
      throw new RejectedPolicy([...path7, "endPort"], "endPort needs a numeric port and must not be below it");
    }
  }
  return {
    protocol,
    ...port2 !== void 0 ? { port: port2 } : {},
    ...endPort !== void 0 ? { endPort } : {},
    path: path7
  };
}
function readSelector(reader, path7) {
  if (reader.get(path7) === void 0 || reader.get(path7) === null) return void 0;
  requireMap(reader, path7);
  const matchLabels2 = reader.get([...path7, "matchLabels"]);
  const selector = {};
  if (matchLabels2 !== void 0 && matchLabels2 !== null) {
    requireMap(reader, [...path7, "matchLabels"]);
    for (const [key, value] of Object.entries(matchLabels2)) {
      if (typeof value !== "string")
        throw new RejectedPolicy([...path7, "matchLabels", key], "matchLabels values must be strings");
    }
    selector.matchLabels = matchLabels2;
  }
  const expressions = requireList(reader, [...path7, "matchExpressions"]);
  if (expressions) {
    selector.matchExpressions = expressions.map((_, i) => {
      const at2 = [...path7, "matchExpressions", i];
      requireMap(reader, at2);
      const key = reader.get([...at2, "key"]);
      const operator = reader.get([...at2, "operator"]);
      const values = requireList(reader, [...at2, "values"]) ?? [];
      if (typeof key !== "string") throw new RejectedPolicy(at2, "a matchExpression needs a string key");
      if (!OPERATORS.includes(operator)) {
        throw new RejectedPolicy([...at2, "operator"], `operator must be one of ${OPERATORS.join(", ")}`);
      }
      if (values.some((v) => typeof v !== "string"))
        throw new RejectedPolicy([...at2, "values"], "values must be strings");
      const needsValues = operator === "In" || operator === "NotIn";
      if (needsValues !== values.length > 0) {
        throw new RejectedPolicy(at2, `${String(operator)} ${needsValues ? "needs" : "takes no"} values`);
      }
      return {
        key,
        operator,
        ...needsValues ? { values } : {}
      };
    });
  }
  return selector;
}
function requireMap(reader, path7) {
  const value = reader.get(path7);
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new RejectedPolicy(path7, "must be a map");
}
function requireList(reader, path7) {
  const value = reader.get(path7);
  if (value === void 0 || value === null) return void 0;
  if (!Array.isArray(value)) throw new RejectedPolicy(path7, "must be a list");
  return value;
}

// src/model/workloads.ts
var POD_TEMPLATE_PATHS = {
  Pod: [],
  Deployment: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"]
};
function isWorkloadKind(kind) {
  return Object.prototype.hasOwnProperty.call(POD_TEMPLATE_PATHS, kind);
}
function readWorkload(reader, namespace) {
  const { object } = reader;
  const template = POD_TEMPLATE_PATHS[object.kind] ?? [];
  const workload = {
    id: workloadId(namespace, object.kind, object.name),
    namespace,
    kind: object.kind,
    name: object.name,
    labels: reader.stringMap([...template, "metadata", "labels"]),
    ports: readContainerPorts(reader, [...template, "spec", "containers"]),
    ips: object.kind === "Pod" ? readPodIps(reader) : [],
    loc: object.loc
  };
  const owner = object.kind === "Pod" ? readControllerOwner(reader) : void 0;
  return owner ? { workload, owner } : { workload };
}
function workloadId(namespace, kind, name) {
  return `${namespace}/${kind}/${name}`;
}
function readContainerPorts(reader, containersPath) {
  const ports = [];
  (reader.array(containersPath) ?? []).forEach((_, c) => {
    const portsPath = [...containersPath, c, "ports"];
    (reader.array(portsPath) ?? []).forEach((__, p) => {
      const path7 = [...portsPath, p];
      const port2 = reader.port([...path7, "containerPort"]);
      const name = reader.string([...path7, "name"]);
      const protocol = reader.string([...path7, "protocol"]) ?? "TCP";
      if (!PROTOCOLS.includes(protocol)) {
        reader.report(
          [...path7, "protocol"],
          `protocol must be one of ${PROTOCOLS.join(", ")}; this port is left out`
        );
        return;
      }
      if (port2 === void 0) return;
      ports.push({ ...name !== void 0 ? { name } : {}, port: port2, protocol });
    });
  });
  return ports;
}
function readPodIps(reader) {
  const ips = /* @__PURE__ */ new Set();
  const podIp = reader.string(["status", "podIP"]);
  if (podIp) ips.add(podIp);
  (reader.array(["status", "podIPs"]) ?? []).forEach((_, i) => {
    const ip = reader.string(["status", "podIPs", i, "ip"]);
    if (ip) ips.add(ip);
  });
  return [...ips];
}
function readControllerOwner(reader) {
  const references = reader.array(["metadata", "ownerReferences"]) ?? [];
  for (let i = 0; i < references.length; i++) {
    if (reader.get(["metadata", "ownerReferences", i, "controller"]) !== true) continue;
    const name = reader.string(["metadata", "ownerReferences", i, "name"]);
    if (!name) continue;
    return { kind: reader.string(["metadata", "ownerReferences", i, "kind"]) || "Pod", name };
  }
  return void 0;
}
function foldOwnedPods(namespace, owner, pods) {
  const sorted = [...pods].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const first = sorted[0];
  const ports = /* @__PURE__ */ new Map();
  for (const port2 of sorted.flatMap((pod) => pod.ports))
    ports.set(`${port2.name ?? ""}/${port2.port}/${port2.protocol}`, port2);
  return {
    workload: {
      id: workloadId(namespace, owner.kind, owner.name),
      namespace,
      kind: owner.kind,
      name: owner.name,
      labels: first.labels,
      ports: [...ports.values()],
      ips: [...new Set(sorted.flatMap((pod) => pod.ips))],
      loc: first.loc
    },
    differingLabels: differingKeys(sorted.map((pod) => pod.labels))
  };
}
function differingKeys(labelSets) {
  const keys = new Set(labelSets.flatMap((labels) => Object.keys(labels)));
  const first = labelSets[0] ?? {};
  return [...keys].filter((key) => labelSets.some((labels) => labels[key] !== first[key])).sort();
}

// src/model/build.ts
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
function buildModel(objects, options = {}) {
  const defaultNamespace = options.defaultNamespace ?? "default";
  const diagnostics = [];
  const declaredNamespaces = /* @__PURE__ */ new Map();
  const workloads = /* @__PURE__ */ new Map();
  const ownedPods = /* @__PURE__ */ new Map();
  const services = /* @__PURE__ */ new Map();
  const policies = /* @__PURE__ */ new Map();
  const addUnique = (map, key, item, reader) => {
    const first = map.get(key);
    if (!first) map.set(key, item);
    else {
      const where = first.loc ? ` (first at ${first.loc.file}:${first.loc.line})` : "";
      reader.report([], `is declared twice${where}; this copy is ignored`, "warning", "duplicate-object");
    }
  };
  for (const object of objects) {
    const reader = new FieldReader(object, diagnostics);
    if (object.kind === "Namespace") {
      addUnique(
        declaredNamespaces,
        object.name,
        {
          name: object.name,
          labels: namespaceLabels(object.name, reader.stringMap(["metadata", "labels"])),
          inferred: false,
          annotations: reader.stringMap(["metadata", "annotations"]),
          loc: object.loc
        },
        reader
      );
      continue;
    }
    if (!isWorkloadKind(object.kind) && object.kind !== "Service" && object.kind !== "NetworkPolicy")
      continue;
    const namespace = object.namespace ?? defaultNamespace;
    if (object.namespace === void 0) {
      reader.report(
        [],
        `has no metadata.namespace; it is placed in namespace "${namespace}"`,
        "info",
        "default-namespace"
      );
    }
    if (object.kind === "Service") {
      addUnique(services, `${namespace}/${object.name}`, readService(reader, namespace), reader);
    } else if (object.kind === "NetworkPolicy") {
      const policy = readOnce(
        policiesRead,
        object,
        namespace,
        diagnostics,
        (own) => readNetworkPolicy(own, namespace)
      );
      if (policy) addUnique(policies, policy.id, policy, reader);
    } else {
      const { workload, owner } = readOnce(
        workloadsRead,
        object,
        namespace,
        diagnostics,
        (own) => readWorkload(own, namespace)
      );
      if (!owner) {
        addUnique(workloads, workload.id, workload, reader);
        continue;
      }
      const key = workloadId(namespace, owner.kind, owner.name);
      const group = ownedPods.get(key) ?? { namespace, owner, pods: [] };
      group.pods.push(workload);
      ownedPods.set(key, group);
    }
  }
  for (const [id, { namespace, owner, pods }] of ownedPods) {
    const folded = foldOwnedPods(namespace, owner, pods);
    const declared = workloads.get(id);
    if (declared) {
      workloads.set(id, { ...declared, ips: [.../* @__PURE__ */ new Set([...declared.ips, ...folded.workload.ips])] });
      continue;
    }
    workloads.set(id, folded.workload);
    if (folded.differingLabels.length > 0) {
      const { file, line, column } = folded.workload.loc;
      diagnostics.push({
        severity: "warning",
        code: "owner-labels-differ",
        message: `Pods of ${owner.kind} ${owner.name} have different values for label(s) ${folded.differingLabels.join(", ")}; the analysis uses the labels of pod ${pods.map((p) => p.name).sort()[0]}`,
        file,
        line,
        column,
        resource: { kind: owner.kind, namespace, name: owner.name }
      });
    }
  }
  const model = {
    namespaces: collectNamespaces(declaredNamespaces, options.namespaceLabels ?? {}, [
      ...[...workloads.values()].map((w) => w.namespace),
      ...[...services.values()].map((s) => s.namespace),
      ...[...policies.values()].map((p) => p.namespace)
    ]),
    workloads: [...workloads.values()],
    services: [...services.values()],
    policies: [...policies.values()]
  };
  return { model, diagnostics };
}
function readOnce(cache, object, namespace, diagnostics, read) {
  let reading = cache.get(object);
  if (reading?.namespace !== namespace) {
    const own = [];
    reading = { namespace, value: read(new FieldReader(object, own)), diagnostics: own };
    cache.set(object, reading);
  }
  for (const diagnostic of reading.diagnostics) diagnostics.push(diagnostic);
  return reading.value;
}
var policiesRead = /* @__PURE__ */ new WeakMap();
var workloadsRead = /* @__PURE__ */ new WeakMap();
function namespaceLabels(name, declared) {
  return { ...declared, [NAMESPACE_NAME_LABEL]: name };
}
function namespaceLabelsOf(model, namespace) {
  return model.namespaces.get(namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: namespace };
}
function collectNamespaces(declared, configured, referenced) {
  const namespaces = /* @__PURE__ */ new Map();
  for (const name of [.../* @__PURE__ */ new Set([...declared.keys(), ...Object.keys(configured), ...referenced])].sort()) {
    const own = declared.get(name);
    const labels = namespaceLabels(name, { ...configured[name], ...own?.labels });
    namespaces.set(name, own ? { ...own, labels } : { name, labels, inferred: true });
  }
  return namespaces;
}
function readService(reader, namespace) {
  const selector = reader.get(["spec", "selector"]) === void 0 ? void 0 : reader.stringMap(["spec", "selector"]);
  const clusterIPs = /* @__PURE__ */ new Set();
  for (const ip of [reader.string(["spec", "clusterIP"]), ...reader.array(["spec", "clusterIPs"]) ?? []]) {
    if (typeof ip === "string" && ip !== "" && ip !== "None") clusterIPs.add(ip);
  }
  const ports = [];
  (reader.array(["spec", "ports"]) ?? []).forEach((_, i) => {
    const path7 = ["spec", "ports", i];
    const port2 = reader.port([...path7, "port"]);
    const protocol = reader.string([...path7, "protocol"]) ?? "TCP";
    const name = reader.string([...path7, "name"]);
    const rawTarget = reader.get([...path7, "targetPort"]);
    if (port2 === void 0) return;
    if (!PROTOCOLS.includes(protocol)) {
      reader.report(
        [...path7, "protocol"],
        `protocol must be one of ${PROTOCOLS.join(", ")}; this port is left out`
      );
      return;
    }
    let targetPort = port2;
    if (typeof rawTarget === "number" || typeof rawTarget === "string") targetPort = rawTarget;
    else if (rawTarget !== void 0)
      reader.report([...path7, "targetPort"], "targetPort must be a number or a port name");
    ports.push({ ...name !== void 0 ? { name } : {}, port: port2, targetPort, protocol });
  });
  return {
    namespace,
    name: reader.object.name,
    ...selector ? { selector } : {},
    clusterIPs: [...clusterIPs],
    ports,
    loc: reader.object.loc
  };
}

// src/policy/selector.ts
var matchEverything = () => true;
function compileSelector(selector) {
  const checks = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    checks.push((labels) => hasLabel(labels, key) && labels[key] === value);
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const allowed = new Set(values);
    switch (operator) {
      case "In":
        checks.push((labels) => hasLabel(labels, key) && allowed.has(labels[key]));
        break;
      case "NotIn":
        checks.push((labels) => !hasLabel(labels, key) || !allowed.has(labels[key]));
        break;
      case "Exists":
        checks.push((labels) => hasLabel(labels, key));
        break;
      case "DoesNotExist":
        checks.push((labels) => !hasLabel(labels, key));
        break;
      default:
        return () => false;
    }
  }
  if (checks.length === 0) return matchEverything;
  return (labels) => checks.every((check) => check(labels));
}
function matchesSelector(selector, labels) {
  return compileSelector(selector)(labels);
}
function isEmptySelector(selector) {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
function hasLabel(labels, key) {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

// src/text/compare.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/rules/namespaces.ts
var SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
function dnsNamespaceName(config) {
  return config.dns.namespaceSelector.matchLabels?.[NAMESPACE_NAME_LABEL] ?? "kube-system";
}
function knownNamespaces(model, config) {
  const cached = knownNamespacesCache.get(model);
  if (cached?.config === config) return cached.namespaces;
  const byName = /* @__PURE__ */ new Map();
  for (const name of SYSTEM_NAMESPACES) byName.set(name, { [NAMESPACE_NAME_LABEL]: name });
  const dnsNamespace = dnsNamespaceName(config);
  byName.set(dnsNamespace, {
    ...labelsSatisfying(config.dns.namespaceSelector),
    [NAMESPACE_NAME_LABEL]: dnsNamespace
  });
  for (const [name, { labels }] of Object.entries(config.namespaces)) {
    byName.set(name, { ...labels, [NAMESPACE_NAME_LABEL]: name });
  }
  for (const namespace of model.namespaces.values()) {
    byName.set(namespace.name, { ...byName.get(namespace.name), ...namespace.labels });
  }
  const namespaces = [...byName].map(([name, labels]) => ({ name, labels }));
  knownNamespacesCache.set(model, { config, namespaces });
  return namespaces;
}
var labelKeysCache = /* @__PURE__ */ new WeakMap();
var knownNamespacesCache = /* @__PURE__ */ new WeakMap();
function namespacesAreManaged(model, config) {
  return Object.keys(config.namespaces).length > 0 || [...model.namespaces.values()].some((namespace) => !namespace.inferred);
}
function unknownNamespaceLabelKeys(selector, model, config) {
  const known = knownLabelKeys(model, config);
  return selectorKeys(selector).filter((key) => !known.has(key));
}
function knownLabelKeys(model, config) {
  const namespaces = knownNamespaces(model, config);
  let keys = labelKeysCache.get(namespaces);
  if (!keys) {
    keys = /* @__PURE__ */ new Set([NAMESPACE_NAME_LABEL, ...namespaces.flatMap(({ labels }) => Object.keys(labels))]);
    labelKeysCache.set(namespaces, keys);
  }
  return keys;
}
function matchingNamespaceNames(selector, model, config) {
  const namespaces = knownNamespaces(model, config);
  let index = namespaceIndexCache.get(namespaces);
  if (!index) {
    index = { byLabel: namespacesByLabel(namespaces), answers: /* @__PURE__ */ new Map() };
    namespaceIndexCache.set(namespaces, index);
  }
  const key = selectorKey(selector);
  let names = index.answers.get(key);
  if (!names) {
    const [required2] = Object.entries(selector.matchLabels ?? {});
    const candidates = required2 ? index.byLabel.get(labelKey(...required2)) ?? [] : namespaces;
    const matches = compileSelector(selector);
    names = candidates.filter(({ labels }) => matches(labels)).map(({ name }) => name).sort();
    index.answers.set(key, names);
  }
  return names;
}
var namespaceIndexCache = /* @__PURE__ */ new WeakMap();
function namespacesByLabel(namespaces) {
  const byLabel = /* @__PURE__ */ new Map();
  for (const namespace of namespaces) {
    for (const [key, value] of Object.entries(namespace.labels)) {
      const label = labelKey(key, value);
      const holders = byLabel.get(label);
      if (holders) holders.push(namespace);
      else byLabel.set(label, [namespace]);
    }
  }
  return byLabel;
}
function labelKey(key, value) {
  return JSON.stringify([key, value]);
}
function selectorKey(selector) {
  const matchLabels2 = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => compareText(a, b));
  const expressions = (selector.matchExpressions ?? []).map(({ key, operator, values }) => JSON.stringify([key, operator, [...values ?? []].sort()])).sort();
  return JSON.stringify([matchLabels2, expressions]);
}

// src/rules/dns-egress-missing.ts
function dnsPods(model, config) {
  const { dns } = config;
  const declared = model.workloads.filter((workload) => isDeclaredDnsPod(model, config, workload));
  if (declared.length > 0) return { pods: declared, description: describeWorkloads(declared, 2) };
  const namespace = [...model.namespaces.values()].find(
    (candidate) => matchesSelector(dns.namespaceSelector, candidate.labels)
  )?.name ?? dnsNamespaceName(config);
  const synthetic = {
    id: `${namespace}/Pod/cluster-dns`,
    namespace,
    kind: "Pod",
    name: "cluster-dns",
    labels: labelsSatisfying(dns.podSelector),
    ports: [
      { name: "dns", port: 53, protocol: "UDP" },
      { name: "dns-tcp", port: 53, protocol: "TCP" },
      { name: "metrics", port: 9153, protocol: "TCP" }
    ],
    ips: [],
    loc: { file: "", line: 0, column: 0 }
  };
  return {
    pods: [synthetic],
    description: `pods ${formatSelector(dns.podSelector)} in namespace ${namespace}`
  };
}
function isDeclaredDnsPod(model, config, workload) {
  const { dns } = config;
  return matchesSelector(dns.namespaceSelector, namespaceLabelsOf(model, workload.namespace)) && matchesSelector(dns.podSelector, workload.labels);
}
function ipBlockMayReachDns(engine, workload, protocol, port2, podCidrs) {
  const podRanges = podCidrs.flatMap((cidr) => cidrToRange(cidr) ?? []);
  return engine.selectingPolicies(workload, "egress").some(
    (policy) => policy.egress.some(
      (rule2) => ruleAdmitsPort(rule2, protocol, port2) && (rule2.peers ?? []).some((peer3) => {
        if (!peer3.ipBlock) return false;
        if (podRanges.length === 0) return true;
        return ipBlockRanges(peer3.ipBlock).some(
          (admitted) => podRanges.some((pods) => rangesOverlap(admitted, pods))
        );
      })
    )
  );
}
function reachesDns(ctx, workload, dnsTargets, protocol, port2) {
  return dnsTargets.some(
    (dns) => ctx.engine.sideAllows("egress", { workload }, { workload: dns }, protocol, port2)
  ) || dnsTargets.every((dns) => dns.ips.length === 0) && ipBlockMayReachDns(ctx.engine, workload, protocol, port2, ctx.config.cluster.podCidrs);
}
var dnsEgressMissing = {
  meta: {
    id: "dns-egress-missing",
    severity: "error",
    description: "An egress-isolated workload that no rule allows to reach the cluster DNS pods on UDP 53.",
    rationale: "Once a policy isolates a pod for egress, everything not allowed is dropped, DNS included. The pod can no longer resolve Service names: every outgoing call fails, usually as a timeout far from the policy that caused it. DNS also falls back to TCP 53 for large answers, so UDP alone breaks intermittently.",
    remediation: "Allow egress to the DNS pods on UDP and TCP 53, for the whole namespace in a separate policy so every isolated pod gets it. If your DNS pods carry other labels, set `dns:` in `.netpol-guard.yaml`.",
    example: [
      "apiVersion: networking.k8s.io/v1",
      "kind: NetworkPolicy",
      "metadata:",
      "  name: allow-dns",
      "  namespace: shop",
      "spec:",
      "  podSelector: {}",
      "  policyTypes: [Egress]",
      "  egress:",
      "    - to:",
      "        - namespaceSelector:",
      "            matchLabels: { kubernetes.io/metadata.name: kube-system }",
      "          podSelector:",
      "            matchLabels: { k8s-app: kube-dns }",
      "      ports:",
      "        - { protocol: UDP, port: 53 }",
      "        - { protocol: TCP, port: 53 }"
    ].join("\n")
  },
  check(ctx) {
    const { dns } = ctx.config;
    const { pods: targets, description: dnsDescription } = dnsPods(ctx.model, ctx.config);
    const dnsIds = new Set(targets.map((workload) => workload.id));
    const required2 = dns.ports.filter((port2) => port2.protocol === "UDP");
    const advised = dns.ports.filter((port2) => port2.protocol !== "UDP");
    const groups = /* @__PURE__ */ new Map();
    const answers = /* @__PURE__ */ new Map();
    const reaches = (workload, policies, protocol, port2) => {
      const key = `${protocol} ${port2}\0${policies.map((policy) => policy.id).join("\0")}`;
      let answer = answers.get(key);
      if (answer === void 0) {
        answer = reachesDns(ctx, workload, targets, protocol, port2);
        answers.set(key, answer);
      }
      return answer;
    };
    for (const workload of ctx.model.workloads) {
      if (dnsIds.has(workload.id)) continue;
      const policies = ctx.engine.selectingPolicies(workload, "egress");
      if (policies.length === 0) continue;
      if (required2.every(({ protocol, port: port2 }) => reaches(workload, policies, protocol, port2))) continue;
      const [isolating] = [...policies].sort(compareIsolating);
      if (!isolating) continue;
      const group = groups.get(isolating) ?? {
        policies: /* @__PURE__ */ new Set(),
        workloads: [],
        advisedMissing: /* @__PURE__ */ new Set()
      };
      for (const policy of policies) group.policies.add(policy);
      group.workloads.push(workload);
      for (const { protocol, port: port2 } of advised) {
        if (!reaches(workload, policies, protocol, port2)) group.advisedMissing.add(`${protocol} ${port2}`);
      }
      groups.set(isolating, group);
    }
    const requiredText = required2.map(({ protocol, port: port2 }) => `${protocol} ${port2}`).join(", ");
    for (const [isolating, { policies, workloads, advisedMissing }] of groups) {
      const others = [...policies].filter((policy) => policy !== isolating).sort(compareIsolating);
      const alsoSelecting = others.length > 0 ? ` (also selected by ${shortList(
        others.map((policy) => policy.id),
        3
      )})` : "";
      const tcpNote = advisedMissing.size > 0 ? `; ${sortedUnique(advisedMissing).join(", ")} is not allowed either (warning: large answers use TCP)` : "";
      ctx.report({
        policy: isolating,
        path: isolating.policyTypesDeclared ? ["spec", "policyTypes"] : ["spec", "egress"],
        message: `${describeWorkloads(workloads)} cannot resolve names: ${isolating.id} isolates egress${alsoSelecting} and no rule allows ${requiredText} to the DNS pods (${dnsDescription})${tcpNote}`,
        related: others.map((policy) => ({
          ...policy.loc,
          message: `also selects these pods for egress: ${policy.id}`
        }))
      });
    }
  }
};
function compareIsolating(a, b) {
  const wide = Number(isEmptySelector(b.podSelector)) - Number(isEmptySelector(a.podSelector));
  return wide || (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line);
}

// src/rules/duplicate-policy.ts
var isDuplicatePolicy = (diagnostic) => diagnostic.code === "duplicate-object" && diagnostic.resource?.kind === "NetworkPolicy" && diagnostic.file !== void 0;
var duplicatePolicy = {
  meta: {
    id: "duplicate-policy",
    severity: "error",
    description: "Two NetworkPolicies with the same namespace and name.",
    rationale: "Both manifests describe one object: whichever is applied last replaces the other, so one of the two reviewed policies never exists in the cluster, and which one depends on file order. (The analysis keeps the first one.)",
    remediation: "Rename one of them, or merge their rules into a single policy.",
    example: [
      "metadata:",
      '  name: allow-frontend-metrics   # was "allow-frontend", like the policy in frontend.yaml',
      "  namespace: shop"
    ].join("\n"),
    suppressibleByAnnotation: false,
    consumesDiagnostic: isDuplicatePolicy
  },
  check(ctx) {
    for (const diagnostic of ctx.diagnostics) {
      const { file, resource } = diagnostic;
      if (!isDuplicatePolicy(diagnostic) || file === void 0 || !resource) continue;
      const first = ctx.model.policies.find(
        (policy) => policy.name === resource.name && (resource.namespace ?? policy.namespace) === policy.namespace
      );
      const id = first?.id ?? resource.name;
      ctx.report({
        at: { file, line: diagnostic.line ?? 1, column: diagnostic.column ?? 1 },
        resource: {
          kind: "NetworkPolicy",
          namespace: first?.namespace ?? resource.namespace,
          name: resource.name
        },
        message: first ? `NetworkPolicy ${id} is already defined at ${first.loc.file}:${first.loc.line}: the one applied last replaces the other (this analysis keeps the first)` : `NetworkPolicy ${id} is defined twice: the one applied last replaces the other`,
        related: first ? [{ ...first.loc, message: `first definition of ${id}` }] : []
      });
    }
  }
};

// src/rules/ipblock-covers-cluster.ts
var ipblockCoversCluster = {
  meta: {
    id: "ipblock-covers-cluster",
    severity: "info",
    description: "An ipBlock that covers the configured pod or Service CIDRs (`cluster.podCidrs`, `cluster.serviceCidrs`).",
    rationale: "Kubernetes defines ipBlock for traffic leaving or entering the cluster. Pod IPs change on every restart and CNIs differ on whether an ipBlock matches pod traffic at all; Service IPs are translated to pod IPs before policies are evaluated, so a Service CIDR in an ipBlock allows nothing. Either way the rule does not mean what it reads as.",
    remediation: "Select in-cluster peers with `namespaceSelector`/`podSelector`; keep ipBlocks for external ranges (except the cluster ranges from broad blocks).",
    example: [
      "egress:",
      "  - to:",
      "      - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: data } }",
      "        podSelector: { matchLabels: { app: postgres } }   # instead of ipBlock 10.96.0.0/12"
    ].join("\n")
  },
  check(ctx) {
    const clusterRanges = [
      ...ctx.config.cluster.podCidrs.map((cidr) => ({ cidr, what: "pod CIDR" })),
      ...ctx.config.cluster.serviceCidrs.map((cidr) => ({ cidr, what: "Service CIDR" }))
    ].flatMap(({ cidr, what }) => {
      const range2 = cidrToRange(cidr);
      return range2 ? [{ cidr, what, range: range2 }] : [];
    });
    if (clusterRanges.length === 0) return;
    for (const { policy, peer: peer3 } of policyPeers(ctx.model)) {
      if (!peer3.ipBlock || peer3.ipBlock.cidr.endsWith("/0")) continue;
      const admitted = ipBlockRanges(peer3.ipBlock);
      const covered = clusterRanges.filter(
        ({ range: range2 }) => admitted.some((part) => rangesOverlap(part, range2))
      );
      if (covered.length === 0) continue;
      ctx.report({
        policy,
        path: subPath(peer3.path, "ipBlock", "cidr"),
        message: `ipBlock ${peer3.ipBlock.cidr} covers ${covered.map(({ cidr, what }) => `${what} ${cidr}`).join(", ")}: in-cluster traffic should be selected with namespaceSelector/podSelector (pod IPs change, Service IPs are translated before policies apply)`
      });
    }
  }
};

// src/rules/ipblock-metadata-endpoint.ts
var METADATA_ENDPOINTS = ["169.254.169.254", "fd00:ec2::254"];
var METADATA_PORT = 80;
var ipblockMetadataEndpoint = {
  meta: {
    id: "ipblock-metadata-endpoint",
    severity: "warning",
    description: "Egress allowed to the cloud metadata endpoint 169.254.169.254 (or fd00:ec2::254).",
    rationale: "The metadata service hands out the node's cloud credentials and bootstrap secrets. A pod that can reach it can usually act as the node in the cloud account: this is the classic pivot after a server-side request forgery. Broad blocks (`0.0.0.0/0`, `169.254.0.0/16`) include it unless they except it.",
    remediation: "Except the endpoint from the ipBlock (and keep a default deny for egress so nothing else allows it).",
    example: [
      "egress:",
      "  - to:",
      "      - ipBlock:",
      "          cidr: 0.0.0.0/0",
      "          except: [10.0.0.0/8, 169.254.169.254/32]",
      "    ports: [{ protocol: TCP, port: 443 }]"
    ].join("\n")
  },
  check(ctx) {
    for (const { policy, direction, rule: rule2, peer: peer3 } of policyPeers(ctx.model)) {
      if (direction !== "egress" || !peer3.ipBlock || !ruleAdmitsPort(rule2, "TCP", METADATA_PORT)) continue;
      const block = peer3.ipBlock;
      const admitted = ipBlockRanges(block);
      const endpoint = METADATA_ENDPOINTS.find((address) => {
        const target2 = addressToRange(address);
        return target2 !== void 0 && admitted.some((range2) => rangeContains(range2, target2));
      });
      if (!endpoint) continue;
      ctx.report({
        policy,
        path: subPath(peer3.path, "ipBlock", "cidr"),
        message: `egress to ${block.cidr} includes the cloud metadata endpoint ${endpoint} (TCP ${METADATA_PORT}): the selected pods can fetch the node's credentials; add ${endpoint}/${endpoint.includes(":") ? 128 : 32} to except`
      });
    }
  }
};

// src/rules/ipblock-world.ts
var ipblockWorld = {
  meta: {
    id: "ipblock-world",
    severity: "warning",
    description: "An ipBlock of `0.0.0.0/0` or `::/0`: traffic to or from the whole Internet.",
    rationale: "A /0 block admits every address there is: any host on the Internet for ingress, any destination (data exfiltration, command and control) for egress. It is sometimes right (a public entry point) but should never arrive unnoticed in a pull request.",
    remediation: "Narrow the block to the addresses that are really needed (a partner range, a NAT gateway), or, for a public entry point, document it with a suppression annotation and restrict the ports.",
    example: [
      "egress:",
      "  - to:",
      "      - ipBlock: { cidr: 203.0.113.0/24 }   # the card processor, not 0.0.0.0/0",
      "    ports: [{ protocol: TCP, port: 443 }]"
    ].join("\n")
  },
  check(ctx) {
    for (const { policy, direction, peer: peer3 } of policyPeers(ctx.model)) {
      if (!peer3.ipBlock) continue;
      if (!peer3.ipBlock.cidr.endsWith("/0") || !cidrToRange(peer3.ipBlock.cidr)) continue;
      const except = peer3.ipBlock.except.length > 0 ? ` (except ${peer3.ipBlock.except.join(", ")})` : "";
      ctx.report({
        policy,
        path: subPath(peer3.path, "ipBlock", "cidr"),
        message: direction === "ingress" ? `ingress from ${peer3.ipBlock.cidr}${except}: any address on the Internet may connect` : `egress to ${peer3.ipBlock.cidr}${except}: the pods may connect to any address on the Internet`
      });
    }
  }
};

// src/rules/named-port-undefined.ts
var namedPortUndefined = {
  meta: {
    id: "named-port-undefined",
    severity: "warning",
    description: "A named port that no selected destination pod declares.",
    rationale: "A named port (`port: http`) is looked up in the destination pod's `containerPorts`: for ingress the pods the policy selects, for egress the pods the peers select. When none of them declares the name with that protocol, the rule matches no traffic at all, and the connection it was written for is dropped.",
    remediation: "Use the name the pods declare (or the port number), or add the name to the container's `ports`.",
    example: [
      "# the pod template declares the name",
      "containers:",
      "  - name: api",
      "    ports:",
      "      - { name: http, containerPort: 8080 }",
      "# and the policy uses the same name",
      "ingress:",
      "  - ports: [{ protocol: TCP, port: http }]"
    ].join("\n")
  },
  check(ctx) {
    for (const visit of policyRules(ctx.model)) {
      for (const policyPort of visit.rule.ports ?? []) {
        const name = policyPort.port;
        if (typeof name !== "string") continue;
        const destinations = destinationWorkloads(ctx.engine, visit);
        if (destinations.length === 0) continue;
        const declares = destinations.some(
          (workload) => workload.ports.some((port2) => port2.name === name && port2.protocol === policyPort.protocol)
        );
        if (declares) continue;
        const declared = sortedUnique(
          destinations.flatMap(
            (workload) => workload.ports.flatMap((port2) => port2.name ? [`${port2.name}/${port2.protocol}`] : [])
          )
        );
        const known = declared.length > 0 ? `they declare ${declared.join(", ")}` : "they declare no named port";
        ctx.report({
          policy: visit.policy,
          path: subPath(policyPort.path, "port"),
          message: `no ${visit.direction === "ingress" ? "selected" : "destination"} pod declares a ${policyPort.protocol} port named "${name}" (${describeWorkloads(destinations)}; ${known}): this port matches no traffic`
        });
      }
    }
  }
};

// src/rules/namespace-label-unknown.ts
var namespaceLabelUnknown = {
  meta: {
    id: "namespace-label-unknown",
    severity: "warning",
    description: "A namespaceSelector on a label key that no Namespace declares.",
    rationale: "Namespaces only carry the labels someone put on them, plus `kubernetes.io/metadata.name`. Selecting on `name: monitoring` or `team: data` when no Namespace has that label matches no namespace, so the peer admits nothing and the traffic it was written for is dropped.",
    remediation: "Select on `kubernetes.io/metadata.name` (set by Kubernetes on every namespace), or add the label to the Namespace manifests. Namespaces that live outside the repository can be declared with their labels under `namespaces:` in `.netpol-guard.yaml`.",
    example: [
      "ingress:",
      "  - from:",
      "      - namespaceSelector:",
      "          matchLabels: { kubernetes.io/metadata.name: monitoring }   # not { name: monitoring }"
    ].join("\n")
  },
  check(ctx) {
    if (!namespacesAreManaged(ctx.model, ctx.config)) return;
    const names = new Set(knownNamespaces(ctx.model, ctx.config).map(({ name }) => name));
    for (const { policy, peer: peer3 } of policyPeers(ctx.model)) {
      const selector = peer3.namespaceSelector;
      if (!selector) continue;
      for (const key of unknownNamespaceLabelKeys(selector, ctx.model, ctx.config)) {
        const value = selector.matchLabels?.[key];
        const expressionIndex = (selector.matchExpressions ?? []).findIndex(
          (expression) => expression.key === key
        );
        const path7 = value !== void 0 ? subPath(peer3.path, "namespaceSelector", "matchLabels", key) : subPath(peer3.path, "namespaceSelector", "matchExpressions", expressionIndex, "key");
        const suggestion = value !== void 0 && names.has(value) ? `; did you mean ${NAMESPACE_NAME_LABEL}: ${value}?` : `; select on ${NAMESPACE_NAME_LABEL} or declare the label`;
        ctx.report({
          policy,
          path: path7,
          message: `no Namespace has the label "${key}", so this namespaceSelector cannot match as intended${suggestion}`
        });
      }
    }
  }
};

// src/rules/namespace-selector-all.ts
var namespaceSelectorAll = {
  meta: {
    id: "namespace-selector-all",
    severity: "warning",
    description: "A peer `namespaceSelector: {}` without a `podSelector`: every pod of every namespace.",
    rationale: "An empty namespaceSelector matches all namespaces, including ones created later by other teams. Without a podSelector in the same item, every pod in the cluster is admitted: namespace isolation is gone for these pods.",
    remediation: "Name the namespaces (`kubernetes.io/metadata.name`, or a team label), and add a podSelector in the same item for the pods that really need access. If every namespace is meant (a cluster-wide scraper), say so with a suppression annotation.",
    example: [
      "ingress:",
      "  - from:",
      "      - namespaceSelector:",
      "          matchLabels: { kubernetes.io/metadata.name: reporting }",
      "        podSelector:",
      "          matchLabels: { app: report-builder }"
    ].join("\n")
  },
  check(ctx) {
    for (const { policy, direction, peer: peer3 } of policyPeers(ctx.model)) {
      if (peerShape(peer3) !== "namespace-only" || !peer3.namespaceSelector || !isEmptySelector(peer3.namespaceSelector)) {
        continue;
      }
      ctx.report({
        policy,
        path: subPath(peer3.path, "namespaceSelector"),
        message: `${peerKey(direction)}: namespaceSelector {} without podSelector admits every pod of every namespace, including namespaces created later`
      });
    }
  }
};

// src/rules/namespace-without-default-deny.ts
function isDefaultDeny(policy, direction) {
  return isEmptySelector(policy.podSelector) && policy.types[direction] && !policy[direction].some((rule2) => rule2.peers === void 0 && rule2.ports === void 0);
}
var namespaceWithoutDefaultDeny = {
  meta: {
    id: "namespace-without-default-deny",
    severity: "info",
    description: "A namespace with workloads and no default-deny policy for ingress and/or egress.",
    rationale: 'Pods that no policy selects accept and send everything. Per-workload policies protect only the pods they name: the next Deployment added to the namespace, or a pod whose labels drift, is wide open. A default deny (`podSelector: {}` with the direction in `policyTypes` and no allow-all rule) makes "closed" the default.',
    remediation: "Add a default-deny policy to the namespace, then allow what each workload needs (remember DNS for egress).",
    example: [
      "apiVersion: networking.k8s.io/v1",
      "kind: NetworkPolicy",
      "metadata:",
      "  name: default-deny",
      "  namespace: shop",
      "spec:",
      "  podSelector: {}",
      "  policyTypes: [Ingress, Egress]"
    ].join("\n"),
    suppressibleByAnnotation: "Namespace"
  },
  check(ctx) {
    const contents = byNamespace(ctx.model);
    for (const namespace of ctx.model.namespaces.values()) {
      const workloads = contents.workloads.get(namespace.name) ?? [];
      const first = workloads[0];
      if (!first) continue;
      const policies = contents.policies.get(namespace.name) ?? [];
      const missing = DIRECTIONS.filter(
        (direction) => !policies.some((policy) => isDefaultDeny(policy, direction))
      );
      if (missing.length === 0) continue;
      const message = `namespace ${namespace.name} has ${workloads.length} workload${workloads.length === 1 ? "" : "s"} and no default-deny for ${missing.join(" and ")}: pods no policy selects are open in that direction`;
      if (namespace.loc) ctx.report({ namespace, message });
      else ctx.report({ at: first.loc, resource: { kind: "Namespace", name: namespace.name }, message });
    }
  }
};

// src/rules/peer-and-or-split.ts
var peerAndOrSplit = {
  meta: {
    id: "peer-and-or-split",
    severity: "warning",
    description: "A `from`/`to` list with a namespaceSelector-only item next to a podSelector-only item: OR where AND was likely meant.",
    rationale: 'Items of a `from`/`to` list are alternatives (OR); selectors inside one item must all match (AND). `- namespaceSelector: ...` followed by `- podSelector: ...` admits every pod of those namespaces, plus the matching pods of the policy\'s own namespace, which is far wider than the "these pods in that namespace" it looks like.',
    remediation: "Put both selectors in one item (remove the `-` before the second). If OR is what you meant, keep it and document it with a suppression annotation.",
    example: [
      "ingress:",
      "  - from:",
      "      - namespaceSelector:",
      "          matchLabels: { kubernetes.io/metadata.name: shop }",
      "        podSelector:              # same item: AND",
      "          matchLabels: { app: checkout }"
    ].join("\n")
  },
  check(ctx) {
    for (const { policy, direction, rule: rule2 } of policyRules(ctx.model)) {
      for (const [namespacePeer, podPeer, later] of andOrSplits(rule2.peers ?? [])) {
        if (!namespacePeer.namespaceSelector || !podPeer.podSelector) continue;
        const combined = {
          namespaceSelector: namespacePeer.namespaceSelector,
          podSelector: podPeer.podSelector,
          path: later.path
        };
        const namespaceText = formatSelector(namespacePeer.namespaceSelector);
        const podText = formatSelector(podPeer.podSelector);
        const namespaceWorkloads = ctx.engine.peerWorkloads(policy, namespacePeer);
        const podWorkloads = ctx.engine.peerWorkloads(policy, podPeer);
        const andWorkloads = ctx.engine.peerWorkloads(policy, combined);
        ctx.report({
          policy,
          path: later.path,
          message: `"${peerKey(direction)}" has namespaceSelector ${namespaceText} and podSelector ${podText} as separate items, which is OR: every pod of those namespaces (${describeWorkloads(namespaceWorkloads)}) or pods ${podText} of ${policy.namespace} (${describeWorkloads(podWorkloads)}). In one item (AND) they would admit ${describeWorkloads(andWorkloads)}`
        });
      }
    }
  }
};

// src/rules/peer-selects-nothing.ts
var peerSelectsNothing = {
  meta: {
    id: "peer-selects-nothing",
    severity: "warning",
    description: "A `from`/`to` peer that matches no known pod or namespace (ipBlock peers excluded).",
    rationale: "A peer whose selectors match nothing admits no traffic. It is almost always a typo or a stale label, and the connection it was meant to allow fails in production. Only namespaces and pods the repository (or config) shows are judged, so pods deployed from elsewhere do not raise it.",
    remediation: "Fix the selector to labels the pods (`spec.template.metadata.labels`) or namespaces carry. Declare namespaces that live outside the repository under `namespaces:` in `.netpol-guard.yaml`.",
    example: [
      "egress:",
      "  - to:",
      "      - namespaceSelector:",
      "          matchLabels: { kubernetes.io/metadata.name: data }",
      "        podSelector:",
      "          matchLabels: { app: postgres }   # was app: postgress"
    ].join("\n")
  },
  check(ctx) {
    const managed = namespacesAreManaged(ctx.model, ctx.config);
    for (const { policy, direction, rule: rule2, peer: peer3 } of policyPeers(ctx.model)) {
      if (isInAndOrSplit(rule2.peers ?? [], peer3)) continue;
      const shape = peerShape(peer3);
      const key = peerKey(direction);
      if (shape === "pod-only" && peer3.podSelector) {
        if (!hasKnownWorkloads(ctx.model, policy.namespace)) continue;
        if (ctx.engine.peerWorkloads(policy, peer3).length > 0) continue;
        if (podSelectorMatchesElsewhere(ctx.engine, policy, peer3).length > 0) continue;
        ctx.report({
          policy,
          path: subPath(peer3.path, "podSelector"),
          message: `${key}: podSelector ${formatSelector(peer3.podSelector)} matches no pod of namespace ${policy.namespace}`
        });
        continue;
      }
      const namespaceSelector = peer3.namespaceSelector;
      if (!namespaceSelector || shape !== "namespace-only" && shape !== "namespace-and-pod") continue;
      const namespaces = matchingNamespaceNames(namespaceSelector, ctx.model, ctx.config);
      if (namespaces.length === 0) {
        if (!managed || unknownNamespaceLabelKeys(namespaceSelector, ctx.model, ctx.config).length > 0)
          continue;
        ctx.report({
          policy,
          path: subPath(peer3.path, "namespaceSelector"),
          message: `${key}: namespaceSelector ${formatSelector(namespaceSelector)} matches no known namespace (declare namespaces that live outside the repository under \`namespaces:\` in .netpol-guard.yaml)`
        });
        continue;
      }
      if (shape !== "namespace-and-pod" || !peer3.podSelector) continue;
      if (!namespaces.every((namespace) => hasKnownWorkloads(ctx.model, namespace))) continue;
      if (ctx.engine.peerWorkloads(policy, peer3).length > 0) continue;
      ctx.report({
        policy,
        path: subPath(peer3.path, "podSelector"),
        message: `${key}: podSelector ${formatSelector(peer3.podSelector)} matches no pod in namespace${namespaces.length === 1 ? "" : "s"} ${namespaces.join(", ")}`
      });
    }
  }
};

// src/rules/policy-missing-namespace.ts
var policyMissingNamespace = {
  meta: {
    id: "policy-missing-namespace",
    severity: "info",
    description: "A NetworkPolicy without `metadata.namespace`.",
    rationale: "A NetworkPolicy only acts in its own namespace. Without `metadata.namespace` it is created in whatever namespace `kubectl`, Helm or Argo CD uses at apply time, which may not be the one whose pods it was written for.",
    remediation: "State the namespace in the manifest (or make sure your kustomization sets `namespace:`).",
    example: ["metadata:", "  name: allow-frontend", "  namespace: shop"].join("\n")
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      if (policy.namespaceDeclared) continue;
      ctx.report({
        policy,
        path: ["metadata", "name"],
        message: `NetworkPolicy ${policy.name} has no metadata.namespace: it is created in the namespace of the apply context (analysed here as "${policy.namespace}")`
      });
    }
  }
};

// src/rules/policy-selects-nothing.ts
var policySelectsNothing = {
  meta: {
    id: "policy-selects-nothing",
    severity: "warning",
    description: "The policy's podSelector matches no known workload of its namespace.",
    rationale: "A policy applies only to the pods its podSelector selects. When it matches none (a typo, a label renamed in the Deployment but not in the policy), the pods it was written for are not isolated and not protected, and nothing says so.",
    remediation: "Fix the selector to the labels of the pod template (`spec.template.metadata.labels`).",
    example: [
      "spec:",
      "  podSelector:",
      "    matchLabels: { app: payments-api }   # the Deployment's template labels"
    ].join("\n")
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      if (isEmptySelector(policy.podSelector) || !hasKnownWorkloads(ctx.model, policy.namespace)) continue;
      if (ctx.engine.policyWorkloads(policy).length > 0) continue;
      const inNamespace = ctx.model.workloads.filter((workload) => workload.namespace === policy.namespace);
      const hints = selectorKeys(policy.podSelector).flatMap((key) => {
        const values = sortedUnique(inNamespace.flatMap((workload) => workload.labels[key] ?? []));
        return values.length > 0 ? [`${key} in use: ${values.join(", ")}`] : [];
      });
      ctx.report({
        policy,
        path: ["spec", "podSelector"],
        message: `podSelector ${formatSelector(policy.podSelector)} matches none of the ${inNamespace.length} workloads of namespace ${policy.namespace}: the policy protects nothing${hints.length > 0 ? ` (${hints.join("; ")})` : ""}`
      });
    }
  }
};

// src/rules/rules-ignored-by-policy-types.ts
var rulesIgnoredByPolicyTypes = {
  meta: {
    id: "rules-ignored-by-policy-types",
    severity: "error",
    description: "`ingress` or `egress` rules in a policy whose explicit `policyTypes` omits that direction.",
    rationale: "When `policyTypes` is written, Kubernetes only enforces the directions it lists: the rules of the other direction are ignored. The reviewer reads rules that allow traffic, and the cluster does not apply them (nor isolate the pods in that direction).",
    remediation: "Add the direction to `policyTypes`, or delete the rules that were not meant to apply.",
    example: [
      "spec:",
      "  podSelector: { matchLabels: { app: api } }",
      "  policyTypes: [Ingress, Egress]   # Egress was missing, so the egress rules below were ignored",
      "  egress:",
      "    - to: [{ podSelector: { matchLabels: { app: db } } }]"
    ].join("\n")
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      if (!policy.policyTypesDeclared) continue;
      for (const direction of DIRECTIONS) {
        const count3 = policy[direction].length;
        if (policy.types[direction] || count3 === 0) continue;
        const listed = DIRECTIONS.filter((type) => policy.types[type]).map(
          (type) => type[0]?.toUpperCase() + type.slice(1)
        );
        ctx.report({
          policy,
          path: ["spec", direction],
          message: `${count3} ${direction} rule${count3 === 1 ? " is" : "s are"} ignored: policyTypes is [${listed.join(", ")}] and does not list ${direction === "ingress" ? "Ingress" : "Egress"}`,
          related: [{ ...policy.locate(["spec", "policyTypes"]), message: "policyTypes" }]
        });
      }
    }
  }
};

// src/rules/schema.ts
var isApiRejection = (diagnostic) => (diagnostic.code === "schema" || diagnostic.code === "invalid-policy") && diagnostic.file !== void 0;
var schema = {
  meta: {
    id: "schema",
    severity: "error",
    description: "A NetworkPolicy that the Kubernetes API would reject (malformed selector, port, CIDR, policyType...).",
    rationale: "`kubectl apply` refuses the object, so the policy you reviewed never takes effect; and netpol-guard leaves it out of every analysis, so reachability and the other rules describe a cluster without it.",
    remediation: "Fix the field named in the message; `kubectl apply --dry-run=server -f FILE` shows the same error.",
    example: [
      "spec:",
      "  podSelector: {}",
      "  ingress:",
      "    - ports:",
      "        - protocol: TCP",
      '          port: 8080      # a number 1-65535 or an IANA_SVC_NAME, not "8080/tcp"'
    ].join("\n"),
    suppressibleByAnnotation: false,
    consumesDiagnostic: isApiRejection
  },
  check(ctx) {
    for (const diagnostic of ctx.diagnostics) {
      if (!isApiRejection(diagnostic) || diagnostic.file === void 0) continue;
      ctx.report({
        at: { file: diagnostic.file, line: diagnostic.line ?? 1, column: diagnostic.column ?? 1 },
        resource: diagnostic.resource ?? { kind: "NetworkPolicy", name: "" },
        message: diagnostic.message
      });
    }
  }
};

// src/rules/service-port-not-container-port.ts
function serviceSelects(service, workload) {
  const selector = service.selector;
  if (!selector || Object.keys(selector).length === 0 || service.namespace !== workload.namespace)
    return false;
  return Object.entries(selector).every(([key, value]) => workload.labels[key] === value);
}
function targetPortOn(servicePort, workload) {
  if (typeof servicePort.targetPort === "number") return servicePort.targetPort;
  return workload.ports.find(
    (port2) => port2.name === servicePort.targetPort && port2.protocol === servicePort.protocol
  )?.port;
}
var servicePortNotContainerPort = {
  meta: {
    id: "service-port-not-container-port",
    severity: "warning",
    description: "A numeric port equal to a Service's `port` whose pods listen on a different `targetPort`.",
    rationale: "NetworkPolicies see the packet after kube-proxy (or the CNI) has translated the Service address and port to a pod address and the targetPort. A rule on the Service port (80) therefore does not admit traffic that reaches the pod on its targetPort (8080): the connection the rule was written for is dropped.",
    remediation: "Allow the port the pods listen on (the Service's targetPort), or use the container port's name.",
    example: [
      "# Service web: port 80 -> targetPort 8080",
      "ingress:",
      "  - from: [{ podSelector: { matchLabels: { app: frontend } } }]",
      "    ports: [{ protocol: TCP, port: 8080 }]   # not 80"
    ].join("\n")
  },
  check(ctx) {
    for (const visit of policyRules(ctx.model)) {
      for (const policyPort of visit.rule.ports ?? []) {
        const port2 = policyPort.port;
        if (typeof port2 !== "number" || policyPort.endPort !== void 0) continue;
        const mismatches = [];
        for (const workload of destinationWorkloads(ctx.engine, visit)) {
          const listensOnPort = workload.ports.some(
            (p) => p.port === port2 && p.protocol === policyPort.protocol
          );
          if (listensOnPort) continue;
          for (const service of ctx.model.services) {
            if (!serviceSelects(service, workload)) continue;
            for (const servicePort of service.ports) {
              if (servicePort.port !== port2 || servicePort.protocol !== policyPort.protocol) continue;
              const targetPort = targetPortOn(servicePort, workload);
              if (targetPort === void 0 || targetPort === port2) continue;
              const admitsTarget = visit.rule.ports?.some(
                (other) => portAdmitsOnPod(other, policyPort.protocol, targetPort, workload)
              );
              if (admitsTarget) continue;
              mismatches.push({ service, workload, targetPort });
            }
          }
        }
        const first = mismatches[0];
        if (!first) continue;
        const targets = [...new Set(mismatches.map(({ targetPort }) => targetPort))].sort((a, b) => a - b);
        ctx.report({
          policy: visit.policy,
          path: subPath(policyPort.path, "port"),
          message: `${policyPort.protocol} ${port2} is the port of Service ${first.service.namespace}/${first.service.name}; its pods (${describeWorkloads(mismatches.map(({ workload }) => workload))}) receive the traffic on ${targets.join(", ")}: policies see the pod port after translation, so allow ${targets.join(", ")}`,
          related: [
            { ...first.service.loc, message: `Service ${first.service.namespace}/${first.service.name}` }
          ]
        });
      }
    }
  }
};

// src/rules/index.ts
var rules = [
  dnsEgressMissing,
  rulesIgnoredByPolicyTypes,
  duplicatePolicy,
  schema,
  namespaceSelectorAll,
  allowAllPeer,
  peerAndOrSplit,
  crossNamespacePodSelector,
  policySelectsNothing,
  peerSelectsNothing,
  namespaceLabelUnknown,
  namedPortUndefined,
  servicePortNotContainerPort,
  ipblockWorld,
  ipblockMetadataEndpoint,
  ipblockCoversCluster,
  namespaceWithoutDefaultDeny,
  policyMissingNamespace
];

// src/flows/read.ts
import { isAbsolute, relative, resolve, sep } from "node:path";

// src/flows/values.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function parseJsonLine(text, terminated) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { reason: terminated ? "not JSON" : "truncated last line (not complete JSON)" };
  }
}
function isPort(value) {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}
function splitLabel(text) {
  const equals = text.indexOf("=");
  return equals < 0 ? [text, ""] : [text.slice(0, equals), text.slice(equals + 1)];
}
function shown(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// src/flows/aggregate.ts
function canonicalEndpoint(endpoint) {
  const identity = {};
  if (endpoint.namespace !== void 0) identity.namespace = endpoint.namespace;
  const labels = endpoint.labels && sortedLabels(endpoint.labels);
  if (labels) identity.labels = labels;
  if (endpoint.workload) {
    identity.workload = endpoint.workload.kind === void 0 ? { name: endpoint.workload.name } : { kind: endpoint.workload.kind, name: endpoint.workload.name };
  }
  if (endpoint.reserved !== void 0) identity.reserved = endpoint.reserved;
  if (endpoint.ip !== void 0 && identifiedByAddress(endpoint)) identity.ip = endpoint.ip;
  const key = JSON.stringify(identity);
  const namespaceLabels2 = endpoint.namespaceLabels && sortedLabels(endpoint.namespaceLabels);
  return { endpoint: namespaceLabels2 ? { ...identity, namespaceLabels: namespaceLabels2 } : identity, key };
}
function identifiedByAddress(endpoint) {
  const labelled = endpoint.labels !== void 0 && Object.keys(endpoint.labels).length > 0;
  return !labelled && !endpoint.workload && (endpoint.reserved === void 0 || endpoint.reserved === "world");
}
function sortedLabels(labels) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return void 0;
  entries.sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries);
}
function connectionKey(flow) {
  return `${canonicalEndpoint(flow.from).key}\0${canonicalEndpoint(flow.to).key}\0${flow.protocol}\0${flow.port}`;
}
var FlowAggregator = class {
  /** Every entry, with the ids of its two endpoints (which order the result). */
  entries = [];
  /**
   * The entries of each source endpoint (by id), by `destinationKey`: a record is looked up here for every line
   * counted, and a number is the cheapest key to hash and compare.
   */
  bySource = [];
  /** Readers hand the same endpoint object for the same pod again and again: canonicalised once each. */
  canonical = /* @__PURE__ */ new WeakMap();
  endpointIds = /* @__PURE__ */ new Map();
  /** Each endpoint's key, by id. */
  endpointKeys = [];
  /** Adds one record and returns the entry it went into (a reader may extend that entry's window later). */
  add(flow) {
    const from = this.canonicalOf(flow.from);
    const to = this.canonicalOf(flow.to);
    const fromSource = this.bySource[from.id] ??= /* @__PURE__ */ new Map();
    const key = destinationKey(to.id, flow);
    let entry = fromSource.get(key);
    if (!entry) {
      entry = {
        from: from.endpoint,
        to: to.endpoint,
        protocol: flow.protocol,
        port: flow.port,
        verdict: flow.verdict,
        count: 0,
        records: 0
      };
      fromSource.set(key, entry);
      this.entries.push({ entry, from: from.id, to: to.id });
    }
    entry.count += flow.count;
    entry.records++;
    if (flow.dropReason !== void 0) (entry.dropReasons ??= /* @__PURE__ */ new Set()).add(flow.dropReason);
    extendWindow(entry, flow.firstMs, flow.lastMs);
    return entry;
  }
  canonicalOf(endpoint) {
    let canonical = this.canonical.get(endpoint);
    if (!canonical) {
      const { endpoint: identity, key } = canonicalEndpoint(endpoint);
      let id = this.endpointIds.get(key);
      if (id === void 0) {
        id = this.endpointKeys.length;
        this.endpointIds.set(key, id);
        this.endpointKeys.push(key);
      }
      canonical = { endpoint: identity, key, id };
      this.canonical.set(endpoint, canonical);
    }
    return canonical;
  }
  /** Adds an entry of another aggregator (for readers that settle some records only at the end). */
  merge(other) {
    const entry = this.add(other);
    entry.records += other.records - 1;
    for (const reason of other.dropReasons ?? []) (entry.dropReasons ??= /* @__PURE__ */ new Set()).add(reason);
  }
  *values() {
    for (const { entry } of this.entries) yield entry;
  }
  /**
   * The aggregated flows in a stable order (by source and destination key, protocol, port as text, verdict) and the
   * window they span. The endpoints' keys are ranked once, so that sorting compares numbers where comparing keys
   * (long JSON texts sharing long prefixes) made the sort a tenth of a large read.
   */
  result() {
    let first;
    let last;
    for (const { entry } of this.entries) {
      if (entry.firstMs !== void 0 && (first === void 0 || entry.firstMs < first))
        first = entry.firstMs;
      if (entry.lastMs !== void 0 && (last === void 0 || entry.lastMs > last)) last = entry.lastMs;
    }
    const rank = new Int32Array(this.endpointKeys.length);
    this.endpointKeys.map((key, id) => ({ key, id })).sort((a, b) => compareText(a.key, b.key)).forEach(({ id }, position) => rank[id] = position);
    const ordered = [...this.entries].sort(
      (a, b) => rank[a.from] - rank[b.from] || rank[a.to] - rank[b.to] || compareText(a.entry.protocol, b.entry.protocol) || compareText(String(a.entry.port), String(b.entry.port)) || compareText(a.entry.verdict, b.entry.verdict)
    );
    const flows = ordered.map(({ entry }) => toAggregatedFlow(entry));
    if (first === void 0 || last === void 0) return { flows };
    return { flows, window: { firstSeen: isoTime(first), lastSeen: isoTime(last) } };
  }
};
var PROTOCOL_CODES = { TCP: 0, UDP: 1, SCTP: 2 };
var VERDICT_CODES = {
  allowed: 0,
  denied: 1,
  "dropped-other": 2,
  audit: 3
};
function destinationKey(toId, flow) {
  const code = PROTOCOL_CODES[flow.protocol] * 4 + VERDICT_CODES[flow.verdict];
  if (isPort(flow.port)) return (toId * 65536 + flow.port) * 16 + code;
  return `${toId} ${flow.port} ${code}`;
}
function extendWindow(entry, firstMs, lastMs) {
  const start = firstMs ?? lastMs;
  const end = lastMs ?? firstMs;
  if (start !== void 0 && (entry.firstMs === void 0 || start < entry.firstMs)) entry.firstMs = start;
  if (end !== void 0 && (entry.lastMs === void 0 || end > entry.lastMs)) entry.lastMs = end;
}
function toAggregatedFlow(entry) {
  const flow = {
    from: entry.from,
    to: entry.to,
    protocol: entry.protocol,
    port: entry.port,
    verdict: entry.verdict,
    count: entry.count
  };
  if (entry.dropReasons) flow.dropReason = [...entry.dropReasons].sort().join(", ");
  if (entry.firstMs !== void 0) flow.firstSeen = isoTime(entry.firstMs);
  if (entry.lastMs !== void 0) flow.lastSeen = isoTime(entry.lastMs);
  return flow;
}
function isoTime(ms) {
  return new Date(ms).toISOString();
}
function parseIsoTime(value) {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value)) return void 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? void 0 : ms;
}
var ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
var MINUTE_LENGTH = 16;
var IsoTimeParser = class {
  minute = "";
  minuteMs = 0;
  parse(value) {
    if (typeof value === "string" && this.minute !== "" && value.startsWith(this.minute)) {
      const offset = offsetInMinute(value);
      if (offset !== void 0) return this.minuteMs + offset;
    }
    const ms = parseIsoTime(value);
    if (ms !== void 0) this.remember(value);
    return ms;
  }
  remember(value) {
    const minute = value.slice(0, MINUTE_LENGTH);
    const minuteMs = minute.slice(11, 13) === "24" ? NaN : Date.parse(`${minute}:00Z`);
    if (Number.isNaN(minuteMs)) return;
    this.minute = minute;
    this.minuteMs = minuteMs;
  }
};
function offsetInMinute(value) {
  const last = value.length - 1;
  if (value.charCodeAt(MINUTE_LENGTH) !== 58 || value.charCodeAt(last) !== 90)
    return void 0;
  const tens = digitAt(value, MINUTE_LENGTH + 1);
  const units = digitAt(value, MINUTE_LENGTH + 2);
  if (tens === void 0 || tens > 5 || units === void 0) return void 0;
  let ms = (tens * 10 + units) * 1e3;
  const fraction = MINUTE_LENGTH + 3;
  if (fraction === last) return ms;
  const digits = last - fraction - 1;
  if (value.charCodeAt(fraction) !== 46 || digits < 1 || digits > 9) return void 0;
  for (let index = fraction + 1, scale = 100; index < last; index++, scale /= 10) {
    const digit = digitAt(value, index);
    if (digit === void 0) return void 0;
    if (scale >= 1) ms += digit * scale;
  }
  return ms;
}
function digitAt(text, index) {
  const digit = text.charCodeAt(index) - 48;
  return digit >= 0 && digit <= 9 ? digit : void 0;
}

// src/flows/calico.ts
var PROTOCOLS2 = {
  tcp: "TCP",
  udp: "UDP",
  sctp: "SCTP",
  "6": "TCP",
  "17": "UDP",
  "132": "SCTP"
};
var ACTIONS = { allow: "allowed", deny: "denied" };
var ENDPOINT_TYPES = /* @__PURE__ */ new Set(["wep", "hep", "ns", "net"]);
var CalicoReader = class {
  sourceAllowed = new FlowAggregator();
  destinationReported = /* @__PURE__ */ new Set();
  line(text, lineNumber, terminated, sink) {
    const parsed = parseJsonLine(text, terminated);
    if ("reason" in parsed) {
      sink.skip(lineNumber, parsed.reason);
      return;
    }
    const record2 = readRecord(parsed.value);
    if (typeof record2 === "string") {
      sink.skip(lineNumber, record2);
    } else if (record2 === void 0) {
      sink.ignore();
    } else if (record2.reporter === "dst") {
      this.destinationReported.add(connectionKey(record2.flow));
      sink.add(record2.flow);
    } else if (record2.flow.verdict !== "allowed") {
      sink.add(record2.flow);
    } else {
      this.sourceAllowed.add(record2.flow);
    }
  }
  /** Settles the source-reported allowed flows once every file was read. */
  finish(sink) {
    for (const entry of this.sourceAllowed.values()) {
      if (this.destinationReported.has(connectionKey(entry))) sink.ignore(entry.records);
      else sink.merge(entry);
    }
  }
};
function readRecord(value) {
  if (!isObject(value)) return "not a JSON object";
  if (typeof value.action !== "string") return 'not a Calico flow log (no "action")';
  const verdict = ACTIONS[value.action];
  if (!verdict) return `unknown action ${shown(value.action)}`;
  const reporter = value.reporter;
  if (reporter !== "src" && reporter !== "dst") return `unknown reporter ${shown(reporter)}`;
  if (typeof value.proto !== "string" && typeof value.proto !== "number")
    return `proto ${shown(value.proto)} is not a protocol`;
  const protocol = PROTOCOLS2[String(value.proto).toLowerCase()];
  if (!protocol) return void 0;
  if (!isPort(value.dest_port)) return `dest_port ${shown(value.dest_port)} is not a port`;
  const count3 = value.num_flows ?? 1;
  if (typeof count3 !== "number" || !Number.isInteger(count3) || count3 < 0)
    return `num_flows ${shown(count3)} is not a count`;
  const firstMs = unixSeconds(value.start_time);
  const lastMs = unixSeconds(value.end_time);
  if (firstMs === null) return `start_time ${shown(value.start_time)} is not Unix seconds`;
  if (lastMs === null) return `end_time ${shown(value.end_time)} is not Unix seconds`;
  const from = calicoEndpoint(value, "source");
  if (typeof from === "string") return from;
  const to = calicoEndpoint(value, "dest");
  if (typeof to === "string") return to;
  return { flow: { from, to, protocol, port: value.dest_port, verdict, count: count3, firstMs, lastMs }, reporter };
}
function unixSeconds(value) {
  if (value === void 0 || value === null) return void 0;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value * 1e3 : null;
}
function calicoEndpoint(record2, side) {
  const type = record2[`${side}_type`];
  if (typeof type !== "string" || !ENDPOINT_TYPES.has(type))
    return `${side}_type ${shown(type)} is not wep, hep, ns or net`;
  const endpoint = {};
  const ip = record2[`${side}_ip`];
  if (ip !== void 0 && ip !== null) {
    if (typeof ip !== "string") return `${side}_ip ${shown(ip)} is not a string`;
    endpoint.ip = ip;
  }
  if (type === "hep") return { ...endpoint, reserved: "host" };
  if (type !== "wep") return { ...endpoint, reserved: "world" };
  const namespace = record2[`${side}_namespace`];
  if (typeof namespace !== "string") return `${side}_namespace ${shown(namespace)} is not a string`;
  if (namespace !== "-" && namespace !== "") endpoint.namespace = namespace;
  const labels = readLabels(record2[`${side}_labels`]);
  if (labels === void 0) return `${side}_labels is not {"labels": ["key=value", ...]}`;
  if (labels.length > 0) endpoint.labels = Object.fromEntries(labels);
  return endpoint;
}
function readLabels(value) {
  if (value === void 0 || value === null || value === "-") return [];
  if (!isObject(value)) return void 0;
  if (value.labels === void 0 || value.labels === null) return [];
  if (!Array.isArray(value.labels)) return void 0;
  const labels = [];
  for (const label of value.labels) {
    if (typeof label !== "string") return void 0;
    labels.push(splitLabel(label));
  }
  return labels;
}

// src/flows/owner.ts
function ownerFromPodName(pod, labels) {
  const hash = labels["pod-template-hash"];
  const hashAt = hash ? pod.lastIndexOf(`-${hash}-`) : -1;
  if (hashAt > 0) return { kind: "Deployment", name: pod.slice(0, hashAt) };
  const ordinal = /^(.+)-\d+$/.exec(pod);
  if (ordinal && labels["statefulset.kubernetes.io/pod-name"] === pod)
    return { kind: "StatefulSet", name: ordinal[1] };
  return void 0;
}

// src/flows/recent-map.ts
var RecentMap = class {
  /** `newStore`: what a generation is kept in, a Map unless the keys have a store of their own. */
  constructor(capacity, weigh = () => 1, newStore = () => /* @__PURE__ */ new Map()) {
    this.capacity = capacity;
    this.weigh = weigh;
    this.newStore = newStore;
    this.young = newStore();
    this.old = newStore();
  }
  capacity;
  weigh;
  newStore;
  young;
  old;
  youngWeight = 0;
  get(key) {
    const value = this.young.get(key);
    if (value !== void 0) return value;
    const aged = this.old.get(key);
    if (aged !== void 0) this.set(key, aged);
    return aged;
  }
  set(key, value) {
    this.young.set(key, value);
    this.youngWeight += this.weigh(value);
    if (this.youngWeight >= this.capacity) {
      this.old = this.young;
      this.young = this.newStore();
      this.youngWeight = 0;
    }
  }
};

// src/flows/connection-memory.ts
var PROTOCOL_NUMBERS = { TCP: 1, UDP: 2, SCTP: 3 };
function connectionKey2(protocol, sourceIp, sourcePort, destinationIp, destinationPort) {
  const source = ipv4Number(sourceIp);
  const destination = source === void 0 ? void 0 : ipv4Number(destinationIp);
  if (source !== void 0 && destination !== void 0 && isPortNumber2(sourcePort)) {
    const sourceFirst2 = source < destination || source === destination && sourcePort <= destinationPort;
    return {
      first: (sourceFirst2 ? source : destination) | 0,
      second: (sourceFirst2 ? destination : source) | 0,
      ports: sourceFirst2 ? sourcePort << 16 | destinationPort : destinationPort << 16 | sourcePort,
      protocol: PROTOCOL_NUMBERS[protocol],
      text: void 0,
      sourceFirst: sourceFirst2
    };
  }
  const port2 = String(sourcePort);
  const sourceFirst = sourceIp < destinationIp || sourceIp === destinationIp && port2 <= String(destinationPort);
  const text = sourceFirst ? [protocol, sourceIp, port2, destinationIp, destinationPort].join(" ") : [protocol, destinationIp, destinationPort, sourceIp, port2].join(" ");
  return { first: 0, second: 0, ports: 0, protocol: 0, text, sourceFirst };
}
function isPortNumber2(value) {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 65535;
}
function ipv4Number(text) {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 46) {
      if (digits === 0 || dots === 3) return void 0;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9 || digits === 1 && part === 0) return void 0;
    part = part * 10 + digit;
    digits++;
    if (part > 255) return void 0;
  }
  return digits === 0 || dots !== 3 ? void 0 : value * 256 + part;
}
var ConnectionMemory = class {
  byNumbers;
  byText;
  constructor(capacity) {
    this.byNumbers = new RecentMap(capacity, void 0, () => new TupleTable(capacity));
    this.byText = new RecentMap(capacity);
  }
  get(key) {
    return key.text === void 0 ? this.byNumbers.get(key) : this.byText.get(key.text);
  }
  set(key, value) {
    if (key.text === void 0) this.byNumbers.set(key, value);
    else this.byText.set(key.text, value);
  }
};
var WORDS = 4;
var TupleTable = class {
  mask;
  keys;
  values;
  constructor(capacity) {
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots * WORDS);
    this.values = new Array(slots).fill(void 0);
  }
  get(key) {
    const slot = this.slotOf(key);
    return this.keys[slot * WORDS + 3] === 0 ? void 0 : this.values[slot];
  }
  set(key, value) {
    const slot = this.slotOf(key);
    const at2 = slot * WORDS;
    if (this.keys[at2 + 3] === 0) {
      this.keys[at2] = key.first;
      this.keys[at2 + 1] = key.second;
      this.keys[at2 + 2] = key.ports;
      this.keys[at2 + 3] = key.protocol;
    }
    this.values[slot] = value;
  }
  /** The slot holding `key`, or the free slot where it would go. */
  slotOf(key) {
    let hash = Math.imul(key.first, 2654435761);
    hash = Math.imul(hash ^ key.second, 2246822507);
    hash = Math.imul(hash ^ key.ports, 3266489909);
    hash = Math.imul(hash ^ hash >>> 15 ^ key.protocol, 668265263);
    let slot = (hash ^ hash >>> 13) & this.mask;
    const keys = this.keys;
    for (; ; ) {
      const at2 = slot * WORDS;
      const protocol = keys[at2 + 3];
      if (protocol === 0 || protocol === key.protocol && keys[at2] === key.first && keys[at2 + 1] === key.second && keys[at2 + 2] === key.ports)
        return slot;
      slot = slot + 1 & this.mask;
    }
  }
};

// src/flows/markers.ts
var MarkerSearch = class {
  anchor;
  markers;
  /** The buffer last searched, where that search started and the first anchor at or after it (-1: none). */
  searched;
  searchedFrom = 0;
  nextAnchor = -1;
  constructor(anchor, markers) {
    this.anchor = Buffer.from(anchor, "latin1");
    this.markers = markers.map((marker) => {
      const anchorOffset = marker.indexOf(anchor);
      if (anchorOffset < 0) throw new Error(`marker ${marker} does not contain its anchor ${anchor}`);
      return { bytes: Buffer.from(marker, "latin1"), anchorOffset };
    });
  }
  /** Whether one of the markers lies wholly within `bytes[start, end)`. */
  foundIn(bytes, start, end) {
    return this.firstIn(bytes, start, end) >= 0;
  }
  /** Which marker (its index) lies wholly within `bytes[start, end)` at the first anchor one does; -1 for none. */
  firstIn(bytes, start, end) {
    for (let anchor = this.firstAnchorFrom(bytes, start); anchor >= 0 && anchor < end; ) {
      for (let index = 0; index < this.markers.length; index++) {
        const marker = this.markers[index];
        const markerStart = anchor - marker.anchorOffset;
        if (markerStart >= start && markerStart + marker.bytes.length <= end && isAt(bytes, markerStart, marker.bytes))
          return index;
      }
      anchor = this.firstAnchorFrom(bytes, anchor + 1);
    }
    return -1;
  }
  firstAnchorFrom(bytes, from) {
    const remembered = bytes === this.searched && from >= this.searchedFrom && (this.nextAnchor < 0 || this.nextAnchor >= from);
    if (!remembered) {
      this.searched = bytes;
      this.searchedFrom = from;
      this.nextAnchor = bytes.indexOf(this.anchor, from);
    }
    return this.nextAnchor;
  }
};
function isAt(bytes, offset, marker) {
  for (let index = 0; index < marker.length; index++) {
    if (bytes[offset + index] !== marker[index]) return false;
  }
  return true;
}

// src/flows/hubble-sighting.ts
var OPENING = Buffer.from('{"flow":{', "latin1");
var QUOTE = 34;
var BACKSLASH = 92;
var COLON = 58;
var COMMA = 44;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var ZERO = 48;
var KEY = {
  time: Buffer.from("time"),
  verdict: Buffer.from("verdict"),
  ip: Buffer.from("IP"),
  l4: Buffer.from("l4"),
  source: Buffer.from("source"),
  destination: Buffer.from("destination"),
  sourcePort: Buffer.from("source_port"),
  destinationPort: Buffer.from("destination_port"),
  flags: Buffer.from("flags"),
  syn: Buffer.from("SYN"),
  ack: Buffer.from("ACK"),
  TCP: Buffer.from("TCP"),
  UDP: Buffer.from("UDP"),
  SCTP: Buffer.from("SCTP")
};
var ID_MEMBER = Buffer.from('"ID":');
var IDENTITY_MEMBER = Buffer.from('"identity":');
var TRUE = Buffer.from("true");
var FALSE = Buffer.from("false");
var SightingReader = class {
  /** `verdicts`: the verdict names a sighting may have; a line with any other is left to the full parse. */
  constructor(verdicts, knownDescriptionAt) {
    this.knownDescriptionAt = knownDescriptionAt;
    this.verdicts = [...verdicts].map((name) => ({ quoted: Buffer.from(`"${name}"`, "latin1"), name }));
  }
  knownDescriptionAt;
  bytes = OPENING;
  at = 0;
  end = 0;
  /** What was read of the current line, and whether a member was (a comma comes before the next). */
  line = {};
  memberRead = false;
  /** Each verdict wanted, quoted, as bytes, with its name. */
  verdicts;
  read(bytes, start, end) {
    this.bytes = bytes;
    this.at = start;
    this.end = end;
    this.line = {};
    this.memberRead = false;
    if (!this.skipExpected(OPENING)) return void 0;
    const line = this.line;
    if (!this.readMembers(() => line.time !== void 0 && !!line.verdict && !!line.addresses && !!line.l4))
      return void 0;
    const { time, verdict, addresses, l4 } = line;
    if (time === void 0 || !verdict || !addresses || !l4) return void 0;
    return { time, verdict, sourceIp: addresses.source, destinationIp: addresses.destination, ...l4 };
  }
  /** The endpoint descriptions of the line {@link read} last read a sighting of, read on from where it stopped. */
  endpoints() {
    const line = this.line;
    if (!this.readMembers(() => !!line.source && !!line.destination)) return void 0;
    const { source, destination } = line;
    return source && destination ? { source, destination } : void 0;
  }
  /**
   * Reads the flow's members, from where the last call stopped, until `done` holds; false when the flow ends first
   * or a member is not as expected.
   */
  readMembers(done) {
    const line = this.line;
    for (; ; ) {
      if (done()) return true;
      if (this.memberRead && this.next() !== COMMA) return false;
      this.memberRead = true;
      const key = this.key();
      if (key === void 0) return false;
      if (this.is(key, KEY.time)) {
        line.time = this.plainString();
        if (line.time === void 0) return false;
      } else if (this.is(key, KEY.verdict)) {
        line.verdict = this.verdicts.find((known) => this.skipExpected(known.quoted))?.name;
        if (line.verdict === void 0) return false;
      } else if (this.is(key, KEY.ip)) {
        line.addresses = this.addresses();
        if (line.addresses === void 0) return false;
      } else if (this.is(key, KEY.l4)) {
        line.l4 = this.layer4();
        if (line.l4 === void 0) return false;
      } else if (this.is(key, KEY.source)) {
        line.source = this.endpoint(line.addresses?.source);
        if (line.source === void 0) return false;
      } else if (this.is(key, KEY.destination)) {
        line.destination = this.endpoint(line.addresses?.destination);
        if (line.destination === void 0) return false;
      } else if (!this.skipValue()) {
        return false;
      }
    }
  }
  /**
   * An endpoint description: known by its bytes (when `IP` came first and gave its address), or where they lie.
   * Cilium's endpoint and identity numbers (`ID`, `identity`) come first and tell nothing the reading uses, so a
   * description is known by what follows them.
   */
  endpoint(address) {
    const start = this.at;
    if (this.next() !== OPEN_BRACE) return void 0;
    this.skipIntegerMember(ID_MEMBER);
    this.skipIntegerMember(IDENTITY_MEMBER);
    const rest = this.at;
    const found = address === void 0 ? void 0 : this.knownDescriptionAt(address, this.bytes, rest, this.end);
    if (found) {
      this.at = rest + found.length;
      return { known: found.known };
    }
    this.at = start;
    return this.skipNested() ? { start: rest, end: this.at } : void 0;
  }
  /** Steps over `"name":<integer>,` when it comes next. */
  skipIntegerMember(member) {
    const start = this.at;
    if (this.skipExpected(member) && this.integer() !== void 0 && this.next() === COMMA) return;
    this.at = start;
  }
  /** `IP`'s source and destination, both non-empty strings. */
  addresses() {
    let source;
    let destination;
    const ok = this.members(() => {
      const key = this.key();
      if (key === void 0) return false;
      if (this.is(key, KEY.source)) return (source = this.plainString()) !== void 0;
      if (this.is(key, KEY.destination)) return (destination = this.plainString()) !== void 0;
      return this.skipValue();
    });
    return ok && source && destination ? { source, destination } : void 0;
  }
  /** `l4` holding exactly one of TCP, UDP and SCTP, with its ports and flags. */
  layer4() {
    if (this.next() !== OPEN_BRACE) return void 0;
    const key = this.key();
    if (key === void 0) return void 0;
    const protocol = this.is(key, KEY.TCP) ? "TCP" : this.is(key, KEY.UDP) ? "UDP" : this.is(key, KEY.SCTP) ? "SCTP" : void 0;
    if (protocol === void 0) return void 0;
    let sourcePort = 0;
    let destinationPort;
    let synAck = false;
    const ok = this.members(() => {
      const member = this.key();
      if (member === void 0) return false;
      if (this.is(member, KEY.sourcePort)) {
        const port2 = this.integer();
        if (port2 === void 0) return false;
        sourcePort = port2;
        return true;
      }
      if (this.is(member, KEY.destinationPort)) {
        destinationPort = this.integer();
        return destinationPort !== void 0 && destinationPort >= 1 && destinationPort <= 65535;
      }
      if (this.is(member, KEY.flags)) {
        const flags = this.flags();
        if (flags === void 0) return false;
        synAck = flags;
        return true;
      }
      return this.skipValue();
    });
    if (!ok || destinationPort === void 0 || this.next() !== CLOSE_BRACE) return void 0;
    return { protocol, sourcePort, destinationPort, synAck };
  }
  /** A flags object of `"NAME":true|false` members: whether SYN and ACK are both true. */
  flags() {
    let syn = false;
    let ack = false;
    const ok = this.members(() => {
      const key = this.key();
      if (key === void 0) return false;
      const value = this.boolean();
      if (value === void 0) return false;
      if (this.is(key, KEY.syn)) syn = value;
      else if (this.is(key, KEY.ack)) ack = value;
      return true;
    });
    return ok ? syn && ack : void 0;
  }
  /** An object `{member, ...}` (possibly empty), each member read by `member`, which returns false to give up. */
  members(member) {
    if (this.next() !== OPEN_BRACE) return false;
    if (this.bytes[this.at] === CLOSE_BRACE) {
      this.at++;
      return true;
    }
    for (; ; ) {
      if (!member()) return false;
      const next = this.next();
      if (next === CLOSE_BRACE) return true;
      if (next !== COMMA) return false;
    }
  }
  /** A member's key and its colon: the key's [start, end) in the bytes, or undefined when it has an escape. */
  key() {
    if (this.next() !== QUOTE) return void 0;
    const start = this.at;
    for (; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === BACKSLASH) return void 0;
      if (byte === QUOTE) {
        const length = this.at - start;
        this.at++;
        if (this.next() !== COLON) return void 0;
        return start * 64 + Math.min(length, 63);
      }
    }
    return void 0;
  }
  /** Whether a key from {@link key} is `expected`. */
  is(key, expected) {
    return key % 64 === expected.length && this.matchesAt(Math.floor(key / 64), expected);
  }
  /** A string of printable ASCII without escapes, as IPs, times and enum names are; undefined for anything else. */
  plainString() {
    if (this.next() !== QUOTE) return void 0;
    const start = this.at;
    for (; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === QUOTE) return this.bytes.toString("latin1", start, this.at++);
      if (byte < 32 || byte > 126 || byte === BACKSLASH) return void 0;
    }
    return void 0;
  }
  /** A non-negative integer written plainly (no sign, fraction, exponent or leading zero) below 2^53. */
  integer() {
    const start = this.at;
    let value = 0;
    for (; this.at < this.end; this.at++) {
      const digit = this.bytes[this.at] - ZERO;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    const length = this.at - start;
    return length === 0 || length > 15 || length > 1 && this.bytes[start] === ZERO ? void 0 : value;
  }
  boolean() {
    if (this.skipExpected(TRUE)) return true;
    return this.skipExpected(FALSE) ? false : void 0;
  }
  /** Steps over one value of any kind; false when the line ends first. */
  skipValue() {
    const first = this.bytes[this.at];
    if (first === QUOTE) return this.skipString();
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.skipNested();
    for (; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET) return true;
    }
    return false;
  }
  skipString() {
    for (this.at++; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === BACKSLASH) this.at++;
      else if (byte === QUOTE) {
        this.at++;
        return true;
      }
    }
    return false;
  }
  skipNested() {
    let depth = 0;
    while (this.at < this.end) {
      const byte = this.bytes[this.at];
      if (byte === QUOTE) {
        if (!this.skipString()) return false;
        continue;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
      this.at++;
      if (depth === 0) return true;
    }
    return false;
  }
  next() {
    return this.at < this.end ? this.bytes[this.at++] : void 0;
  }
  /** Steps over `expected` when the bytes hold it next. */
  skipExpected(expected) {
    if (!this.matchesAt(this.at, expected)) return false;
    this.at += expected.length;
    return true;
  }
  matchesAt(offset, expected) {
    if (offset + expected.length > this.end) return false;
    for (let index = 0; index < expected.length; index++) {
      if (this.bytes[offset + index] !== expected[index]) return false;
    }
    return true;
  }
};

// src/flows/hubble.ts
var HUBBLE_RECENT_CONNECTIONS = 1e5;
var HUBBLE_REMEMBERED_ENDPOINTS = 1e5;
var HUBBLE_REMEMBERED_DESCRIPTION_BYTES = 32 * 1024 * 1024;
var VERDICT_NAMES = [
  "VERDICT_UNKNOWN",
  "FORWARDED",
  "DROPPED",
  "ERROR",
  "AUDIT",
  "REDIRECTED",
  "TRACED",
  "TRANSLATED"
];
var POLICY_DROP_REASONS = /* @__PURE__ */ new Map([
  [133, "POLICY_DENIED"],
  [181, "POLICY_DENY"]
]);
var POLICY_DROP_NAMES = new Set(POLICY_DROP_REASONS.values());
var NON_FLOW_RESPONSES = ["node_status", "lost_events", "agent_event", "debug_event"];
var L4_PROTOCOLS = [
  ["TCP", "TCP"],
  ["UDP", "UDP"],
  ["SCTP", "SCTP"]
];
var OUTCOMES_WITHOUT_REASON = /* @__PURE__ */ new Map([
  ["FORWARDED", { verdict: "allowed" }],
  ["REDIRECTED", { verdict: "allowed" }],
  ["AUDIT", { verdict: "audit" }]
]);
var COUNTED_VERDICTS = [...OUTCOMES_WITHOUT_REASON.keys(), "DROPPED", "ERROR"];
var HubbleReader = class {
  /** Recent connections (5-tuples) and the aggregated flow each was counted in. */
  recent = new ConnectionMemory(HUBBLE_RECENT_CONNECTIONS);
  endpoints = new KnownEndpoints();
  times = new IsoTimeParser();
  // Each anchor's first byte is rare in Hubble JSON (`y`, `T`), which keeps the search fast.
  replyMarkers = new MarkerSearch('y":t', ['"is_reply":true', '"reply":true']);
  /** The flow's `Type`: L7 and SOCK records are ignored, L3_L4 ones may be sightings read off their bytes. */
  typeMarkers = new MarkerSearch('Type"', [
    '"Type":"L7"',
    '"Type":"SOCK"',
    '"Type":"L3_L4"'
  ]);
  descriptions = new RememberedDescriptions(
    HUBBLE_REMEMBERED_DESCRIPTION_BYTES
  );
  sightings = new SightingReader(
    COUNTED_VERDICTS,
    (address, bytes, start, end) => this.descriptions.find(address, bytes, start, end)
  );
  /**
   * The endpoint descriptions of the line about to be parsed that its bytes did not tell, with the addresses the line
   * gives them (copied: the bytes are only valid during rawLine).
   */
  unknownDescriptions;
  /**
   * Replies and L7 records, about half of a real Hubble log, are ignored on their bytes: never decoded nor parsed.
   * Most L3/L4 records are read off their bytes too (see {@link readOnBytes}). Only complete objects (ending with
   * `}`) qualify, so a cut-off line is still parsed and reported. The markers cannot occur inside a JSON string (its
   * quotes would be escaped), and no other field of flow.proto has these names.
   */
  rawLine(bytes, start, end, sink) {
    this.unknownDescriptions = void 0;
    if (end === start || bytes[end - 1] !== CLOSING_BRACE) return false;
    const type = this.typeMarkers.firstIn(bytes, start, end);
    if (type >= 0 && type !== L3_L4_MARKER || this.replyMarkers.foundIn(bytes, start, end)) {
      sink.ignore();
      return true;
    }
    return type === L3_L4_MARKER && this.readOnBytes(bytes, start, end, sink);
  }
  /**
   * An L3/L4 record read off its bytes does what `read` would do with it: a connection already counted only has its
   * window extended (when it goes the same way); a new one whose two endpoint descriptions were read before, byte for
   * byte, is counted. Anything else (an endpoint described anew, a reply by its flags, a drop, whose reason comes
   * later in the line, a layout the byte reader does not take) is left to `line`, which decides it in full and
   * remembers the descriptions it read by their bytes.
   */
  readOnBytes(bytes, start, end, sink) {
    const sighting = this.sightings.read(bytes, start, end);
    if (!sighting || sighting.synAck) return false;
    const ms = this.times.parse(sighting.time);
    if (ms === void 0) return false;
    const { protocol, sourceIp, sourcePort, destinationIp, destinationPort } = sighting;
    const connection = connectionKey2(protocol, sourceIp, sourcePort, destinationIp, destinationPort);
    if (this.seenAgain(connection, ms, sink)) return true;
    const endpoints = this.sightings.endpoints();
    if (!endpoints) return false;
    const { source, destination } = endpoints;
    const verdict = OUTCOMES_WITHOUT_REASON.get(sighting.verdict)?.verdict;
    if (verdict && "known" in source && "known" in destination) {
      const from = withAddress(source.known, sourceIp);
      const to = withAddress(destination.known, destinationIp);
      const flow = { from, to, protocol, port: destinationPort, verdict, count: 1, firstMs: ms, lastMs: ms };
      this.count(flow, connection, sink);
      return true;
    }
    const copy = (range2, address) => "known" in range2 || range2.end - range2.start > MAX_REMEMBERED_DESCRIPTION_BYTES ? void 0 : { address, bytes: Buffer.from(bytes.subarray(range2.start, range2.end)) };
    this.unknownDescriptions = {
      source: copy(source, sourceIp),
      destination: copy(destination, destinationIp)
    };
    return false;
  }
  /**
   * Whether the connection was counted already: then a packet the same way extends its window, and one the other way
   * is a reply (some observation points, e.g. TO_OVERLAY, do not say so).
   */
  seenAgain(connection, ms, sink) {
    const known = this.recent.get(connection);
    if (!known) return false;
    if (known.sourceFirst === connection.sourceFirst) extendWindow(known.entry, ms, ms);
    sink.ignore();
    return true;
  }
  count(flow, connection, sink) {
    const entry = sink.add(flow);
    if (connection !== void 0) this.recent.set(connection, { entry, sourceFirst: connection.sourceFirst });
  }
  line(text, lineNumber, terminated, sink) {
    const parsed = parseJsonLine(text, terminated);
    if ("reason" in parsed) {
      sink.skip(lineNumber, parsed.reason);
      return;
    }
    const problem2 = this.read(parsed.value, sink);
    if (problem2 !== void 0) sink.skip(lineNumber, problem2);
  }
  /** What an endpoint description of a line reads as; remembered by its bytes when rawLine kept them. */
  endpoint(value, side) {
    const known = this.endpoints.read(value, side);
    const unknown = this.unknownDescriptions?.[side];
    if (typeof known !== "string" && unknown)
      this.descriptions.remember(unknown.address, unknown.bytes, known);
    return known;
  }
  /** Adds or ignores one parsed line; returns why it is not a flow when it is not. */
  read(value, sink) {
    if (!isObject(value)) return "not a JSON object";
    let flow;
    if ("flow" in value) {
      if (!isObject(value.flow)) return '"flow" is not an object';
      flow = value.flow;
    } else if (NON_FLOW_RESPONSES.some((key) => key in value)) {
      sink.ignore();
      return void 0;
    } else if (isBareFlow(value)) {
      flow = value;
    } else {
      return 'not a Hubble flow (no "flow" or "verdict")';
    }
    if (flow.Type !== void 0 && flow.Type !== "L3_L4" && flow.Type !== 1) {
      sink.ignore();
      return void 0;
    }
    if (flow.l4 !== void 0 && !isObject(flow.l4)) return '"l4" is not an object';
    const l4 = flow.l4 && findL4(flow.l4);
    if (typeof l4 === "string") return l4;
    if (!l4 || isReply(flow, l4.ports)) {
      sink.ignore();
      return void 0;
    }
    const verdict = readVerdict(flow);
    if (verdict === void 0) return `unknown verdict ${shown(flow.verdict)}`;
    if (verdict === "not-a-verdict") {
      sink.ignore();
      return void 0;
    }
    const time = flow.time ?? value.time;
    const ms = this.times.parse(time);
    if (time !== void 0 && ms === void 0) return `time ${shown(time)} is not an RFC 3339 timestamp`;
    if (flow.IP !== void 0 && !isObject(flow.IP)) return '"IP" is not an object';
    const addresses = flow.IP ?? {};
    const sourceIp = addresses.source;
    const destinationIp = addresses.destination;
    if (sourceIp !== void 0 && typeof sourceIp !== "string") return "IP.source is not a string";
    if (destinationIp !== void 0 && typeof destinationIp !== "string")
      return "IP.destination is not a string";
    let connection;
    if (sourceIp && destinationIp) {
      connection = connectionKey2(l4.protocol, sourceIp, l4.ports.source_port ?? 0, destinationIp, l4.port);
      if (this.seenAgain(connection, ms, sink)) return void 0;
    }
    const from = this.endpoint(flow.source, "source");
    if (typeof from === "string") return from;
    const to = this.endpoint(flow.destination, "destination");
    if (typeof to === "string") return to;
    const flowRead = {
      from: withAddress(from, sourceIp),
      to: withAddress(to, destinationIp),
      protocol: l4.protocol,
      port: l4.port,
      verdict: verdict.verdict,
      count: 1,
      firstMs: ms,
      lastMs: ms
    };
    if (verdict.dropReason !== void 0) flowRead.dropReason = verdict.dropReason;
    this.count(flowRead, connection, sink);
    return void 0;
  }
};
function isBareFlow(value) {
  return "verdict" in value && ("IP" in value || "l4" in value || "source" in value || "Type" in value);
}
var CLOSING_BRACE = 125;
var L3_L4_MARKER = 2;
function withAddress(known, ip) {
  return ip && known.byAddress ? { ...known.endpoint, ip } : known.endpoint;
}
function findL4(l4) {
  for (const [key, protocol] of L4_PROTOCOLS) {
    const ports = l4[key];
    if (ports === void 0) continue;
    if (!isObject(ports)) return `l4.${key} is not an object`;
    if (!isPort(ports.destination_port))
      return `l4.${key}.destination_port ${shown(ports.destination_port)} is not a port`;
    return { protocol, port: ports.destination_port, ports };
  }
  return void 0;
}
function isReply(flow, ports) {
  if (flow.is_reply === true || flow.reply === true) return true;
  const flags = ports.flags;
  return isObject(flags) && flags.SYN === true && flags.ACK === true;
}
function readVerdict(flow) {
  const name = typeof flow.verdict === "number" ? VERDICT_NAMES[flow.verdict] : flow.verdict;
  const withoutReason = typeof name === "string" ? OUTCOMES_WITHOUT_REASON.get(name) : void 0;
  if (withoutReason) return withoutReason;
  switch (name) {
    case "DROPPED":
    case "ERROR": {
      const dropReason = readDropReason(flow);
      const denied = name === "DROPPED" && dropReason !== void 0 && POLICY_DROP_NAMES.has(dropReason);
      const verdict = denied ? "denied" : "dropped-other";
      return dropReason === void 0 ? { verdict } : { verdict, dropReason };
    }
    // A trace or a socket translation says nothing about whether the connection passed.
    case "TRACED":
    case "TRANSLATED":
      return "not-a-verdict";
    default:
      return void 0;
  }
}
function readDropReason(flow) {
  const reason = flow.drop_reason_desc ?? flow.drop_reason;
  if (typeof reason === "string" && reason !== "") return reason;
  if (typeof reason === "number" && reason !== 0) return POLICY_DROP_REASONS.get(reason) ?? String(reason);
  return void 0;
}
function hubbleEndpoint(value, side) {
  const endpoint = {};
  if (value === void 0) return endpoint;
  if (!isObject(value)) return `${side} is not an object`;
  if (value.namespace !== void 0 && typeof value.namespace !== "string")
    return `${side}.namespace is not a string`;
  let namespace = value.namespace || void 0;
  if (value.labels !== void 0) {
    if (!Array.isArray(value.labels)) return `${side}.labels is not a list`;
    const labels = [];
    const namespaceLabels2 = [];
    const reserved = [];
    for (const label of value.labels) {
      if (typeof label !== "string") return `${side}.labels has a non-string item ${shown(label)}`;
      if (label.startsWith("reserved:")) {
        reserved.push(label.slice("reserved:".length).replace(/^world-ipv[46]$/, "world"));
      } else if (label.startsWith("k8s:")) {
        const [key, labelValue] = splitLabel(label.slice("k8s:".length));
        if (key.startsWith(NAMESPACE_LABEL_PREFIX)) {
          namespaceLabels2.push([key.slice(NAMESPACE_LABEL_PREFIX.length), labelValue]);
        } else if (key === POD_NAMESPACE_LABEL) {
          namespace ??= labelValue || void 0;
        } else if (!key.startsWith("io.cilium.k8s.policy.")) {
          labels.push([key, labelValue]);
        }
      }
    }
    if (labels.length > 0) endpoint.labels = Object.fromEntries(labels);
    if (namespaceLabels2.length > 0) endpoint.namespaceLabels = Object.fromEntries(namespaceLabels2);
    const identity = reservedIdentity(reserved);
    if (identity !== void 0) endpoint.reserved = identity;
  }
  if (namespace !== void 0) endpoint.namespace = namespace;
  if (value.workloads !== void 0) {
    if (!Array.isArray(value.workloads)) return `${side}.workloads is not a list`;
    const first = value.workloads[0];
    if (first !== void 0) {
      if (!isObject(first) || typeof first.name !== "string" || first.kind !== void 0 && typeof first.kind !== "string") {
        return `${side}.workloads[0] is not {name, kind}`;
      }
      endpoint.workload = first.kind ? { kind: first.kind, name: first.name } : { name: first.name };
    }
  }
  if (!endpoint.workload && typeof value.pod_name === "string" && endpoint.labels) {
    const owner = ownerFromPodName(value.pod_name, endpoint.labels);
    if (owner) endpoint.workload = owner;
  }
  return endpoint;
}
var KnownEndpoints = class {
  byDescription = /* @__PURE__ */ new Map();
  byPod = new RecentMap(HUBBLE_REMEMBERED_ENDPOINTS);
  /** `hubbleEndpoint` of a description, or why it is not one. */
  read(value, side) {
    const pod = isObject(value) && typeof value.pod_name === "string" ? value.pod_name : void 0;
    const remembered = pod === void 0 ? void 0 : this.byPod.get(pod);
    if (remembered && describesAlike(value, remembered)) return remembered.known;
    const key = endpointKey(value);
    let known = key === void 0 ? void 0 : this.byDescription.get(key);
    if (!known) {
      const endpoint = hubbleEndpoint(value, side);
      if (typeof endpoint === "string") return endpoint;
      known = { endpoint, byAddress: identifiedByAddress(endpoint) };
      if (key === void 0 || this.byDescription.size >= HUBBLE_REMEMBERED_ENDPOINTS) return known;
      this.byDescription.set(key, known);
    }
    if (pod !== void 0) this.byPod.set(pod, podDescription(value, known));
    return known;
  }
};
function podDescription(value, known) {
  const first = firstWorkload(value.workloads);
  return {
    namespace: value.namespace,
    labels: value.labels,
    workload: isObject(first) ? { kind: first.kind, name: first.name } : void 0,
    known
  };
}
function describesAlike(value, pod) {
  if (value.namespace !== pod.namespace) return false;
  const labels = value.labels;
  if (!Array.isArray(labels) || labels.length !== pod.labels.length) return false;
  for (let index = 0; index < labels.length; index++) {
    if (labels[index] !== pod.labels[index]) return false;
  }
  const first = firstWorkload(value.workloads);
  if (pod.workload === void 0) return first === void 0;
  return isObject(first) && first.name === pod.workload.name && first.kind === pod.workload.kind;
}
function firstWorkload(workloads) {
  if (workloads === void 0) return void 0;
  return Array.isArray(workloads) ? workloads[0] : null;
}
function endpointKey(value) {
  if (!isObject(value) || !Array.isArray(value.labels)) return void 0;
  const { namespace, labels, workloads } = value;
  if (namespace !== void 0 && typeof namespace !== "string") return void 0;
  if (!labels.every((label) => typeof label === "string")) return void 0;
  let workload = "";
  const first = firstWorkload(workloads);
  if (first !== void 0) {
    if (!isObject(first) || typeof first.name !== "string") return void 0;
    if (first.kind !== void 0 && typeof first.kind !== "string") return void 0;
    workload = `${first.kind ?? ""}/${first.name}`;
  }
  return `${namespace ?? ""}${workload}${labels.join("")}`;
}
var NAMESPACE_LABEL_PREFIX = "io.cilium.k8s.namespace.labels.";
var POD_NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
function reservedIdentity(names) {
  if (names.length === 0) return void 0;
  const notWorld = names.filter((name) => name !== "world");
  return notWorld.length === 0 ? "world" : [...new Set(notWorld)].sort().join("+");
}
var MAX_REMEMBERED_DESCRIPTION_BYTES = 4096;
var DESCRIPTIONS_PER_ADDRESS = 4;
function addressKey(address) {
  const number = ipv4Number(address);
  return number === void 0 ? address : number | 0;
}
var RememberedDescriptions = class {
  /**
   * By address (an IPv4 one as its number, which a look-up neither hashes as text nor compares); weighed in bytes,
   * so that what is kept stays within twice `capacity` bytes whatever the log.
   */
  byAddress;
  constructor(capacity) {
    this.byAddress = new RecentMap(
      capacity,
      (group) => group.reduce((sum, { bytes }) => sum + bytes.length, 0)
    );
  }
  remember(address, bytes, known) {
    const key = addressKey(address);
    const group = this.byAddress.get(key) ?? [];
    if (group.length >= DESCRIPTIONS_PER_ADDRESS) return;
    group.push({ bytes, known });
    this.byAddress.set(key, group);
  }
  find(address, bytes, start, end) {
    for (const { bytes: remembered, known } of this.byAddress.get(addressKey(address)) ?? []) {
      const length = remembered.length;
      if (start + length <= end && bytes.compare(remembered, 0, length, start, start + length) === 0)
        return { known, length };
    }
    return void 0;
  }
};

// src/flows/native.ts
var import_yaml = __toESM(require_dist(), 1);
import { isIP as isIP2 } from "node:net";
var RECORD_FIELDS = /* @__PURE__ */ new Set([
  "from",
  "to",
  "port",
  "protocol",
  "count",
  "firstSeen",
  "lastSeen",
  "verdict"
]);
var ENDPOINT_FIELDS = /* @__PURE__ */ new Set(["namespace", "workload", "labels", "ip"]);
var PROTOCOLS3 = { TCP: "TCP", UDP: "UDP", SCTP: "SCTP" };
var VERDICTS = /* @__PURE__ */ new Set(["allowed", "denied", "dropped-other", "audit"]);
var MAX_YAML_ALIASES = 100;
function nativeRecord(value) {
  if (!isObject(value)) return "not an object";
  const unknown = Object.keys(value).find((key) => !RECORD_FIELDS.has(key));
  if (unknown !== void 0) return `unknown field ${shown(unknown)}`;
  const from = nativeEndpoint(value.from, "from");
  if (typeof from === "string") return from;
  const to = nativeEndpoint(value.to, "to");
  if (typeof to === "string") return to;
  if (!isPort(value.port)) return `port ${shown(value.port)} is not a port (1-65535)`;
  const protocol = value.protocol === void 0 ? "TCP" : typeof value.protocol === "string" ? PROTOCOLS3[value.protocol.toUpperCase()] : void 0;
  if (!protocol) return `protocol ${shown(value.protocol)} is not TCP, UDP or SCTP`;
  const count3 = value.count ?? 1;
  if (typeof count3 !== "number" || !Number.isInteger(count3) || count3 < 1)
    return `count ${shown(count3)} is not a positive integer`;
  const verdict = value.verdict ?? "allowed";
  if (!VERDICTS.has(verdict))
    return `verdict ${shown(verdict)} is not allowed, denied, dropped-other or audit`;
  const flow = { from, to, protocol, port: value.port, verdict, count: count3 };
  for (const [field, target2] of [
    ["firstSeen", "firstMs"],
    ["lastSeen", "lastMs"]
  ]) {
    if (value[field] === void 0) continue;
    const ms = parseIsoTime(value[field]);
    if (ms === void 0)
      return `${field} ${shown(value[field])} is not an ISO-8601 date-time with a time zone`;
    flow[target2] = ms;
  }
  return flow;
}
function nativeEndpoint(value, side) {
  if (value === void 0) return `missing "${side}"`;
  if (!isObject(value)) return `${side} is not an object`;
  const unknown = Object.keys(value).find((key) => !ENDPOINT_FIELDS.has(key));
  if (unknown !== void 0) return `unknown field ${shown(`${side}.${unknown}`)}`;
  const endpoint = {};
  if (value.namespace !== void 0) {
    if (typeof value.namespace !== "string" || value.namespace === "")
      return `${side}.namespace is not a name`;
    endpoint.namespace = value.namespace;
  }
  if (value.workload !== void 0) {
    const parts = typeof value.workload === "string" ? value.workload.split("/") : [];
    if (parts.length < 1 || parts.length > 2 || parts.some((part) => part === "")) {
      return `${side}.workload ${shown(value.workload)} is not "name" or "Kind/name"`;
    }
    const [kindOrName = "", name] = parts;
    endpoint.workload = name === void 0 ? { name: kindOrName } : { kind: kindOrName, name };
  }
  if (value.labels !== void 0) {
    const labels = value.labels;
    if (!isObject(labels) || Object.values(labels).some((label) => typeof label !== "string")) {
      return `${side}.labels is not a map of strings`;
    }
    endpoint.labels = labels;
  }
  if (value.ip !== void 0) {
    if (typeof value.ip !== "string" || isIP2(value.ip) === 0)
      return `${side}.ip ${shown(value.ip)} is not an IP address`;
    endpoint.ip = value.ip;
  }
  if (Object.keys(endpoint).length === 0) return `${side} has none of namespace, workload, labels, ip`;
  return endpoint;
}
function addRecord(value, lineNumber, sink) {
  const flow = nativeRecord(value);
  if (typeof flow === "string") sink.skip(lineNumber, flow);
  else sink.add(flow);
}
var NativeJsonLinesReader = class {
  line(text, lineNumber, terminated, sink) {
    const parsed = parseJsonLine(text, terminated);
    if ("reason" in parsed) sink.skip(lineNumber, parsed.reason);
    else addRecord(parsed.value, lineNumber, sink);
  }
};
var CSV_COLUMNS = {
  from_namespace: ["from", "namespace"],
  from_workload: ["from", "workload"],
  from_labels: ["from", "labels"],
  from_ip: ["from", "ip"],
  to_namespace: ["to", "namespace"],
  to_workload: ["to", "workload"],
  to_labels: ["to", "labels"],
  to_ip: ["to", "ip"],
  port: ["port"],
  protocol: ["protocol"],
  count: ["count"],
  first_seen: ["firstSeen"],
  last_seen: ["lastSeen"],
  verdict: ["verdict"]
};
function isCsvHeader(line) {
  const columns = splitCsvLine(line)?.map((column) => column.trim());
  return columns !== void 0 && columns.includes("port") && columns.some((column) => /^(from|to)_/.test(column));
}
var NativeCsvReader = class {
  columns;
  line(text, lineNumber, _terminated, sink) {
    if (text.startsWith("#")) return;
    const cells = splitCsvLine(text);
    if (!this.columns) {
      if (!cells) {
        sink.skip(lineNumber, "CSV header has an unclosed quote");
        return;
      }
      this.columns = cells.map((cell2) => CSV_COLUMNS[cell2.trim()]);
      const unknown = cells.filter((_, index) => !this.columns?.[index]);
      if (unknown.length > 0)
        sink.skip(lineNumber, `unknown CSV column ${unknown.map(shown).join(", ")} (ignored)`);
      return;
    }
    if (!cells) {
      sink.skip(lineNumber, "unclosed quote");
      return;
    }
    if (cells.length !== this.columns.length) {
      sink.skip(lineNumber, `${cells.length} cells where the header has ${this.columns.length}`);
      return;
    }
    const record2 = {};
    cells.forEach((cell2, index) => {
      const target2 = this.columns?.[index];
      const trimmed = cell2.trim();
      if (!target2 || trimmed === "") return;
      const [field = "", endpointField] = target2;
      if (endpointField === void 0) {
        record2[field] = NUMBER_FIELDS.has(field) && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
      } else {
        const endpoint = record2[field] ??= {};
        endpoint[endpointField] = endpointField === "labels" ? csvLabels(trimmed) : trimmed;
      }
    });
    addRecord(record2, lineNumber, sink);
  }
};
var NUMBER_FIELDS = /* @__PURE__ */ new Set(["port", "count"]);
function csvLabels(text) {
  const labels = text.split(";").map((pair) => pair.trim()).filter((pair) => pair !== "").map(splitLabel);
  return Object.fromEntries(labels);
}
function splitCsvLine(line) {
  const cells = [];
  let index = 0;
  for (; ; ) {
    if (line[index] === '"') {
      let cell2 = "";
      index++;
      for (; ; ) {
        const quote = line.indexOf('"', index);
        if (quote < 0) return void 0;
        cell2 += line.slice(index, quote);
        if (line[quote + 1] === '"') {
          cell2 += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
      const comma = line.indexOf(",", index);
      cells.push(cell2);
      if (comma < 0) return cells;
      index = comma + 1;
    } else {
      const comma = line.indexOf(",", index);
      cells.push(line.slice(index, comma < 0 ? void 0 : comma));
      if (comma < 0) return cells;
      index = comma + 1;
    }
  }
}
function readNativeDocument(text, sink) {
  const lineCounter = new import_yaml.LineCounter();
  const lineOf = (offset) => offset === void 0 ? 0 : lineCounter.linePos(offset).line;
  for (const document of (0, import_yaml.parseAllDocuments)(text, { lineCounter })) {
    const error = document.errors[0];
    if (error) {
      const message = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
      sink.skip(lineOf(error.pos[0]), `YAML: ${message || error.code}`);
      continue;
    }
    const contents = document.contents;
    if (contents === null) continue;
    let value;
    try {
      value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (failure) {
      sink.skip(lineOf(contents.range?.[0]), `YAML: ${failure.message}`);
      continue;
    }
    if ((0, import_yaml.isSeq)(contents) && Array.isArray(value)) {
      contents.items.forEach((item, index) => {
        addRecord(value[index], lineOf(((0, import_yaml.isNode)(item) ? item.range : contents.range)?.[0]), sink);
      });
    } else if ((0, import_yaml.isMap)(contents)) {
      addRecord(value, lineOf(contents.range?.[0]), sink);
    } else {
      sink.skip(lineOf(contents.range?.[0]), "not a flow record or a list of them");
    }
  }
}

// src/flows/detect.ts
var LINES_TO_TRY = 10;
function detectLayout(head, complete, forced) {
  if (forced === "hubble" || forced === "calico") return forced;
  const lines = head.split("\n");
  if (!complete) lines.pop();
  const meaningful = lines.map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  const first = meaningful[0] ?? head.trimStart();
  if (first === "") return void 0;
  if (first.startsWith("[")) return "native-document";
  if (first.startsWith("{")) {
    for (const line of meaningful.slice(0, LINES_TO_TRY)) {
      const format = classifyLine(line);
      if (format) return forced === "native" || format === "native" ? "native-jsonl" : format;
    }
    if (complete && parsesAsJson(head)) return "native-document";
    return forced === "native" ? "native-jsonl" : guessFromText(head) ?? "native-jsonl";
  }
  if (isCsvHeader(first)) return "native-csv";
  return "native-document";
}
function classifyLine(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return void 0;
  }
  if (!isObject(value)) return void 0;
  if (isObject(value.flow) || isBareFlow(value)) return "hubble";
  if ("source_namespace" in value || "dest_namespace" in value || "reporter" in value && "action" in value) {
    return "calico";
  }
  if ("from" in value && "to" in value) return "native";
  return void 0;
}
function guessFromText(head) {
  if (/^\s*\{\s*"flow"\s*:/.test(head)) return "hubble";
  if (/"(source_namespace|dest_namespace|reporter)"\s*:/.test(head)) return "calico";
  return void 0;
}
function parsesAsJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// src/flows/lines.ts
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
var GZIP_MAGIC = [31, 139];
var CHUNK_BYTES = 1024 * 1024;
async function openContent(file) {
  const handle = await open(file, "r");
  let gzipped;
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    gzipped = bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
  if (!gzipped) return readChunks(file);
  const source = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  source.on("error", (error) => gunzip.destroy(error));
  return source.pipe(gunzip);
}
async function* readChunks(file) {
  const handle = await open(file, "r");
  let position = 0;
  const readInto = (buffer) => handle.read(buffer, 0, buffer.length, position);
  let spare = Buffer.allocUnsafe(CHUNK_BYTES);
  let next = readInto(Buffer.allocUnsafe(CHUNK_BYTES));
  try {
    for (; ; ) {
      const { bytesRead, buffer } = await next;
      next = void 0;
      if (bytesRead === 0) return;
      position += bytesRead;
      next = readInto(spare);
      spare = buffer;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await next?.catch(() => void 0);
    await handle.close();
  }
}
async function readPrefix(content, maxBytes) {
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of content) {
      chunks.push(Buffer.from(chunk));
      size += chunk.length;
      if (size > maxBytes) {
        return { bytes: Buffer.concat(chunks).subarray(0, maxBytes), complete: false };
      }
    }
  } catch (error) {
    return { bytes: Buffer.concat(chunks), complete: false, error };
  }
  return { bytes: Buffer.concat(chunks), complete: true };
}
var LINE_FEED = 10;
var CARRIAGE_RETURN = 13;
var BYTE_ORDER_MARK = [239, 187, 191];
async function forEachLine(content, maxLineBytes, handler, signal) {
  let lineNumber = 0;
  let pending = [];
  let pendingBytes = 0;
  let overflow = false;
  const emit2 = (bytes, start, end, terminated) => {
    lineNumber++;
    if (overflow) {
      overflow = false;
      handler.tooLong(lineNumber);
      return;
    }
    if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
    if (lineNumber === 1 && startsWithByteOrderMark(bytes, start, end)) start += BYTE_ORDER_MARK.length;
    if (handler.rawLine?.(bytes, start, end, lineNumber)) return;
    handler.line(bytes.toString("utf8", start, end), lineNumber, terminated);
  };
  const takePending = (last) => {
    const line = Buffer.concat(last ? [...pending, last] : pending);
    pending = [];
    pendingBytes = 0;
    return line;
  };
  for await (const chunk of content) {
    if (signal?.aborted) return lineNumber;
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(LINE_FEED, start);
      const end = newline < 0 ? chunk.length : newline;
      if (!overflow && pendingBytes + (end - start) > maxLineBytes) {
        overflow = true;
        pending = [];
        pendingBytes = 0;
      }
      if (newline < 0) {
        if (!overflow) {
          pending.push(Buffer.from(chunk.subarray(start, end)));
          pendingBytes += end - start;
        }
        break;
      }
      if (pending.length === 0) {
        emit2(chunk, start, end, true);
      } else {
        const line = takePending(chunk.subarray(start, end));
        emit2(line, 0, line.length, true);
      }
      start = newline + 1;
    }
  }
  if (pendingBytes > 0 || overflow) {
    const line = takePending();
    emit2(line, 0, line.length, false);
  }
  return lineNumber;
}
function startsWithByteOrderMark(bytes, start, end) {
  return end - start >= BYTE_ORDER_MARK.length && bytes[start] === BYTE_ORDER_MARK[0] && bytes[start + 1] === BYTE_ORDER_MARK[1] && bytes[start + 2] === BYTE_ORDER_MARK[2];
}

// src/flows/sink.ts
var ReadRun = class {
  constructor(maxSkippedSamples) {
    this.maxSkippedSamples = maxSkippedSamples;
  }
  maxSkippedSamples;
  aggregator = new FlowAggregator();
  stats = { records: 0, skipped: 0, ignored: 0, skippedSamples: [] };
  sinkFor(file) {
    return {
      add: (flow) => {
        this.stats.records++;
        return this.aggregator.add(flow);
      },
      merge: (entry) => {
        this.stats.records += entry.records;
        this.aggregator.merge(entry);
      },
      ignore: (records = 1) => {
        this.stats.ignored += records;
      },
      skip: (line, reason) => {
        this.stats.skipped++;
        if (this.stats.skippedSamples.length < this.maxSkippedSamples) {
          this.stats.skippedSamples.push({ file, line, reason });
        }
      }
    };
  }
};

// src/flows/read.ts
var DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
var DEFAULT_MAX_SKIPPED_SAMPLES = 10;
var DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
var DETECTION_BYTES = 64 * 1024;
async function readFlows(files, options = {}) {
  const limits = {
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES
  };
  const forced = options.format === "auto" ? void 0 : options.format;
  const run = new ReadRun(options.maxSkippedSamples ?? DEFAULT_MAX_SKIPPED_SAMPLES);
  const hubble = new HubbleReader();
  const calico = new CalicoReader();
  const nativeLines = new NativeJsonLinesReader();
  const lineReaderFor = (layout) => {
    if (layout === "hubble") return hubble;
    if (layout === "calico") return calico;
    if (layout === "native-jsonl") return nativeLines;
    if (layout === "native-csv") return new NativeCsvReader();
    return void 0;
  };
  for (const file of files) {
    if (options.signal?.aborted) break;
    const sink = run.sinkFor(displayName(file, options.root));
    let lastLine = 0;
    try {
      const head = await readPrefix(await openContent(file), DETECTION_BYTES);
      const layout = detectLayout(head.bytes.toString("utf8"), head.complete, forced);
      if (layout === void 0) continue;
      const reader = lineReaderFor(layout);
      if (reader) {
        await forEachLine(
          await openContent(file),
          limits.maxLineBytes,
          {
            rawLine(bytes, start, end, lineNumber) {
              lastLine = lineNumber;
              return reader.rawLine?.(bytes, start, end, sink) ?? false;
            },
            line(text, lineNumber, terminated) {
              lastLine = lineNumber;
              if (!isBlank(text)) reader.line(text, lineNumber, terminated, sink);
            },
            tooLong(lineNumber) {
              lastLine = lineNumber;
              sink.skip(lineNumber, `line longer than ${limits.maxLineBytes} bytes`);
            }
          },
          options.signal
        );
      } else {
        await readDocument(file, limits.maxDocumentBytes, sink);
      }
    } catch (error) {
      sink.skip(lastLine === 0 ? 0 : lastLine + 1, `cannot read: ${error.message}`);
    }
  }
  calico.finish(run.sinkFor(""));
  const { flows, window } = run.aggregator.result();
  return window ? { flows, stats: run.stats, window } : { flows, stats: run.stats };
}
async function readDocument(file, maxBytes, sink) {
  const { bytes, complete, error } = await readPrefix(await openContent(file), maxBytes);
  if (error) throw error;
  if (!complete) {
    sink.skip(
      0,
      `larger than ${maxBytes} bytes, the most read whole for a JSON array or YAML: use JSON lines`
    );
    return;
  }
  readNativeDocument(bytes.toString("utf8"), sink);
}
function isBlank(text) {
  return text.length === 0 || text.charCodeAt(0) <= 32 && text.trim() === "";
}
function displayName(file, root) {
  const base = root ?? process.cwd();
  const path7 = relative(base, resolve(file));
  if (path7 === "" || path7.startsWith("..") || isAbsolute(path7)) return file;
  return path7.split(sep).join("/");
}

// src/manifests/load.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { readFileSync, statSync } from "node:fs";
import path3 from "node:path";

// src/manifests/documents.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/manifests/yaml-schema.ts
var import_yaml2 = __toESM(require_dist(), 1);
var YAML_OPTIONS = {
  version: "1.1",
  customTags: (tags) => tags.filter((tag) => !isTimeTag(tag)),
  uniqueKeys: true,
  // Conversion warnings (collection keys) would go to the process's stderr; such documents are reported instead.
  logLevel: "error"
};
function isTimeTag(tag) {
  if (typeof tag === "string") return tag === "timestamp" || tag === "intTime" || tag === "floatTime";
  return tag.tag === "tag:yaml.org,2002:timestamp" || tag.format === "TIME";
}
var JSON_OPTIONS = { version: "1.2", uniqueKeys: true, logLevel: "error" };
var schemaDocument = new import_yaml2.Document(null, YAML_OPTIONS);
var IMPLICIT_TAGS = schemaDocument.schema.tags.filter(
  (tag) => tag.default === true && !tag.collection && tag.test !== void 0
);
function resolvePlainScalar(source) {
  const tag = IMPLICIT_TAGS.find((candidate) => candidate.test?.test(source));
  if (tag?.resolve === void 0) return { value: source };
  let rejected = false;
  const resolved = tag.resolve(
    source,
    () => {
      rejected = true;
    },
    schemaDocument.options
  );
  if (rejected) return void 0;
  return { value: (0, import_yaml2.isScalar)(resolved) ? resolved.value : resolved };
}

// src/manifests/block-yaml.ts
function readPlainBlockYaml(text, limits) {
  if (OUTSIDE_SUBSET_TEXT.test(text)) return void 0;
  try {
    return new BlockReader(text, Math.min(limits.maxDepth, MAX_DEPTH)).documents(limits.maxDocumentsPerFile);
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return void 0;
    throw error;
  }
}
var OUTSIDE_SUBSET_TEXT = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff\\]|\r(?!\n)|\{\{/;
var MAX_DEPTH = 64;
var OUTSIDE_SUBSET = new Error("outside the plain block YAML subset");
function outside() {
  throw OUTSIDE_SUBSET;
}
var SPACE = 32;
var HASH = 35;
var COLON2 = 58;
var DASH = 45;
var DOUBLE_QUOTE = 34;
var SINGLE_QUOTE = 39;
var COMMA2 = 44;
var INDICATORS = new Set([..."?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));
function plainMayStart(text, offset, lineEnd) {
  const first = text.charCodeAt(offset);
  if (first === DASH) return offset + 1 < lineEnd && text.charCodeAt(offset + 1) !== SPACE;
  return !INDICATORS.has(first);
}
var MAX_IMPLICIT_KEY = 1024;
var FLOW_STOPS = new Set([...",[]{}#"].map((c) => c.charCodeAt(0)));
var BlockReader = class {
  constructor(text, maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }
  text;
  maxDepth;
  /** The current line: the next one holding something other than spaces and a comment. */
  lineStart = 0;
  /** Where the line's text ends: its line break (`\n` or `\r\n`), or the end of the text. */
  lineEnd = 0;
  /** Where the next line starts. */
  nextLine = 0;
  /** Column of the line's first non-space character; -1 at the end of the document (`---`) or of the text. */
  indent = -1;
  content = 0;
  documents(maxDocuments) {
    const documents = [];
    let markers = 0;
    this.moveTo(0);
    while (this.lineStart < this.text.length) {
      if (this.indent === -1) {
        markers++;
        this.moveTo(this.nextLine);
        continue;
      }
      const { value, node } = this.node(this.indent, 0);
      if (this.indent !== -1) outside();
      documents.push({ root: node, value });
    }
    if (markers + 1 > maxDocuments) outside();
    return documents;
  }
  /** Moves to the first line at or after `offset` that holds more than spaces and a comment. */
  moveTo(offset) {
    const { text } = this;
    let start = offset;
    while (start < text.length) {
      const { end, next } = lineAt(text, start);
      let content = start;
      while (content < end && text.charCodeAt(content) === SPACE) content++;
      if (content < end && text.charCodeAt(content) !== HASH) {
        this.lineStart = start;
        this.lineEnd = end;
        this.nextLine = next;
        this.content = content;
        this.indent = content - start;
        if (this.indent === 0) this.checkLineStart();
        return;
      }
      start = next;
    }
    this.lineStart = this.lineEnd = this.nextLine = this.content = text.length;
    this.indent = -1;
  }
  /** A line starting in column 1 may be a document marker or a directive. */
  checkLineStart() {
    const { text, lineStart, lineEnd } = this;
    const first = text.charCodeAt(lineStart);
    if (first === 37 || text.startsWith("...", lineStart)) outside();
    if (!text.startsWith("---", lineStart)) return;
    const after = lineStart + 3;
    if (after === lineEnd) {
      this.indent = -1;
      return;
    }
    if (text.charCodeAt(after) !== SPACE) outside();
    const rest = this.skipSpaces(after);
    if (rest !== lineEnd && text.charCodeAt(rest) !== HASH) outside();
    this.indent = -1;
  }
  skipSpaces(offset) {
    let at2 = offset;
    while (at2 < this.lineEnd && this.text.charCodeAt(at2) === SPACE) at2++;
    return at2;
  }
  /** Whether the value at `offset` is empty: the line ends, or only a comment follows. */
  endsHere(offset) {
    return offset === this.lineEnd || this.text.charCodeAt(offset) === HASH;
  }
  isListEntry(offset) {
    return this.text.charCodeAt(offset) === DASH && (offset + 1 === this.lineEnd || this.text.charCodeAt(offset + 1) === SPACE);
  }
  /** A mapping or list whose first line is the current line, at column `indent`. */
  node(indent, depth) {
    if (depth >= this.maxDepth) outside();
    return this.isListEntry(this.content) ? this.list(indent, depth) : this.mapping(indent, this.content, depth);
  }
  mapping(indent, firstKey, depth) {
    const value = {};
    const entries = [];
    let keyStart = firstKey;
    for (; ; ) {
      const key = this.key(keyStart) ?? outside();
      if (Object.hasOwn(value, key.name)) outside();
      const valueStart = this.skipSpaces(key.end);
      let entry;
      if (this.endsHere(valueStart)) {
        this.moveTo(this.nextLine);
        if (this.indent > indent) entry = this.node(this.indent, depth + 1);
        else if (this.indent === indent && this.isListEntry(this.content))
          entry = this.list(indent, depth + 1);
        else entry = { value: null, node: {} };
      } else {
        entry = this.inline(valueStart, indent, depth + 1);
      }
      value[key.name] = entry.value;
      entries.push({ key: key.name, keyStart, value: entry.node });
      if (this.indent !== indent) {
        if (this.indent > indent) outside();
        return { value, node: { start: firstKey, entries } };
      }
      keyStart = this.content;
    }
  }
  list(indent, depth) {
    const value = [];
    const items = [];
    const start = this.content;
    for (; ; ) {
      const itemStart = this.skipSpaces(this.content + 1);
      let item;
      if (this.endsHere(itemStart)) {
        this.moveTo(this.nextLine);
        if (this.indent <= indent) outside();
        item = this.node(this.indent, depth + 1);
      } else if (this.isListEntry(itemStart)) {
        outside();
      } else if (this.key(itemStart) !== void 0) {
        item = this.mapping(itemStart - this.lineStart, itemStart, depth + 1);
      } else {
        item = this.inline(itemStart, indent, depth + 1);
      }
      value.push(item.value);
      items.push(item.node);
      if (this.indent !== indent || !this.isListEntry(this.content)) {
        if (this.indent > indent) outside();
        return { value, node: { start, items } };
      }
    }
  }
  /** The mapping key starting at `offset` and the offset after its `:`, when the line is `key: ...`. */
  key(offset) {
    const { text } = this;
    const first = text.charCodeAt(offset);
    let name;
    let colon;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = this.quoted(offset, this.lineEnd);
      colon = quoted.end;
      name = quoted.value;
    } else {
      if (!plainMayStart(text, offset, this.lineEnd)) return void 0;
      colon = offset;
      do {
        colon = text.indexOf(":", colon + 1);
        if (colon === -1 || colon >= this.lineEnd) return void 0;
      } while (colon + 1 < this.lineEnd && text.charCodeAt(colon + 1) !== SPACE);
      const written = text.slice(offset, colon);
      if (written.includes(" #")) return void 0;
      const source = written.trimEnd();
      if (source === "<<") outside();
      const resolved = resolvePlainScalar(source) ?? outside();
      if (typeof resolved.value !== "string") outside();
      name = resolved.value;
    }
    if (text.charCodeAt(colon) !== COLON2) return void 0;
    if (colon - offset > MAX_IMPLICIT_KEY) outside();
    if (colon + 1 < this.lineEnd && text.charCodeAt(colon + 1) !== SPACE) outside();
    if (name === "__proto__") outside();
    return { name, end: colon + 1 };
  }
  /**
   * A scalar or flow collection written after `key:` or `- ` on the current line (a literal block scalar goes on
   * over the following lines); leaves the reader on the next line, which must not be indented past `indent` (that
   * would continue a multi-line scalar).
   */
  inline(offset, indent, depth) {
    const { text } = this;
    const first = text.charCodeAt(offset);
    let parsed;
    if (first === 124) {
      return this.literal(offset, indent);
    } else if (first === 91 || first === 123) {
      const flow = new FlowReader(text, this.lineEnd, depth);
      parsed = flow.collection(offset);
      this.expectLineEnd(flow.offset);
    } else if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = this.quoted(offset, this.lineEnd);
      this.expectLineEnd(quoted.end);
      parsed = { value: quoted.value, node: { start: offset } };
    } else {
      if (!plainMayStart(text, offset, this.lineEnd)) outside();
      const written = text.slice(offset, this.lineEnd);
      const comment = written.indexOf(" #");
      const source = (comment === -1 ? written : written.slice(0, comment)).trimEnd();
      if (source.includes(": ") || source.endsWith(":")) outside();
      parsed = { value: (resolvePlainScalar(source) ?? outside()).value, node: { start: offset } };
    }
    this.moveTo(this.nextLine);
    if (this.indent > indent) outside();
    return parsed;
  }
  /** Only spaces and a comment may follow a value on its line. */
  expectLineEnd(offset) {
    const rest = this.skipSpaces(offset);
    if (rest === this.lineEnd) return;
    if (rest === offset || this.text.charCodeAt(rest) !== HASH) outside();
  }
  /** A quoted scalar on one line; `end` is the offset after its closing quote. */
  quoted(offset, lineEnd) {
    return readQuoted(this.text, offset, lineEnd);
  }
  /** `|`, `|-` or `|+` and the lines under it, as the YAML spec's literal style keeps them. */
  literal(offset, indent) {
    const { text } = this;
    let headerEnd = offset + 1;
    const chomping = text.charCodeAt(headerEnd);
    if (chomping === DASH || chomping === 43) headerEnd++;
    this.expectLineEnd(headerEnd);
    if (this.nextLine === text.length) outside();
    let contentIndent = -1;
    let content = "";
    let emptyLines = 0;
    let widestEmpty = 0;
    let lineStart = this.nextLine;
    while (lineStart < text.length) {
      const { end: lineEnd, next } = lineAt(text, lineStart);
      if (next === text.length && lineEnd === next) outside();
      let spaces = 0;
      while (lineStart + spaces < lineEnd && text.charCodeAt(lineStart + spaces) === SPACE) spaces++;
      if (lineStart + spaces === lineEnd) {
        emptyLines++;
        widestEmpty = Math.max(widestEmpty, spaces);
      } else {
        if (contentIndent === -1) {
          if (spaces <= indent) break;
          contentIndent = spaces;
        }
        if (spaces < contentIndent) {
          if (spaces > indent) outside();
          break;
        }
        content += "\n".repeat(emptyLines) + text.slice(lineStart + contentIndent, lineEnd) + "\n";
        emptyLines = 0;
      }
      if (contentIndent !== -1 && widestEmpty > contentIndent) outside();
      lineStart = next;
    }
    if (contentIndent === -1 || widestEmpty > contentIndent) outside();
    let value = content;
    if (chomping === DASH) value = content.slice(0, -1);
    else if (chomping === 43) value = content + "\n".repeat(emptyLines);
    this.moveTo(lineStart);
    if (this.indent > indent) outside();
    return { value, node: { start: offset } };
  }
};
function lineAt(text, start) {
  const newline = text.indexOf("\n", start);
  if (newline === -1) return { end: text.length, next: text.length };
  return { end: text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline, next: newline + 1 };
}
function readQuoted(text, offset, lineEnd) {
  const quote = text[offset];
  let close = offset;
  for (; ; ) {
    close = text.indexOf(quote, close + 1);
    if (close === -1 || close >= lineEnd) outside();
    if (quote === "'" && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
      close++;
      continue;
    }
    break;
  }
  const inner = text.slice(offset + 1, close);
  return { value: quote === "'" ? inner.replaceAll("''", "'") : inner, end: close + 1 };
}
var FlowReader = class {
  constructor(text, lineEnd, depth) {
    this.text = text;
    this.lineEnd = lineEnd;
    this.depth = depth;
  }
  text;
  lineEnd;
  depth;
  offset = 0;
  collection(start, depth = this.depth) {
    if (depth >= MAX_DEPTH) outside();
    const isMap6 = this.text.charCodeAt(start) === 123;
    const close = isMap6 ? 125 : 93;
    this.offset = this.skipSpaces(start + 1);
    const value = isMap6 ? {} : [];
    const node = isMap6 ? { start, entries: [] } : { start, items: [] };
    if (this.text.charCodeAt(this.offset) === close) {
      this.offset++;
      return { value, node };
    }
    for (; ; ) {
      const itemStart = this.offset;
      const item = this.item(depth);
      if (isMap6) {
        const name = item.value;
        if (typeof name !== "string" || name === "__proto__" || name === "<<") outside();
        const map = value;
        if (Object.hasOwn(map, name) || this.text.charCodeAt(this.offset) !== COLON2) outside();
        this.offset++;
        if (this.text.charCodeAt(this.offset) !== SPACE) outside();
        this.offset = this.skipSpaces(this.offset);
        const entryValue = this.item(depth);
        map[name] = entryValue.value;
        node.entries?.push({ key: name, keyStart: itemStart, value: entryValue.node });
      } else {
        value.push(item.value);
        node.items?.push(item.node);
      }
      this.offset = this.skipSpaces(this.offset);
      const next = this.text.charCodeAt(this.offset);
      if (next === close) {
        this.offset++;
        return { value, node };
      }
      if (next !== COMMA2) outside();
      this.offset = this.skipSpaces(this.offset + 1);
      if (this.text.charCodeAt(this.offset) === close) outside();
    }
  }
  /** A scalar or nested collection at `this.offset`; leaves `this.offset` after it and its spaces. */
  item(depth) {
    const { text } = this;
    const start = this.offset;
    const first = text.charCodeAt(start);
    let parsed;
    if (first === 91 || first === 123) {
      parsed = this.collection(start, depth + 1);
    } else if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = readQuoted(text, start, this.lineEnd);
      this.offset = quoted.end;
      parsed = { value: quoted.value, node: { start } };
    } else {
      if (!plainMayStart(text, start, this.lineEnd)) outside();
      let end = start;
      while (end < this.lineEnd && !this.endsFlowPlain(end)) end++;
      const source = text.slice(start, end).trimEnd();
      if (source === "") outside();
      this.offset = end;
      parsed = { value: (resolvePlainScalar(source) ?? outside()).value, node: { start } };
    }
    this.offset = this.skipSpaces(this.offset);
    return parsed;
  }
  endsFlowPlain(offset) {
    const char = this.text.charCodeAt(offset);
    if (char !== COLON2) return FLOW_STOPS.has(char);
    const next = this.text.charCodeAt(offset + 1);
    return offset + 1 >= this.lineEnd || next === SPACE || FLOW_STOPS.has(next);
  }
  skipSpaces(offset) {
    let at2 = offset;
    while (at2 < this.lineEnd && this.text.charCodeAt(at2) === SPACE) at2++;
    return at2;
  }
};

// src/manifests/positions.ts
var import_yaml3 = __toESM(require_dist(), 1);
function sourceTreeOf(root) {
  const tree = sourceNode(nodeStart(root));
  const pending = [{ node: root, into: tree }];
  for (let entry = pending.pop(); entry !== void 0; entry = pending.pop()) {
    const { node, into } = entry;
    if ((0, import_yaml3.isMap)(node)) {
      into.entries = [];
      for (const pair of node.items) {
        if (!(0, import_yaml3.isScalar)(pair.key) || pair.key.range == null) continue;
        const value = sourceNode(nodeStart(pair.value));
        into.entries.push({ key: String(pair.key.value), keyStart: pair.key.range[0], value });
        pending.push({ node: pair.value, into: value });
      }
    } else if ((0, import_yaml3.isSeq)(node)) {
      into.items = [];
      for (const item of node.items) {
        const child = sourceNode(nodeStart((0, import_yaml3.isPair)(item) ? item.key : item));
        into.items.push(child);
        pending.push({ node: item, into: child });
      }
    }
  }
  return tree;
}
function nodeStart(node) {
  return ((0, import_yaml3.isScalar)(node) || (0, import_yaml3.isMap)(node) || (0, import_yaml3.isSeq)(node) || (0, import_yaml3.isAlias)(node)) && node.range != null ? node.range[0] : void 0;
}
function sourceNode(start) {
  return start === void 0 ? {} : { start };
}
function locationAt(file, lineCounter, offset) {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}
function sourceNodeAt(root, keys) {
  let node = root;
  for (const key of keys) node = node?.entries?.find((entry) => entry.key === key)?.value;
  return node;
}
function makeLocator(loc, written) {
  if (written === void 0) return () => loc;
  const { root, file, lineCounter } = written;
  return (path7) => {
    let node = root;
    let found;
    for (const segment of path7) {
      const name = String(segment);
      const entry = node.entries?.find((candidate) => candidate.key === name);
      if (entry !== void 0) {
        found = entry.keyStart;
        node = entry.value;
        continue;
      }
      const item = String(Number(name)) === name ? node.items?.[Number(name)] : void 0;
      if (item === void 0) break;
      found = item.start ?? found;
      node = item;
    }
    return found === void 0 ? loc : locationAt(file, lineCounter, found);
  };
}

// src/manifests/documents.ts
function* readDocuments(reading, format, limits) {
  const plain = format === "yaml" ? readPlainBlockYaml(reading.text, limits) : void 0;
  if (plain !== void 0) {
    countLines(reading);
    yield* plain;
    return;
  }
  yield* composeDocuments(reading, format, limits);
}
function* composeDocuments(reading, format, limits) {
  const { file, text, lineCounter } = reading;
  const report = (severity, code, message, offset) => reading.diagnostics.push({ severity, code, message, ...locationAt(file, lineCounter, offset) });
  if (format === "json" && !isStrictJson(reading, report)) return;
  const parser = new import_yaml4.Parser(lineCounter.addNewLine);
  const composer = new import_yaml4.Composer(format === "json" ? JSON_OPTIONS : YAML_OPTIONS);
  let documentCount = 0;
  const convert = function* (documents) {
    for (const document of documents) {
      const converted = convertDocument(document, reading, limits, report);
      if (converted !== void 0) yield converted;
    }
  };
  for (const token of parser.parse(text)) {
    if (token.type === "document") {
      documentCount++;
      if (documentCount > limits.maxDocumentsPerFile) {
        report(
          "error",
          "too-many-documents",
          `more than ${limits.maxDocumentsPerFile} documents in one file (limit maxDocumentsPerFile); the documents from here on are not read`,
          token.offset
        );
        break;
      }
      const tooDeepAt = offsetBeyondDepth(token, limits.maxDepth);
      if (tooDeepAt !== void 0) {
        report(
          "error",
          "too-deep",
          `nesting deeper than ${limits.maxDepth} levels (limit maxDepth); this document is not read`,
          tooDeepAt
        );
        continue;
      }
    }
    yield* convert(composer.next(token));
    if (reading.templateOffset !== void 0) return;
  }
  yield* convert(composer.end());
}
function isStrictJson(reading, report) {
  try {
    JSON.parse(reading.text);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    let offset = position === void 0 ? reading.text.length : Number(position);
    const trailingComma = /,\s*$/.exec(reading.text.slice(0, offset));
    if (trailingComma !== null) offset = trailingComma.index;
    const hint = trailingComma === null ? "" : " (a trailing comma is not allowed in JSON)";
    countLines(reading);
    report("error", "json-syntax", `invalid JSON: ${message}${hint}; the file is not read`, offset);
    return false;
  }
}
function countLines({ text, lineCounter }) {
  lineCounter.addNewLine(0);
  for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", newline + 1)) {
    lineCounter.addNewLine(newline + 1);
  }
}
function convertDocument(document, reading, limits, report) {
  const [start, end] = document.range;
  const firstError = document.errors[0];
  if (firstError !== void 0) {
    const templateAt2 = reading.text.indexOf("{{", start);
    if (templateAt2 !== -1 && templateAt2 < end) {
      reading.templateOffset = templateAt2;
      return void 0;
    }
    const offset = firstError.pos[0];
    if (firstError.code === "DUPLICATE_KEY") {
      const key = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n]*)/.exec(reading.text.slice(offset, offset + 200))?.[1] ?? "";
      report(
        "error",
        "duplicate-key",
        `duplicate key ${JSON.stringify(key.trim())}: kubectl rejects such a document, so it is not read`,
        offset
      );
    } else if (firstError.code === "RESOURCE_EXHAUSTION") {
      report("error", "too-deep", `${firstError.message}; this document is not read`, offset);
    } else {
      report(
        "error",
        "yaml-syntax",
        `invalid YAML: ${firstError.message}; this document is not read`,
        offset
      );
    }
    return void 0;
  }
  const root = document.contents;
  if (root === null) return void 0;
  const templateAt = flowMapTemplateOffset(root, reading.text);
  if (templateAt !== void 0) {
    reading.templateOffset = templateAt;
    return void 0;
  }
  try {
    const value = document.toJS({ maxAliasCount: limits.maxAliasCount });
    return { root: sourceTreeOf(root), value };
  } catch (error) {
    if (error instanceof ReferenceError) {
      report(
        "error",
        "alias-limit",
        `more than ${limits.maxAliasCount} alias expansions (limit maxAliasCount, against "billion laughs" documents); this document is not read`,
        root.range[0]
      );
    } else if (error instanceof RangeError) {
      report("error", "too-deep", "the document nests too deeply to convert; it is not read", root.range[0]);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      report("error", "yaml-syntax", `invalid YAML: ${message}; this document is not read`, root.range[0]);
    }
    return void 0;
  }
}
function flowMapTemplateOffset(root, text) {
  const pending = [root];
  for (let node = pending.pop(); node !== void 0; node = pending.pop()) {
    if ((0, import_yaml4.isPair)(node)) {
      pending.push(node.key, node.value);
    } else if ((0, import_yaml4.isMap)(node)) {
      if (node.range != null && text.startsWith("{{", node.range[0])) return node.range[0];
      for (const pair of node.items) pending.push(pair);
    } else if ((0, import_yaml4.isSeq)(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return void 0;
}
function offsetBeyondDepth(document, maxDepth) {
  const pending = [];
  if (document.value !== void 0) pending.push({ token: document.value, depth: 0 });
  for (let entry = pending.pop(); entry !== void 0; entry = pending.pop()) {
    const { token, depth } = entry;
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection")
      continue;
    if (depth >= maxDepth) return token.offset;
    for (const item of token.items) {
      if ("key" in item && item.key) pending.push({ token: item.key, depth: depth + 1 });
      if (item.value) pending.push({ token: item.value, depth: depth + 1 });
    }
  }
  return void 0;
}

// src/manifests/files.ts
import { readdir, realpath, stat } from "node:fs/promises";
import path2 from "node:path";
var MANIFEST_EXTENSIONS = /* @__PURE__ */ new Set([".yaml", ".yml", ".json"]);
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set(["node_modules"]);
function displayName2(absolute, root) {
  return path2.relative(root, absolute).split(path2.sep).join("/") || path2.basename(absolute);
}
async function findManifestFiles(paths, root, diagnostics) {
  const found = /* @__PURE__ */ new Map();
  const visitedFolders = /* @__PURE__ */ new Set();
  const unreadable = (absolute, error) => diagnostics.push({
    severity: "error",
    code: "unreadable",
    message: `cannot read ${JSON.stringify(displayName2(absolute, root))}: ${describeError(error)}`,
    file: displayName2(absolute, root)
  });
  const addFile = (absolute) => found.set(absolute, { absolute, name: displayName2(absolute, root) });
  const walk = async (folder) => {
    let entries;
    try {
      const real = await realpath(folder);
      if (visitedFolders.has(real)) return;
      visitedFolders.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      unreadable(folder, error);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
      const absolute = path2.join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target2 = await stat(absolute).catch(() => void 0);
        isFolder = target2?.isDirectory() ?? false;
        isFile = target2 === void 0 || target2.isFile();
      }
      if (isFolder) await walk(absolute);
      else if (isFile && MANIFEST_EXTENSIONS.has(path2.extname(entry.name).toLowerCase())) addFile(absolute);
    }
  };
  for (const given of paths) {
    const absolute = path2.resolve(root, given);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) await walk(absolute);
      else addFile(absolute);
    } catch (error) {
      unreadable(absolute, error);
    }
  }
  return [...found.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function describeError(error) {
  const code = error?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}

// src/manifests/validate.ts
var import_ajv = __toESM(require_ajv(), 1);

// src/manifests/networkpolicy-schema.ts
var stringMap = { type: ["object", "null"], additionalProperties: { type: "string" } };
var stringList = { type: ["array", "null"], items: { type: "string" } };
var labelSelector = {
  type: ["object", "null"],
  additionalProperties: false,
  properties: {
    matchLabels: stringMap,
    matchExpressions: {
      type: ["array", "null"],
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "operator"],
        properties: {
          key: { type: "string" },
          operator: { type: "string", enum: ["In", "NotIn", "Exists", "DoesNotExist"] },
          values: stringList
        }
      }
    }
  }
};
var peer = {
  type: "object",
  additionalProperties: false,
  properties: {
    podSelector: labelSelector,
    namespaceSelector: labelSelector,
    ipBlock: {
      type: ["object", "null"],
      additionalProperties: false,
      required: ["cidr"],
      properties: { cidr: { type: "string" }, except: stringList }
    }
  }
};
var port = {
  type: "object",
  additionalProperties: false,
  properties: {
    protocol: { type: ["string", "null"], enum: ["TCP", "UDP", "SCTP", null] },
    port: { type: ["integer", "string", "null"] },
    endPort: { type: ["integer", "null"] }
  }
};
function rule(peersField) {
  return {
    type: "object",
    additionalProperties: false,
    properties: {
      [peersField]: { type: ["array", "null"], items: peer },
      ports: { type: ["array", "null"], items: port }
    }
  };
}
var objectMeta = {
  type: "object",
  additionalProperties: false,
  properties: {
    name: { type: "string" },
    generateName: { type: "string" },
    namespace: { type: ["string", "null"] },
    labels: stringMap,
    annotations: stringMap,
    uid: { type: "string" },
    resourceVersion: { type: "string" },
    generation: { type: "integer" },
    selfLink: { type: "string" },
    creationTimestamp: { type: ["string", "null"] },
    deletionTimestamp: { type: ["string", "null"] },
    deletionGracePeriodSeconds: { type: ["integer", "null"] },
    finalizers: stringList,
    ownerReferences: { type: ["array", "null"], items: { type: "object" } },
    managedFields: { type: ["array", "null"], items: { type: "object" } }
  }
};
var networkPolicySchema = {
  type: "object",
  additionalProperties: false,
  required: ["apiVersion", "kind", "metadata"],
  properties: {
    apiVersion: { const: "networking.k8s.io/v1" },
    kind: { const: "NetworkPolicy" },
    metadata: objectMeta,
    spec: {
      type: ["object", "null"],
      additionalProperties: false,
      properties: {
        podSelector: labelSelector,
        ingress: { type: ["array", "null"], items: rule("from") },
        egress: { type: ["array", "null"], items: rule("to") },
        policyTypes: {
          type: ["array", "null"],
          maxItems: 2,
          items: { type: "string", enum: ["Ingress", "Egress"] }
        }
      }
    },
    // Read back from a cluster (`kubectl get -o yaml`); not part of what is enforced.
    status: { type: ["object", "null"] }
  }
};

// src/manifests/syntax.ts
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var IANA_SERVICE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
function dnsLabelProblem(value) {
  if (value.length > 63) return "must be no more than 63 characters";
  if (!DNS_LABEL.test(value)) {
    return 'must consist of lower case alphanumeric characters or "-", and start and end with an alphanumeric character';
  }
  return void 0;
}
function dnsSubdomainProblem(value) {
  if (value.length > 253) return "must be no more than 253 characters";
  if (!DNS_SUBDOMAIN.test(value)) {
    return 'must consist of lower case alphanumeric characters, "-" or ".", and start and end with an alphanumeric character';
  }
  return void 0;
}
function labelKeyProblem(key) {
  const slash = key.indexOf("/");
  const prefix = slash === -1 ? void 0 : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== void 0) {
    if (prefix.length === 0) return 'has an empty prefix before "/"';
    const prefixProblem = dnsSubdomainProblem(prefix);
    if (prefixProblem !== void 0) return `has a prefix that ${prefixProblem}`;
  }
  if (name.length === 0) return 'must have a name (the part after any "/")';
  if (name.length > 63) return "must have a name of no more than 63 characters";
  if (!QUALIFIED_NAME_PART.test(name)) {
    return 'must be alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric character';
  }
  return void 0;
}
function labelValueProblem(value) {
  if (value.length === 0) return void 0;
  if (value.length > 63) return "must be no more than 63 characters";
  if (!QUALIFIED_NAME_PART.test(value)) {
    return 'must be empty or alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric character';
  }
  return void 0;
}
function ianaServiceNameProblem(value) {
  if (value.length === 0 || value.length > 15) return "must be 1 to 15 characters long";
  if (!IANA_SERVICE_NAME.test(value)) {
    return 'must be lower case alphanumeric characters or "-", starting and ending with an alphanumeric character';
  }
  if (value.includes("--")) return 'must not contain consecutive "-"';
  if (!/[a-z]/.test(value))
    return "must contain at least one letter (a port number is written without quotes)";
  return void 0;
}
function parseCidr(text) {
  const slash = text.indexOf("/");
  if (slash === -1) return void 0;
  const prefixText = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(prefixText)) return void 0;
  const prefix = Number(prefixText);
  const address = text.slice(0, slash);
  const ipv4 = parseIpv4(address);
  if (ipv4 !== void 0) return prefix <= 32 ? { family: 4, bytes: ipv4, prefix } : void 0;
  const ipv6 = parseIpv6(address);
  if (ipv6 !== void 0) return prefix <= 128 ? { family: 6, bytes: ipv6, prefix } : void 0;
  return void 0;
}
function cidrContains(outer, inner) {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 128 >> (bit & 7);
    if (((outer.bytes[byte] ?? 0) & mask) !== ((inner.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}
function parseIpv4(text) {
  const parts = text.split(".");
  if (parts.length !== 4) return void 0;
  const bytes = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return void 0;
    const value = Number(part);
    if (value > 255) return void 0;
    bytes.push(value);
  }
  return bytes;
}
function parseIpv6(text) {
  let head = text;
  let tailIpv4 = [];
  const lastColon = text.lastIndexOf(":");
  if (lastColon !== -1 && text.indexOf(".", lastColon) !== -1) {
    const embedded = parseIpv4(text.slice(lastColon + 1));
    if (embedded === void 0) return void 0;
    tailIpv4 = embedded;
    const beforeEmbedded = text.slice(0, lastColon + 1);
    head = beforeEmbedded.endsWith("::") ? beforeEmbedded : beforeEmbedded.slice(0, -1);
  }
  const groupsNeeded = (16 - tailIpv4.length) / 2;
  const halves = head.split("::");
  if (halves.length > 2) return void 0;
  const parseGroups = (part) => {
    if (part === "") return [];
    const groups2 = [];
    for (const group of part.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return void 0;
      groups2.push(parseInt(group, 16));
    }
    return groups2;
  };
  const left = parseGroups(halves[0] ?? "");
  const right = halves.length === 2 ? parseGroups(halves[1] ?? "") : [];
  if (left === void 0 || right === void 0) return void 0;
  const missing = groupsNeeded - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return void 0;
  const groups = [...left, ...new Array(missing).fill(0), ...right];
  return [...groups.flatMap((group) => [group >> 8, group & 255]), ...tailIpv4];
}

// src/text/edit-distance.ts
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// src/manifests/validate.ts
var compiledSchema;
function schemaValidator() {
  compiledSchema ??= new import_ajv.Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true }).compile(
    networkPolicySchema
  );
  return compiledSchema;
}
function validateNetworkPolicy(object) {
  const problems = [...schemaProblems(object.value), ...apiProblems(object.value)];
  const resource = {
    kind: object.kind,
    ...object.namespace !== void 0 ? { namespace: object.namespace } : {},
    name: object.name
  };
  const diagnostics = problems.map((problem2) => ({
    severity: "error",
    code: "schema",
    message: `${formatPath(problem2.path)}: ${problem2.message}`,
    ...object.locate(problem2.at),
    resource
  }));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const first = diagnostics[0];
  if (first !== void 0) {
    const qualifiedName = object.namespace === void 0 ? object.name : `${object.namespace}/${object.name}`;
    first.message += ` (the API server rejects NetworkPolicy ${JSON.stringify(qualifiedName)}; it is left out of the analysis)`;
  }
  return diagnostics;
}
function formatPath(path7) {
  let text = "";
  for (const segment of path7) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === "" ? "(document)" : text;
}
function schemaProblems(value) {
  const validate = schemaValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => schemaProblem(error, instancePath(error.instancePath, value))
  );
}
function instancePath(pointer, root) {
  const path7 = [];
  let value = root;
  for (const escaped of pointer.split("/").slice(1)) {
    const segment = escaped.replace(/~1/g, "/").replace(/~0/g, "~");
    const step = Array.isArray(value) ? Number(segment) : segment;
    path7.push(step);
    value = value !== null && typeof value === "object" ? value[segment] : void 0;
  }
  return path7;
}
function schemaProblem(error, path7) {
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties": {
      const field = String(params["additionalProperty"]);
      const known = Object.keys(error.parentSchema?.["properties"] ?? {});
      const suggestion = closestName(field, known);
      const hint = suggestion === void 0 ? "" : ` (did you mean ${JSON.stringify(suggestion)}?)`;
      return { path: path7, at: [...path7, field], message: `unknown field ${JSON.stringify(field)}${hint}` };
    }
    case "required": {
      const field = String(params["missingProperty"]);
      return { path: path7, at: path7, message: `missing required field ${JSON.stringify(field)}` };
    }
    case "type":
      return {
        path: path7,
        at: path7,
        message: `must be ${describeTypes(params["type"])}, not ${describeValue(error.data)}`
      };
    case "enum": {
      const allowed = params["allowedValues"].filter((value) => value !== null).map(String);
      const suggestion = typeof error.data === "string" ? closestName(error.data, allowed) : void 0;
      const hint = suggestion === void 0 ? "" : ` (did you mean ${JSON.stringify(suggestion)}?)`;
      return {
        path: path7,
        at: path7,
        message: `${JSON.stringify(error.data)} is not one of ${allowed.join(", ")}${hint}`
      };
    }
    case "const":
      return { path: path7, at: path7, message: `must be ${JSON.stringify(params["allowedValue"])}` };
    case "maxItems":
      return { path: path7, at: path7, message: `must have at most ${String(params["limit"])} entries` };
    default:
      return { path: path7, at: path7, message: error.message ?? `fails the ${error.keyword} rule` };
  }
}
var TYPE_WORDS = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false"
};
function describeTypes(types2) {
  const names = (Array.isArray(types2) ? types2 : [types2]).filter((type) => type !== "null").map(String);
  return names.map((name) => TYPE_WORDS[name] ?? name).join(" or ");
}
function describeValue(value) {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
function closestName(name, known) {
  const sameLetters = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (sameLetters !== void 0) return sameLetters;
  let best;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    const plausible = distance <= 2 && distance * 3 <= candidate.length;
    if (plausible && (best === void 0 || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
function record(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function present(value) {
  return value !== void 0 && value !== null;
}
function apiProblems(policy) {
  const problems = [];
  const problem2 = (path7, message) => problems.push({ path: path7, at: path7, message });
  const metadata = record(policy["metadata"]) ?? {};
  const name = metadata["name"];
  if (typeof name === "string") {
    const nameProblem = dnsSubdomainProblem(name);
    if (nameProblem !== void 0)
      problem2(["metadata", "name"], `name ${JSON.stringify(name)} ${nameProblem}`);
  }
  const namespace = metadata["namespace"];
  if (typeof namespace === "string" && namespace !== "") {
    const namespaceProblem = dnsLabelProblem(namespace);
    if (namespaceProblem !== void 0) {
      problem2(["metadata", "namespace"], `namespace ${JSON.stringify(namespace)} ${namespaceProblem}`);
    }
  }
  checkLabels(["metadata", "labels"], metadata["labels"], problem2);
  for (const key of Object.keys(record(metadata["annotations"]) ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== void 0)
      problem2(["metadata", "annotations", key], `key ${JSON.stringify(key)} ${keyProblem}`);
  }
  const spec = record(policy["spec"]) ?? {};
  checkSelector(["spec", "podSelector"], spec["podSelector"], problem2);
  for (const [direction, peersField] of [
    ["ingress", "from"],
    ["egress", "to"]
  ]) {
    list(spec[direction]).forEach((rule2, ruleIndex) => {
      const rulePath = ["spec", direction, ruleIndex];
      const ruleFields = record(rule2) ?? {};
      list(ruleFields[peersField]).forEach(
        (peer3, peerIndex) => checkPeer([...rulePath, peersField, peerIndex], peer3, problem2)
      );
      list(ruleFields["ports"]).forEach(
        (port2, portIndex) => checkPort([...rulePath, "ports", portIndex], port2, problem2)
      );
    });
  }
  return problems;
}
function checkLabels(path7, labels, problem2) {
  for (const [key, value] of Object.entries(record(labels) ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== void 0) problem2([...path7, key], `label key ${JSON.stringify(key)} ${keyProblem}`);
    const valueProblem = typeof value === "string" ? labelValueProblem(value) : void 0;
    if (valueProblem !== void 0)
      problem2([...path7, key], `label value ${JSON.stringify(value)} ${valueProblem}`);
  }
}
function checkSelector(path7, selector, problem2) {
  const fields = record(selector);
  if (fields === void 0) return;
  checkLabels([...path7, "matchLabels"], fields["matchLabels"], problem2);
  list(fields["matchExpressions"]).forEach((expression, index) => {
    const expressionPath = [...path7, "matchExpressions", index];
    const { key, operator, values } = record(expression) ?? {};
    if (typeof key === "string") {
      const keyProblem = labelKeyProblem(key);
      if (keyProblem !== void 0)
        problem2([...expressionPath, "key"], `key ${JSON.stringify(key)} ${keyProblem}`);
    }
    const valueList = list(values);
    if ((operator === "In" || operator === "NotIn") && valueList.length === 0) {
      problem2(expressionPath, `operator ${operator} needs at least one entry in values`);
    }
    if ((operator === "Exists" || operator === "DoesNotExist") && valueList.length > 0) {
      problem2([...expressionPath, "values"], `operator ${operator} takes no values`);
    }
    valueList.forEach((value, valueIndex) => {
      const valueProblem = typeof value === "string" ? labelValueProblem(value) : void 0;
      if (valueProblem !== void 0) {
        problem2([...expressionPath, "values", valueIndex], `value ${JSON.stringify(value)} ${valueProblem}`);
      }
    });
  });
}
var PEER_FIELDS = /* @__PURE__ */ new Set(["podSelector", "namespaceSelector", "ipBlock"]);
function checkPeer(path7, peer3, problem2) {
  const fields = record(peer3);
  if (fields === void 0) return;
  const hasSelector = present(fields["podSelector"]) || present(fields["namespaceSelector"]);
  const hasIpBlock = present(fields["ipBlock"]);
  const onlyUnknownFields = Object.keys(fields).length > 0 && Object.keys(fields).every((key) => !PEER_FIELDS.has(key));
  if (!hasSelector && !hasIpBlock && !onlyUnknownFields) {
    problem2(path7, "a peer must set podSelector, namespaceSelector or ipBlock (an empty one is left as null)");
  }
  if (hasSelector && hasIpBlock) {
    problem2(path7, "a peer may not combine ipBlock with podSelector or namespaceSelector (use two peers)");
  }
  checkSelector([...path7, "podSelector"], fields["podSelector"], problem2);
  checkSelector([...path7, "namespaceSelector"], fields["namespaceSelector"], problem2);
  checkIpBlock([...path7, "ipBlock"], fields["ipBlock"], problem2);
}
var CIDR_FORM = "must be a CIDR such as 10.0.0.0/16 or 2001:db8::/32 (prefix length 0-32 for IPv4, 0-128 for IPv6)";
function checkIpBlock(path7, ipBlock, problem2) {
  const fields = record(ipBlock);
  if (fields === void 0 || typeof fields["cidr"] !== "string") return;
  const cidrText = fields["cidr"];
  const cidr = parseCidr(cidrText);
  if (cidr === void 0) problem2([...path7, "cidr"], `${JSON.stringify(cidrText)} ${CIDR_FORM}`);
  list(fields["except"]).forEach((exceptText, index) => {
    if (typeof exceptText !== "string") return;
    const exceptPath = [...path7, "except", index];
    const except = parseCidr(exceptText);
    if (except === void 0) {
      problem2(exceptPath, `${JSON.stringify(exceptText)} ${CIDR_FORM}`);
    } else if (cidr !== void 0 && (except.prefix <= cidr.prefix || !cidrContains(cidr, except))) {
      const family = except.family === cidr.family ? "" : ` (it is IPv${except.family}, cidr is IPv${cidr.family})`;
      problem2(
        exceptPath,
        `${JSON.stringify(exceptText)} must be strictly inside cidr ${JSON.stringify(cidrText)}${family}`
      );
    }
  });
}
function checkPort(path7, port2, problem2) {
  const fields = record(port2);
  if (fields === void 0) return;
  const number = fields["port"];
  const endPort = fields["endPort"];
  if (Number.isInteger(number) && !isPortNumber3(number)) {
    problem2([...path7, "port"], `port ${String(number)} is out of range 1-65535`);
  }
  if (typeof number === "string") {
    const nameProblem = ianaServiceNameProblem(number);
    if (nameProblem !== void 0)
      problem2([...path7, "port"], `named port ${JSON.stringify(number)} ${nameProblem}`);
  }
  if (!Number.isInteger(endPort)) return;
  if (!isPortNumber3(endPort))
    problem2([...path7, "endPort"], `endPort ${String(endPort)} is out of range 1-65535`);
  if (!present(number)) {
    problem2([...path7, "endPort"], "endPort needs a numeric port to start the range");
  } else if (typeof number === "string") {
    problem2([...path7, "endPort"], `endPort may not be used with a named port (${JSON.stringify(number)})`);
  } else if (typeof number === "number" && endPort < number) {
    problem2(
      [...path7, "endPort"],
      `endPort ${String(endPort)} must be greater than or equal to port ${number}`
    );
  }
}
function isPortNumber3(value) {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

// src/manifests/objects.ts
var ANALYSED_KINDS = /* @__PURE__ */ new Map([
  ["NetworkPolicy", ["networking.k8s.io"]],
  ["Namespace", [""]],
  ["Pod", [""]],
  ["Service", [""]],
  ["ReplicationController", [""]],
  ["Deployment", ["apps", "extensions"]],
  ["StatefulSet", ["apps"]],
  ["DaemonSet", ["apps", "extensions"]],
  ["ReplicaSet", ["apps", "extensions"]],
  ["Job", ["batch"]],
  ["CronJob", ["batch"]]
]);
var NETWORK_POLICY_API_VERSION = "networking.k8s.io/v1";
var KINDS_WITH_FIELD_POSITIONS = /* @__PURE__ */ new Set(["NetworkPolicy", "Service"]);
function collectObjects(document, reading, into) {
  collectCandidate({ value: document.value, node: document.root }, reading, into);
}
function collectCandidate(candidate, reading, into) {
  const { node } = candidate;
  const offset = node.start ?? 0;
  if (candidate.value === null || candidate.value === void 0) return;
  const written = plainObject(candidate.value);
  if (written === void 0) {
    noteNotKubernetes(describeShape(candidate.value), offset, reading, into);
    return;
  }
  const value = withInheritedType(written, candidate.inherited);
  const { kind, apiVersion } = value;
  if (typeof kind !== "string" || kind === "" || typeof apiVersion !== "string" || apiVersion === "") {
    noteNotKubernetes("a mapping without kind and apiVersion", offset, reading, into);
    return;
  }
  if (kind.endsWith("List") && Array.isArray(value["items"])) {
    const itemNodes = sourceNodeAt(node, ["items"])?.items;
    const itemKind = kind === "List" ? void 0 : kind.slice(0, -"List".length);
    value["items"].forEach((item, index) => {
      const itemNode = itemNodes?.[index];
      collectCandidate(
        { value: item, node: itemNode ?? node, inherited: { kind: itemKind, apiVersion } },
        reading,
        into
      );
    });
    return;
  }
  const groups = ANALYSED_KINDS.get(kind);
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  if (groups === void 0) {
    count(into.skippedKinds, kind);
    return;
  }
  if (!groups.includes(group) || kind === "NetworkPolicy" && apiVersion !== NETWORK_POLICY_API_VERSION) {
    count(into.skippedKinds, `${kind} (${apiVersion})`);
    if (kind === "NetworkPolicy") {
      reading.diagnostics.push({
        severity: "warning",
        code: "unsupported-api-version",
        message: `NetworkPolicy with apiVersion ${JSON.stringify(apiVersion)} is not analysed: only ${NETWORK_POLICY_API_VERSION} NetworkPolicies are (others are removed from Kubernetes or belong to another product, such as Calico)`,
        ...locationAt(reading.file, reading.lineCounter, offset)
      });
    }
    return;
  }
  const object = loadedObject(value, kind, apiVersion, node, reading);
  if (object === void 0) return;
  if (kind === "NetworkPolicy") {
    const problems = validateNetworkPolicy(object);
    if (problems.length > 0) {
      for (const problem2 of problems) reading.diagnostics.push(problem2);
      return;
    }
  }
  into.objects.push(object);
}
function loadedObject(value, kind, apiVersion, node, reading) {
  const offset = node.start ?? 0;
  const loc = locationAt(reading.file, reading.lineCounter, offset);
  const metadata = plainObject(value["metadata"]);
  const name = metadata?.["name"];
  const namespace = metadata?.["namespace"];
  for (const field of ["name", "namespace"]) {
    const text = metadata?.[field];
    if (typeof text === "string" && text.includes("{{")) {
      reading.templateOffset = sourceNodeAt(node, ["metadata", field])?.start ?? offset;
      return void 0;
    }
  }
  const invalid = (message) => {
    reading.diagnostics.push({
      severity: "error",
      code: "invalid-metadata",
      message: `${kind}: ${message}`,
      ...loc
    });
    return void 0;
  };
  if (typeof name !== "string" || name === "") {
    return invalid(
      name === void 0 || name === null ? "metadata.name is missing, so the object cannot be analysed (a generateName is only resolved by the API server)" : `metadata.name must be a string, not ${describeShape(name)}; the object is not analysed`
    );
  }
  if (namespace !== void 0 && namespace !== null && typeof namespace !== "string") {
    return invalid(
      `metadata.namespace of ${JSON.stringify(name)} must be a string; the object is not analysed`
    );
  }
  const written = KINDS_WITH_FIELD_POSITIONS.has(kind) ? { root: node, file: reading.file, lineCounter: reading.lineCounter } : void 0;
  return {
    apiVersion,
    kind,
    name,
    namespace: typeof namespace === "string" && namespace !== "" ? namespace : void 0,
    value,
    loc,
    locate: makeLocator(loc, written)
  };
}
function withInheritedType(value, inherited) {
  if (inherited === void 0 || value["kind"] !== void 0 && value["apiVersion"] !== void 0)
    return value;
  return { apiVersion: inherited.apiVersion, kind: inherited.kind, ...value };
}
function noteNotKubernetes(shape, offset, reading, into) {
  if (into.notKubernetesReported) return;
  into.notKubernetesReported = true;
  reading.diagnostics.push({
    severity: "info",
    code: "not-kubernetes",
    message: `not a Kubernetes manifest (${shape}, as in a docker-compose or Helm values file); such documents in this file are skipped`,
    ...locationAt(reading.file, reading.lineCounter, offset)
  });
}
function plainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function describeShape(value) {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return `a ${typeof value}`;
}
function count(counts, key) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

// src/manifests/load.ts
var DEFAULT_LOAD_LIMITS = {
  maxFileBytes: 16 * 1024 * 1024,
  maxDocumentsPerFile: 1e5,
  maxAliasCount: 1e3,
  maxDepth: 200
};
async function loadManifests(paths, options = {}) {
  const root = path3.resolve(options.root ?? process.cwd());
  const limits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const result = emptyResult();
  const files = await findManifestFiles(paths, root, result.diagnostics);
  for (const file of files) {
    const read = readManifestFile(file, limits);
    result.files.push(file.name);
    if ("problem" in read) {
      result.diagnostics.push({ ...read.problem, file: file.name });
      continue;
    }
    const parse2 = () => parseFileText(read.text, file.name, formatOf(file.name), limits);
    addFileResult(
      result,
      options.parseCache ? options.parseCache.get(read.text, file.name, limits, parse2) : parse2()
    );
  }
  return sortSkippedKinds(result);
}
var ParseCache = class {
  /** The last file parsed under each name and limits (a side has one file of a name). */
  files = /* @__PURE__ */ new Map();
  /** The parse of a file, made by `parse` only when no equal file was parsed before. */
  get(text, file, limits, parse2) {
    const key = `${file}\0${JSON.stringify(limits)}`;
    const known = this.files.get(key);
    if (known?.text === text) return known.parsed;
    const parsed = parse2();
    this.files.set(key, { text, parsed });
    return parsed;
  }
};
function parseManifestText(text, file, options = {}) {
  const limits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const result = emptyResult();
  result.files.push(file);
  const size = Buffer.byteLength(text);
  if (size > limits.maxFileBytes) {
    result.diagnostics.push({ ...tooLarge(size, limits), file });
  } else {
    addFileResult(result, parseFileText(text.replace(/^\uFEFF/, ""), file, formatOf(file), limits));
  }
  return sortSkippedKinds(result);
}
function readManifestFile(file, limits) {
  try {
    const { size } = statSync(file.absolute);
    if (size > limits.maxFileBytes) return { problem: tooLarge(size, limits) };
    return { text: decode(readFileSync(file.absolute)) };
  } catch (error) {
    return {
      problem: {
        severity: "error",
        code: "unreadable",
        message: `cannot read the file: ${describeError(error)}`
      }
    };
  }
}
function decode(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 254 && bytes[1] === 255) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}
function tooLarge(size, limits) {
  return {
    severity: "error",
    code: "file-too-large",
    message: `the file has ${size} bytes, more than the ${limits.maxFileBytes} of limit maxFileBytes; it is not read`
  };
}
function formatOf(file) {
  return file.toLowerCase().endsWith(".json") ? "json" : "yaml";
}
function parseFileText(text, file, format, limits) {
  const lineCounter = new import_yaml5.LineCounter();
  const reading = { file, text, lineCounter, diagnostics: [] };
  const collected = { objects: [], skippedKinds: /* @__PURE__ */ new Map(), notKubernetesReported: false };
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    const line = text.slice(0, nul).split("\n").length;
    const binary = {
      severity: "warning",
      code: "binary-file",
      message: "the file holds NUL bytes: it is binary, not a manifest, and is not read",
      file,
      line,
      column: 1
    };
    return { ...collected, diagnostics: [binary] };
  }
  try {
    for (const document of readDocuments(reading, format, limits)) {
      collectObjects(document, reading, collected);
      if (reading.templateOffset !== void 0) break;
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reading.diagnostics.push({
      severity: "error",
      code: "too-deep",
      message: "the file nests too deeply to read; lower limit maxDepth",
      file
    });
  }
  if (reading.templateOffset !== void 0) {
    const unrendered = {
      severity: "error",
      code: "unrendered-template",
      message: 'unrendered template syntax ("{{ ... }}"): this file is a Helm or Go template, not a manifest, and is not read. Render it first and check the output (the `render` option, e.g. `helm template` or `kustomize build`), or leave the templates folder out of the manifest paths',
      ...locationAt(file, lineCounter, reading.templateOffset)
    };
    return { objects: [], skippedKinds: /* @__PURE__ */ new Map(), notKubernetesReported: false, diagnostics: [unrendered] };
  }
  return { ...collected, diagnostics: reading.diagnostics };
}
function emptyResult() {
  return { objects: [], diagnostics: [], skippedKinds: {}, files: [] };
}
function addFileResult(result, file) {
  for (const object of file.objects) result.objects.push(object);
  for (const diagnostic of file.diagnostics) result.diagnostics.push(diagnostic);
  for (const [kind, count3] of file.skippedKinds)
    result.skippedKinds[kind] = (result.skippedKinds[kind] ?? 0) + count3;
}
function sortSkippedKinds(result) {
  const sorted = Object.keys(result.skippedKinds).sort();
  result.skippedKinds = Object.fromEntries(sorted.map((kind) => [kind, result.skippedKinds[kind] ?? 0]));
  return result;
}

// src/config/defaults.ts
var DEFAULT_CONFIG_FILE = ".netpol-guard.yaml";
var DEFAULT_CONFIG = Object.freeze({
  rules: {},
  ignore: [],
  dns: {
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
    podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
    ports: [
      { protocol: "UDP", port: 53 },
      { protocol: "TCP", port: 53 }
    ]
  },
  cluster: { podCidrs: [], serviceCidrs: [] },
  defaultNamespace: "default",
  namespaces: {},
  failOn: "error",
  failOnBrokenFlows: true,
  limits: {
    ...DEFAULT_LOAD_LIMITS,
    maxLineBytes: DEFAULT_MAX_LINE_BYTES,
    maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
    maxSkippedSamples: DEFAULT_MAX_SKIPPED_SAMPLES
  }
});

// src/config/schema.ts
var labelMap = { type: "object", additionalProperties: { type: "string" } };
var labelSelector2 = {
  type: "object",
  additionalProperties: false,
  properties: {
    matchLabels: labelMap,
    matchExpressions: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "operator"],
        properties: {
          key: { type: "string", minLength: 1 },
          operator: { enum: ["In", "NotIn", "Exists", "DoesNotExist"] },
          values: { type: "array", items: { type: "string" } }
        }
      }
    }
  }
};
var stringList2 = { type: "array", items: { type: "string" } };
var count2 = { type: "integer", minimum: 1 };
var CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    rules: { type: "object", additionalProperties: { enum: ["off", "info", "warning", "error"] } },
    ignore: stringList2,
    dns: {
      type: "object",
      additionalProperties: false,
      properties: {
        namespaceSelector: labelSelector2,
        podSelector: labelSelector2,
        ports: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            additionalProperties: false,
            required: ["port"],
            properties: {
              protocol: { enum: ["TCP", "UDP", "SCTP"] },
              port: { type: "integer", minimum: 1, maximum: 65535 }
            }
          }
        }
      }
    },
    cluster: {
      type: "object",
      additionalProperties: false,
      properties: { podCidrs: stringList2, serviceCidrs: stringList2 }
    },
    defaultNamespace: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$" },
    namespaces: {
      type: "object",
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: { labels: labelMap }
      }
    },
    failOn: { enum: ["error", "warning", "never"] },
    failOnBrokenFlows: { type: "boolean" },
    limits: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxFileBytes: count2,
        maxDocumentsPerFile: count2,
        maxAliasCount: { type: "integer", minimum: 0 },
        maxDepth: count2,
        maxLineBytes: count2,
        maxDocumentBytes: count2,
        maxSkippedSamples: { type: "integer", minimum: 0 }
      }
    }
  }
};

// src/config/load.ts
var validateConfig = new import_ajv2.Ajv({ allErrors: true, strict: true }).compile(CONFIG_SCHEMA);
function loadConfig(file, cwd) {
  const absolute = path4.resolve(cwd, file ?? DEFAULT_CONFIG_FILE);
  const displayName3 = path4.relative(cwd, absolute) || absolute;
  const diagnostics = [];
  if (!existsSync(absolute)) {
    if (file !== void 0) {
      diagnostics.push({
        severity: "error",
        code: "config",
        message: `config file not found: ${file}`,
        file
      });
    }
    return { config: structuredClone(DEFAULT_CONFIG), diagnostics };
  }
  let text;
  try {
    text = readFileSync2(absolute, "utf8");
  } catch (error) {
    const message = `cannot read config file: ${error.message}`;
    diagnostics.push({ severity: "error", code: "config", message, file: displayName3 });
    return { config: structuredClone(DEFAULT_CONFIG), diagnostics };
  }
  const config = parseConfigText(text, displayName3, diagnostics);
  return { config: { ...config, file: displayName3 }, diagnostics };
}
function parseConfigText(text, file, diagnostics) {
  const lineCounter = new import_yaml6.LineCounter();
  const doc = (0, import_yaml6.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (offset) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line, column: col };
  };
  for (const error of doc.errors) {
    diagnostics.push({ severity: "error", code: "config", message: error.message, ...locate(error.pos[0]) });
  }
  if (doc.errors.length > 0) return structuredClone(DEFAULT_CONFIG);
  const content = doc.toJS() ?? {};
  if (!validateConfig(content)) {
    const rejected = [];
    for (const error of validateConfig.errors ?? []) {
      const segments = errorPath(error);
      const where = locate(nodeAt(doc, segments)?.range?.[0]);
      const field = segments.length > 0 ? segments.join(".") : "config";
      diagnostics.push({
        severity: "error",
        code: "config",
        message: describeError2(error, field),
        ...where
      });
      rejected.push(segments);
    }
    if (typeof content !== "object" || content === null || Array.isArray(content)) {
      return structuredClone(DEFAULT_CONFIG);
    }
    for (const segments of rejected) dropSetting(content, segments);
  }
  const given = content;
  checkRuleIds(given, doc, locate, diagnostics);
  checkCidrs(given, doc, locate, diagnostics);
  return mergeWithDefaults(given);
}
function dropSetting(content, segments) {
  const [section, entry] = segments;
  if (section === void 0) return;
  const value = content[section];
  if (entry === void 0 || typeof entry === "number" || typeof value !== "object" || value === null || Array.isArray(value)) {
    delete content[section];
    return;
  }
  delete value[entry];
}
function describeError2(error, field) {
  if (error.keyword === "additionalProperties") return `unknown setting "${field}"`;
  if (error.keyword === "enum") {
    const allowed = error.params.allowedValues.map((value) => String(value)).join(", ");
    return `${field} must be one of ${allowed}`;
  }
  return `${field} ${error.message ?? "is invalid"}`;
}
function errorPath(error) {
  const segments = error.instancePath.split("/").slice(1).map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~")).map((segment) => /^\d+$/.test(segment) ? Number(segment) : segment);
  if (error.keyword === "additionalProperties") segments.push(String(error.params.additionalProperty));
  return segments;
}
function nodeAt(doc, segments) {
  let node = doc.contents;
  let found = node;
  for (const segment of segments) {
    if ((0, import_yaml6.isMap)(node)) {
      const pair = node.items.find((item) => item.key?.value === segment);
      if (!pair) break;
      found = pair.key ?? found;
      node = pair.value;
    } else if ((0, import_yaml6.isSeq)(node) && typeof segment === "number") {
      node = node.items[segment];
      if (!node) break;
      found = node;
    } else {
      break;
    }
  }
  return found;
}
function checkRuleIds(given, doc, locate, diagnostics) {
  const known = rules.map((rule2) => rule2.meta.id);
  for (const id of Object.keys(given.rules ?? {})) {
    if (known.includes(id)) continue;
    const suggestion = closest(id, known);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
    diagnostics.push({
      severity: "warning",
      code: "config",
      message: `unknown rule "${id}" in rules${hint}; it is ignored`,
      ...locate(nodeAt(doc, ["rules", id])?.range?.[0])
    });
    delete given.rules?.[id];
  }
}
function checkCidrs(given, doc, locate, diagnostics) {
  for (const key of ["podCidrs", "serviceCidrs"]) {
    const cidrs = given.cluster?.[key];
    if (!cidrs || !given.cluster) continue;
    given.cluster[key] = cidrs.filter((cidr, index) => {
      if (cidrToRange(cidr)) return true;
      diagnostics.push({
        severity: "error",
        code: "config",
        message: `cluster.${key}: "${cidr}" is not a CIDR (e.g. 10.244.0.0/16); it is ignored`,
        ...locate(nodeAt(doc, ["cluster", key, index])?.range?.[0])
      });
      return false;
    });
  }
}
function mergeWithDefaults(given) {
  const defaults2 = structuredClone(DEFAULT_CONFIG);
  return {
    ...defaults2,
    ...given,
    rules: { ...defaults2.rules, ...given.rules },
    dns: {
      ...defaults2.dns,
      ...given.dns,
      ports: (given.dns?.ports ?? defaults2.dns.ports).map((port2) => ({
        protocol: port2.protocol ?? "TCP",
        port: port2.port
      }))
    },
    cluster: { ...defaults2.cluster, ...given.cluster },
    limits: { ...defaults2.limits, ...given.limits },
    namespaces: Object.fromEntries(
      Object.entries(given.namespaces ?? {}).map(([name, ns]) => [name, { labels: { ...ns?.labels } }])
    )
  };
}
function closest(id, known) {
  let best;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (distance <= 3 && (!best || distance < best.distance)) best = { id: candidate, distance };
  }
  return best?.id;
}

// src/diff/explain-text.ts
var at = (loc) => `${loc.file}:${loc.line}`;
function describeDenial(explanation, fromLabel, toLabel) {
  const parts = [];
  let location;
  const sides = [
    [explanation.egress, `egress of ${fromLabel}`],
    [explanation.ingress, `ingress of ${toLabel}`]
  ];
  for (const [side, subject] of sides) {
    if (side.allowed) continue;
    const policies = side.policies.map((p) => `${p.policy} (${at(p.loc)})`).join(", ");
    const target2 = side.direction === "egress" ? `to ${toLabel}` : `from ${fromLabel}`;
    let sentence = `${subject} is isolated by ${policies} and no rule allows the port ${target2}`;
    const nearMiss = side.policies.flatMap((p) => p.rules.map((r) => ({ policy: p.policy, rule: r }))).find(({ rule: rule2 }) => rule2.peerMatches && !rule2.portMatches);
    if (nearMiss)
      sentence += ` (${nearMiss.policy} ${side.direction}[${nearMiss.rule.index}] at ${at(nearMiss.rule.loc)} matches the peer but not the port)`;
    parts.push(sentence);
    location ??= nearMiss?.rule.loc ?? side.policies[0]?.loc;
  }
  return { text: parts.length > 0 ? parts.join("; ") : "allowed", ...location ? { location } : {} };
}

// src/policy/portset.ts
var MIN_PORT = 1;
var MAX_PORT = 65535;
var ConnSet = class _ConnSet {
  constructor(byProtocol) {
    this.byProtocol = byProtocol;
  }
  byProtocol;
  static EMPTY = new _ConnSet({ TCP: [], UDP: [], SCTP: [] });
  static FULL = new _ConnSet({
    TCP: [[MIN_PORT, MAX_PORT]],
    UDP: [[MIN_PORT, MAX_PORT]],
    SCTP: [[MIN_PORT, MAX_PORT]]
  });
  /** Every port of TCP, UDP and SCTP: what a direction allows when no policy isolates it. */
  static all() {
    return _ConnSet.FULL;
  }
  static none() {
    return _ConnSet.EMPTY;
  }
  /** The given ranges of one protocol (any order, overlapping allowed; clipped to 1..65535). */
  static of(protocol, ranges) {
    return _ConnSet.from({ [protocol]: ranges });
  }
  /** Every port of one protocol. */
  static allOf(protocol) {
    return _ConnSet.of(protocol, [[MIN_PORT, MAX_PORT]]);
  }
  /** Builds a set from ranges per protocol (any order, overlapping allowed; clipped to 1..65535). */
  static from(ranges) {
    return _ConnSet.create({
      TCP: normalize(ranges.TCP ?? []),
      UDP: normalize(ranges.UDP ?? []),
      SCTP: normalize(ranges.SCTP ?? [])
    });
  }
  static create(byProtocol) {
    const set = new _ConnSet(byProtocol);
    if (set.isEmpty()) return _ConnSet.EMPTY;
    return set.equals(_ConnSet.FULL) ? _ConnSet.FULL : set;
  }
  combine(other, op) {
    const TCP = op(this.byProtocol.TCP, other.byProtocol.TCP);
    const UDP = op(this.byProtocol.UDP, other.byProtocol.UDP);
    const SCTP = op(this.byProtocol.SCTP, other.byProtocol.SCTP);
    const { byProtocol: mine } = this;
    if (TCP === mine.TCP && UDP === mine.UDP && SCTP === mine.SCTP) return this;
    const { byProtocol: theirs } = other;
    if (TCP === theirs.TCP && UDP === theirs.UDP && SCTP === theirs.SCTP) return other;
    return _ConnSet.create({ TCP, UDP, SCTP });
  }
  union(other) {
    if (other === this || other.isEmpty() || this === _ConnSet.FULL) return this;
    if (this.isEmpty() || other === _ConnSet.FULL) return other;
    return this.combine(other, unionRanges);
  }
  intersection(other) {
    if (this.isEmpty() || other === _ConnSet.FULL) return this;
    if (other.isEmpty() || this === _ConnSet.FULL) return other;
    return this.combine(other, intersectRanges);
  }
  subtract(other) {
    if (other.isEmpty() || this.isEmpty()) return this;
    return this.combine(other, (a, b) => intersectRanges(a, complement(b)));
  }
  equals(other) {
    return PROTOCOLS.every((protocol) => sameRanges(this.byProtocol[protocol], other.byProtocol[protocol]));
  }
  isEmpty() {
    return PROTOCOLS.every((protocol) => this.byProtocol[protocol].length === 0);
  }
  /** Every port of every protocol. */
  isAll() {
    return this.equals(_ConnSet.FULL);
  }
  has(protocol, port2) {
    return this.byProtocol[protocol].some(([lo, hi]) => lo <= port2 && port2 <= hi);
  }
  ranges(protocol) {
    return this.byProtocol[protocol];
  }
  /** Protocols with at least one port, in `PROTOCOLS` order. */
  protocols() {
    return PROTOCOLS.filter((protocol) => this.byProtocol[protocol].length > 0);
  }
  /**
   * The compact form reports and tests compare: `All Connections`, `No Connections`, or protocol groups sorted by
   * name, e.g. `TCP 80,8080-8090,UDP 53` (the notation NP-Guard uses, so outputs can be compared with it).
   */
  toString() {
    if (this.isEmpty()) return "No Connections";
    if (this.isAll()) return "All Connections";
    return [...PROTOCOLS].sort().filter((protocol) => this.byProtocol[protocol].length > 0).map((protocol) => `${protocol} ${this.byProtocol[protocol].map(formatRange).join(",")}`).join(",");
  }
};
function formatRange([lo, hi]) {
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}
function normalize(ranges) {
  const clipped = ranges.map(([lo, hi]) => [Math.max(lo, MIN_PORT), Math.min(hi, MAX_PORT)]).filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [lo, hi] of clipped) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}
function unionRanges(a, b) {
  if (covers(a, b)) return a;
  if (covers(b, a)) return b;
  const merged = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || i < a.length && a[i][0] <= b[j][0] ? a[i++] : b[j++];
    const last = merged.at(-1);
    if (!last || next[0] > last[1] + 1) merged.push(next);
    else if (next[1] > last[1]) merged[merged.length - 1] = [last[0], next[1]];
  }
  return merged;
}
function covers(outer, inner) {
  let i = 0;
  for (const [lo, hi] of inner) {
    while (i < outer.length && outer[i][1] < lo) i++;
    const range2 = outer[i];
    if (!range2 || range2[0] > lo || range2[1] < hi) return false;
  }
  return true;
}
function intersectRanges(a, b) {
  const result = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i];
    const [bLo, bHi] = b[j];
    const lo = Math.max(aLo, bLo);
    const hi = Math.min(aHi, bHi);
    if (lo <= hi) result.push([lo, hi]);
    if (aHi < bHi) i++;
    else j++;
  }
  return result;
}
function complement(ranges) {
  const result = [];
  let next = MIN_PORT;
  for (const [lo, hi] of ranges) {
    if (lo > next) result.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_PORT) result.push([next, MAX_PORT]);
  return result;
}
function sameRanges(a, b) {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i][0] && hi === b[i][1]);
}

// src/policy/compile.ts
function compilePolicy(policy) {
  const compileRules = (direction) => (policy.types[direction] ? policy[direction] : []).map((rule2, index) => compileRule(policy, rule2, index));
  return {
    policy,
    selects: compileSelector(policy.podSelector),
    ingress: compileRules("ingress"),
    egress: compileRules("egress")
  };
}
function compileRule(policy, rule2, index) {
  return {
    index,
    rule: rule2,
    ...rule2.peers ? { peers: rule2.peers.map((peer3) => compilePeer(policy.namespace, peer3)) } : {},
    ports: compilePorts(rule2)
  };
}
function compilePeer(policyNamespace, peer3) {
  if (peer3.ipBlock) {
    const ranges = ipBlockRanges(peer3.ipBlock);
    const admits2 = (address) => ranges.some((range2) => rangeContains(range2, address));
    const key = `ip:${JSON.stringify(peer3.ipBlock)}`;
    return {
      peer: peer3,
      ipRanges: ranges,
      key,
      namespaceKey: "ip",
      matchesNamespace: () => false,
      // A pod matches when one of its stated addresses is admitted: an ipBlock names addresses, and pods have some.
      matches: (facts) => "pod" in facts ? facts.pod.ips.some(admits2) : facts.address !== void 0 && admits2(facts.address)
    };
  }
  const podMatches = compileSelector(peer3.podSelector ?? {});
  const namespaceSelector = peer3.namespaceSelector && compileSelector(peer3.namespaceSelector);
  const matchesNamespace = (namespace, labels) => namespaceSelector ? namespaceSelector(labels) : namespace === policyNamespace;
  const namespaceKey = peer3.namespaceSelector ? `ns:${JSON.stringify(peer3.namespaceSelector)}` : `in:${policyNamespace}`;
  return {
    peer: peer3,
    ipRanges: [],
    key: `${namespaceKey}|pod:${JSON.stringify(peer3.podSelector ?? {})}`,
    namespaceKey,
    matchesNamespace,
    matches: (facts) => "pod" in facts && matchesNamespace(facts.pod.namespace, facts.pod.namespaceLabels) && podMatches(facts.pod.labels)
  };
}
function matchesEveryPod(peer3) {
  const { namespaceSelector, podSelector, ipBlock } = peer3.peer;
  return !ipBlock && !!namespaceSelector && isEmptySelector(namespaceSelector) && isEmptySelector(podSelector ?? {});
}
function compilePorts(rule2) {
  if (!rule2.ports) return { hasNamed: false, resolve: () => ConnSet.all() };
  let fixed = ConnSet.none();
  const named = [];
  for (const port2 of rule2.ports) {
    if (port2.port === void 0) fixed = fixed.union(ConnSet.allOf(port2.protocol));
    else if (typeof port2.port === "number")
      fixed = fixed.union(ConnSet.of(port2.protocol, [[port2.port, port2.endPort ?? port2.port]]));
    else named.push({ name: port2.port, protocol: port2.protocol });
  }
  if (named.length === 0) return { hasNamed: false, resolve: () => fixed };
  const resolved = /* @__PURE__ */ new WeakMap();
  return {
    hasNamed: true,
    // A name means whatever port the destination's container declares under that name and protocol; an address
    // outside the pods declares none, so a named port never matches it.
    resolve(destinationPorts) {
      if (!destinationPorts) return fixed;
      let ports = resolved.get(destinationPorts);
      if (!ports) {
        ports = destinationPorts.filter(
          (declared) => named.some((n) => n.name === declared.name && n.protocol === declared.protocol)
        ).reduce(
          (set, declared) => set.union(ConnSet.of(declared.protocol, [[declared.port, declared.port]])),
          fixed
        );
        resolved.set(destinationPorts, ports);
      }
      return ports;
    }
  };
}

// src/policy/external.ts
var PROTOCOL_ORDER = [...PROTOCOLS].sort();
function externalBlocks(contributions) {
  const blocks2 = [];
  for (const family of [4, 6]) {
    const segments = allowedSegments(family, contributions);
    for (const protocol of PROTOCOL_ORDER) {
      for (const merged of mergeSegments(segments, protocol)) {
        for (const cidr of rangeToCidrs(merged.range)) {
          blocks2.push({
            cidr,
            range: cidrToRange(cidr),
            protocol,
            ports: merged.ports.map(([lo, hi]) => [lo, hi])
          });
        }
      }
    }
  }
  return blocks2.sort(compareBlocks);
}
function compareBlocks(a, b) {
  return compareRanges(a.range, b.range) || PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol);
}
function allowedSegments(family, contributions) {
  const bounded = contributions.flatMap((c) => c.ranges ?? []).filter((range2) => range2.family === family);
  return cutAddressSpace(family, bounded).map((range2) => ({
    range: range2,
    ports: contributions.filter((c) => !c.ranges || c.ranges.some((covering) => rangeContains(covering, range2))).reduce((ports, c) => ports.union(c.ports), ConnSet.none())
  }));
}
function mergeSegments(segments, protocol) {
  const merged = [];
  for (const segment of segments) {
    const ports = segment.ports.ranges(protocol);
    if (ports.length === 0) continue;
    const last = merged.at(-1);
    if (last && last.range.end + 1n === segment.range.start && ConnSet.of(protocol, last.ports).equals(ConnSet.of(protocol, ports))) {
      last.range = { ...last.range, end: segment.range.end };
    } else {
      merged.push({ range: segment.range, ports });
    }
  }
  return merged;
}

// src/policy/engine.ts
function createEngine(model) {
  return new Engine(model);
}
var Engine = class {
  constructor(model) {
    this.model = model;
    for (const policy of model.policies) {
      const compiled = this.compiled(policy);
      pushTo(this.policiesByNamespace, policy.namespace, compiled);
    }
    const groupByKey = /* @__PURE__ */ new Map();
    for (const workload of model.workloads) {
      const key = groupKey(workload);
      let group = groupByKey.get(key);
      if (!group) {
        const facts = this.podFacts(workload);
        group = { index: this.groups.length, facts, members: [], selecting: this.evaluateSelecting(facts) };
        groupByKey.set(key, group);
        this.groups.push(group);
        pushTo(this.groupsByNamespace, workload.namespace, group);
      }
      group.members.push(workload);
      this.groupOfWorkload.set(workload, group);
    }
  }
  model;
  policiesByNamespace = /* @__PURE__ */ new Map();
  groups = [];
  groupOfWorkload = /* @__PURE__ */ new Map();
  /** What is worked out about workloads outside the model (probes, pods only flows describe), per workload. */
  outsideFacts = /* @__PURE__ */ new WeakMap();
  outsideSelecting = /* @__PURE__ */ new WeakMap();
  groupsByNamespace = /* @__PURE__ */ new Map();
  peerGroups = /* @__PURE__ */ new Map();
  namespaceGroups = /* @__PURE__ */ new Map();
  peerMembers = /* @__PURE__ */ new Map();
  policyWorkloads(policy) {
    const compiled = this.compiled(policy);
    return (this.groupsByNamespace.get(policy.namespace) ?? []).filter((group) => compiled.selects(group.facts.labels)).flatMap((group) => group.members);
  }
  selectingPolicies(workload, direction) {
    return this.selecting(workload, direction).map((compiled) => compiled.policy);
  }
  isIsolated(workload, direction) {
    return this.selecting(workload, direction).length > 0;
  }
  peerWorkloads(policy, peer3) {
    const compiled = this.compiledPeer(policy, peer3);
    let workloads = this.peerMembers.get(compiled.key);
    if (!workloads) {
      workloads = this.matchedGroups(compiled).flatMap((group) => group.members);
      this.peerMembers.set(compiled.key, workloads);
    }
    return workloads;
  }
  peerNamespaces(policy, peer3) {
    const compiled = this.compiledPeer(policy, peer3);
    return [...this.model.namespaces.values()].filter((ns) => compiled.matchesNamespace(ns.name, ns.labels));
  }
  allowedPorts(from, to) {
    return this.evaluateSide("egress", from, to).allowed.intersection(
      this.evaluateSide("ingress", to, from).allowed
    );
  }
  isAllowed(from, to, protocol, port2) {
    return this.sideAllows("egress", from, to, protocol, port2) && this.sideAllows("ingress", to, from, protocol, port2);
  }
  sideAllows(direction, subject, other, protocol, port2) {
    return this.admittingRule(direction, subject, other, protocol, port2) !== void 0;
  }
  allowingRule(from, to, protocol, port2) {
    const sides = [
      ["ingress", to, from],
      ["egress", from, to]
    ];
    for (const [direction, subject, other] of sides) {
      const admitting = this.admittingRule(direction, subject, other, protocol, port2);
      if (admitting !== void 0 && admitting !== NOT_ISOLATED)
        return ruleLocation(admitting.policy, admitting.rule);
    }
    return void 0;
  }
  admittingRules(direction, subject, other, protocol, port2) {
    const side = this.sideOf(direction, subject, other);
    if (side === NOT_ISOLATED) return [];
    const admitting = [];
    for (const compiled of side.selecting) {
      for (const rule2 of compiled[direction]) {
        if (admits(rule2, side, protocol, port2))
          admitting.push({ policy: compiled.policy, index: rule2.index });
      }
    }
    return admitting;
  }
  /**
   * The first rule, in policy and rule order, of the policies isolating `subject` in `direction` that lets the
   * connection through; {@link NOT_ISOLATED} when no policy isolates it (everything passes); undefined when no rule
   * does. Stops at that rule, without building any port set.
   */
  admittingRule(direction, subject, other, protocol, port2) {
    const side = this.sideOf(direction, subject, other);
    if (side === NOT_ISOLATED) return NOT_ISOLATED;
    for (const compiled of side.selecting) {
      const rule2 = compiled[direction].find((candidate) => admits(candidate, side, protocol, port2));
      if (rule2) return { policy: compiled.policy, rule: rule2 };
    }
    return void 0;
  }
  /** What deciding one side of a connection needs: the policies isolating `subject`, facts about `other`, ports. */
  sideOf(direction, subject, other) {
    if (!("workload" in subject)) return NOT_ISOLATED;
    const selecting = this.selecting(subject.workload, direction);
    if (selecting.length === 0) return NOT_ISOLATED;
    const otherFacts = this.peerFacts(other);
    return {
      selecting,
      otherFacts,
      destinationPorts: this.destinationPorts(direction, subject.workload, otherFacts)
    };
  }
  /** Named ports name the destination's container ports: the subject's own on ingress, the other end's on egress. */
  destinationPorts(direction, subject, otherFacts) {
    if (direction === "ingress") return subject.ports;
    return "pod" in otherFacts ? otherFacts.pod.ports : void 0;
  }
  explain(from, to, protocol, port2) {
    const explainSide = (direction, subject, other) => {
      const side = this.evaluateSide(direction, subject, other);
      const policies = side.policies.map(({ compiled, rules: rules2 }) => ({
        policy: compiled.policy.id,
        loc: compiled.policy.loc,
        rules: rules2.map((rule2) => ({
          index: rule2.compiled.index,
          loc: ruleLocation(compiled.policy, rule2.compiled),
          peerMatches: rule2.peerMatches,
          portMatches: rule2.ports.has(protocol, port2)
        }))
      }));
      return { direction, isolated: side.isolated, allowed: side.allowed.has(protocol, port2), policies };
    };
    const egress = explainSide("egress", from, to);
    const ingress = explainSide("ingress", to, from);
    return { allowed: egress.allowed && ingress.allowed, protocol, port: port2, egress, ingress };
  }
  connectivity() {
    return [...this.connections()];
  }
  *connections(scope) {
    const rows = this.groups.map((group) => ({
      egress: this.directionRow(group, "egress"),
      ingress: this.directionRow(group, "ingress")
    }));
    const sorted = [...this.model.workloads].sort(compareWorkloads);
    const rank = new Map(sorted.map((workload, i) => [workload, i]));
    const peers = new Map(
      sorted.map((w) => [
        w,
        { namespace: w.namespace, kind: w.kind, name: w.name }
      ])
    );
    const connectionsOf = function* (from, to, ports) {
      for (const protocol of PROTOCOL_ORDER) {
        const ranges = ports.ranges(protocol);
        if (ranges.length > 0)
          yield { from, to, protocol, ports: ranges.map(([lo, hi]) => [lo, hi]) };
      }
    };
    const candidates = this.destinationCandidates(rows, rank);
    const inScope = (workload, ids) => !ids || ids.has(workload.id);
    const anyDestination = !scope || scope.destinations.size > 0;
    for (const source of sorted) {
      const sourceGroup = this.groupOfWorkload.get(source);
      const egress = rows[sourceGroup.index].egress;
      const everyDestination = inScope(source, scope?.sources);
      if (!everyDestination && !anyDestination) continue;
      for (const destination of candidates(sourceGroup)) {
        if (destination === source || !(everyDestination || inScope(destination, scope?.destinations)))
          continue;
        const destinationGroup = this.groupOfWorkload.get(destination);
        const egressPorts = rowPorts(egress, destinationGroup);
        if (egressPorts.isEmpty()) continue;
        const ingress = rows[destinationGroup.index].ingress;
        yield* connectionsOf(
          peers.get(source),
          peers.get(destination),
          egressPorts.intersection(rowPorts(ingress, sourceGroup))
        );
      }
      if (!everyDestination) continue;
      for (const { cidr, protocol, ports } of egress.external())
        yield { from: peers.get(source), to: { cidr }, protocol, ports };
    }
    const inbound = sorted.filter((destination) => inScope(destination, scope?.destinations)).flatMap(
      (destination) => rows[this.groupOfWorkload.get(destination).index].ingress.external().map((block) => ({
        block,
        destination
      }))
    );
    inbound.sort(
      (a, b) => compareRanges(a.block.range, b.block.range) || rank.get(a.destination) - rank.get(b.destination) || compareBlocks(a.block, b.block)
    );
    for (const { block, destination } of inbound) {
      yield {
        from: { cidr: block.cidr },
        to: peers.get(destination),
        protocol: block.protocol,
        ports: block.ports
      };
    }
  }
  /**
   * For each source group, the destinations (in report order) that could admit it: those its egress reaches, or
   * those whose ingress admits it, whichever list is shorter. Both are supersets of the answer, so pairs that
   * neither side allows are never evaluated, which keeps large, mostly isolated clusters fast.
   */
  destinationCandidates(rows, rank) {
    const reachesEveryPod = (row) => !row.isolated || !row.everyPod.isEmpty() || row.everyPodNamed.length > 0;
    const admitAnyone = this.groups.filter((group) => reachesEveryPod(rows[group.index].ingress));
    const admittedBy = /* @__PURE__ */ new Map();
    for (const destination of this.groups) {
      for (const source of rows[destination.index].ingress.byGroup.keys())
        pushTo(admittedBy, source, destination);
    }
    const byRank = (a, b) => rank.get(a) - rank.get(b);
    const inOrder = (groups) => [...new Set(groups)].flatMap((group) => group.members).sort(byRank);
    const anyone = new Set(admitAnyone);
    const anyoneInOrder = inOrder(admitAnyone);
    const admittingExtra = (source) => [...new Set(admittedBy.get(source.index) ?? [])].filter((group) => !anyone.has(group));
    const admitting = (extra) => extra.length === 0 ? anyoneInOrder : mergeSorted(anyoneInOrder, inOrder(extra), byRank);
    const memberCount = (groups) => groups.reduce((sum, group) => sum + group.members.length, 0);
    const cache = /* @__PURE__ */ new Map();
    return (source) => {
      let list2 = cache.get(source);
      if (!list2) {
        const egress = rows[source.index].egress;
        const extra = admittingExtra(source);
        if (reachesEveryPod(egress)) list2 = admitting(extra);
        else {
          const reached = [...egress.byGroup.keys()].map((index) => this.groups[index]);
          list2 = memberCount(reached) < anyoneInOrder.length + memberCount(extra) ? inOrder(reached) : admitting(extra);
        }
        cache.set(source, list2);
      }
      return list2;
    };
  }
  directionRow(group, direction) {
    const row = {
      isolated: group.selecting[direction].length > 0,
      everyPod: ConnSet.none(),
      everyPodNamed: [],
      byGroup: /* @__PURE__ */ new Map(),
      external: () => []
    };
    if (!row.isolated) {
      row.everyPod = ConnSet.all();
      row.external = everyAddress;
      return row;
    }
    const portsTowards = (ports, other) => ports.resolve(direction === "egress" ? other?.facts.ports : group.facts.ports);
    const addEveryPod = (ports) => {
      if (direction === "egress" && ports.hasNamed) row.everyPodNamed.push(ports);
      else row.everyPod = row.everyPod.union(portsTowards(ports, void 0));
    };
    const addGroups = (groups, ports) => {
      for (const other of groups) {
        row.byGroup.set(
          other.index,
          (row.byGroup.get(other.index) ?? ConnSet.none()).union(portsTowards(ports, other))
        );
      }
    };
    const contributions = [];
    for (const policy of group.selecting[direction]) {
      for (const rule2 of policy[direction]) {
        if (!rule2.peers) {
          addEveryPod(rule2.ports);
          contributions.push({ ports: portsTowards(rule2.ports, void 0) });
          continue;
        }
        for (const peer3 of rule2.peers) {
          if (matchesEveryPod(peer3)) addEveryPod(rule2.ports);
          else addGroups(this.matchedGroups(peer3), rule2.ports);
          if (peer3.ipRanges.length > 0)
            contributions.push({ ranges: peer3.ipRanges, ports: portsTowards(rule2.ports, void 0) });
        }
      }
    }
    row.external = once(() => externalBlocks(contributions));
    return row;
  }
  /** Groups a peer matches, computed once per distinct peer (many policies repeat the same peers). */
  matchedGroups(peer3) {
    let groups = this.peerGroups.get(peer3.key);
    if (!groups) {
      groups = this.candidateGroups(peer3).filter((group) => peer3.matches({ pod: group.facts }));
      this.peerGroups.set(peer3.key, groups);
    }
    return groups;
  }
  /** Groups a peer may match: those in the namespaces it looks in (computed once per such namespace part). */
  candidateGroups(peer3) {
    let groups = this.namespaceGroups.get(peer3.namespaceKey);
    if (!groups) {
      groups = peer3.ipRanges.length > 0 ? this.groups.filter((group) => group.facts.ips.length > 0) : [...this.groupsByNamespace.entries()].filter(
        ([namespace]) => peer3.matchesNamespace(namespace, namespaceLabelsOf(this.model, namespace))
      ).flatMap(([, inNamespace]) => inNamespace);
      this.namespaceGroups.set(peer3.namespaceKey, groups);
    }
    return groups;
  }
  evaluateSide(direction, subject, other) {
    if (!("workload" in subject)) return { isolated: false, allowed: ConnSet.all(), policies: [] };
    const selecting = this.selecting(subject.workload, direction);
    if (selecting.length === 0) return { isolated: false, allowed: ConnSet.all(), policies: [] };
    const otherFacts = this.peerFacts(other);
    const destinationPorts = this.destinationPorts(direction, subject.workload, otherFacts);
    let allowed = ConnSet.none();
    const policies = selecting.map((compiled) => ({
      compiled,
      rules: compiled[direction].map((rule2) => {
        const peerMatches = !rule2.peers || rule2.peers.some((peer3) => peer3.matches(otherFacts));
        const ports = rule2.ports.resolve(destinationPorts);
        if (peerMatches) allowed = allowed.union(ports);
        return { compiled: rule2, peerMatches, ports };
      })
    }));
    return { isolated: true, allowed, policies };
  }
  /**
   * Policies selecting a workload; a workload outside the model (a probe, kube-dns) is evaluated when first asked
   * about (workloads never change, and the same probe is asked about for many destinations).
   */
  selecting(workload, direction) {
    const group = this.groupOfWorkload.get(workload);
    if (group) return group.selecting[direction];
    let selecting = this.outsideSelecting.get(workload);
    if (!selecting)
      this.outsideSelecting.set(workload, selecting = this.evaluateSelecting(this.podFacts(workload)));
    return selecting[direction];
  }
  evaluateSelecting(facts) {
    const selecting = (this.policiesByNamespace.get(facts.namespace) ?? []).filter(
      (compiled) => compiled.selects(facts.labels)
    );
    return {
      ingress: selecting.filter((compiled) => compiled.policy.types.ingress),
      egress: selecting.filter((compiled) => compiled.policy.types.egress)
    };
  }
  peerFacts(endpoint) {
    return "workload" in endpoint ? { pod: this.podFacts(endpoint.workload) } : { address: addressToRange(endpoint.ip) };
  }
  podFacts(workload) {
    const known = this.groupOfWorkload.get(workload);
    if (known) return known.facts;
    let facts = this.outsideFacts.get(workload);
    if (!facts) {
      facts = {
        namespace: workload.namespace,
        namespaceLabels: namespaceLabelsOf(this.model, workload.namespace),
        labels: workload.labels,
        ports: workload.ports,
        ips: workload.ips.map(addressToRange).filter((range2) => range2 !== void 0)
      };
      this.outsideFacts.set(workload, facts);
    }
    return facts;
  }
  compiled(policy) {
    let compiled = compiledPolicies.get(policy);
    if (!compiled) {
      compiled = compilePolicy(policy);
      compiledPolicies.set(policy, compiled);
      for (const rule2 of [...compiled.ingress, ...compiled.egress])
        for (const peer3 of rule2.peers ?? []) compiledPeers.set(peer3.peer, peer3);
    }
    return compiled;
  }
  compiledPeer(policy, peer3) {
    this.compiled(policy);
    let compiled = compiledPeers.get(peer3);
    if (!compiled) {
      compiled = compilePeer(policy.namespace, peer3);
      compiledPeers.set(peer3, compiled);
    }
    return compiled;
  }
};
function ruleLocation(policy, rule2) {
  let location = ruleLocations.get(rule2);
  if (!location) {
    location = policy.locate(rule2.rule.path);
    ruleLocations.set(rule2, location);
  }
  return location;
}
var ruleLocations = /* @__PURE__ */ new WeakMap();
var NOT_ISOLATED = "not isolated";
function admits(rule2, side, protocol, port2) {
  return rule2.ports.resolve(side.destinationPorts).has(protocol, port2) && (!rule2.peers || rule2.peers.some((peer3) => peer3.matches(side.otherFacts)));
}
var everyAddress = once(() => externalBlocks([{ ports: ConnSet.all() }]));
function once(compute) {
  let value;
  return () => (value ??= { computed: compute() }).computed;
}
function mergeSorted(a, b, compare) {
  const merged = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compare(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}
var compiledPolicies = /* @__PURE__ */ new WeakMap();
var compiledPeers = /* @__PURE__ */ new WeakMap();
var groupKeys = /* @__PURE__ */ new WeakMap();
function groupKey(workload) {
  let key = groupKeys.get(workload);
  if (key === void 0) {
    key = JSON.stringify([
      workload.namespace,
      sortedEntries(workload.labels),
      workload.ports,
      [...workload.ips].sort()
    ]);
    groupKeys.set(workload, key);
  }
  return key;
}
function rowPorts(row, other) {
  if (!row.isolated) return ConnSet.all();
  let ports = row.everyPod.union(row.byGroup.get(other.index) ?? ConnSet.none());
  for (const named of row.everyPodNamed) ports = ports.union(named.resolve(other.facts.ports));
  return ports;
}
function compareWorkloads(a, b) {
  return compareText(a.namespace, b.namespace) || compareText(a.kind, b.kind) || compareText(a.name, b.name);
}
function sortedEntries(labels) {
  return Object.entries(labels).sort(([a], [b]) => compareText(a, b));
}

// src/diff/peers.ts
function workloadPeer(w) {
  return { namespace: w.namespace, kind: w.kind, name: w.name };
}
function isCidrPeer(peer3) {
  return "cidr" in peer3;
}
function peerKey2(peer3) {
  return isCidrPeer(peer3) ? peer3.cidr : `${peer3.namespace}/${peer3.kind}/${peer3.name}`;
}
function comparePeers(a, b) {
  const aIsBlock = isCidrPeer(a);
  const bIsBlock = isCidrPeer(b);
  if (aIsBlock && bIsBlock) return compareText(a.cidr, b.cidr);
  if (aIsBlock || bIsBlock) return aIsBlock ? -1 : 1;
  return compareWorkloads(a, b);
}
function samePath(a, b) {
  return comparePeers(a.from, b.from) === 0 && comparePeers(a.to, b.to) === 0;
}
function peerLabel(peer3) {
  if (isCidrPeer(peer3)) return peer3.cidr;
  if ("ip" in peer3) return String(peer3.ip);
  if ("unmatched" in peer3) return `(unmatched: ${String(peer3.unmatched)})`;
  const w = peer3;
  return w.kind === "Deployment" ? `${w.namespace}/${w.name}` : `${w.namespace}/${w.name} [${w.kind}]`;
}

// src/diff/annotate.ts
var METADATA_ENDPOINTS2 = ["169.254.169.254/32", "fd00:ec2::254/128"];
var NON_PUBLIC = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "fc00::/7",
  "fe80::/10",
  "::1/128"
];
var PROBE_NAMESPACE = "netpol-guard-probe-any-namespace";
function probeOf(workload) {
  let probe = probes.get(workload);
  if (!probe) {
    probe = {
      ...workload,
      id: `${PROBE_NAMESPACE}/${workload.kind}/${workload.name}`,
      namespace: PROBE_NAMESPACE
    };
    probes.set(workload, probe);
  }
  return probe;
}
var probes = /* @__PURE__ */ new WeakMap();
function annotateChanges(opened, closed, head) {
  const workloads = new Map(head.model.workloads.map((w) => [w.id, w]));
  const endpoint = (peer3) => {
    if (isCidrPeer(peer3)) {
      const range2 = cidrToRange(peer3.cidr);
      return range2 ? { ip: formatAddress(range2.start, range2.family) } : void 0;
    }
    const workload = workloads.get(peerKey2(peer3));
    return workload ? { workload } : void 0;
  };
  for (const change of opened) {
    const risk = risksOf(change, head, workloads);
    if (risk.length > 0) change.risk = risk;
    const from = endpoint(change.from);
    const to = endpoint(change.to);
    const port2 = change.ports[0]?.[0];
    if (!from || !to || port2 === void 0) continue;
    const location = head.allowingRule(from, to, change.protocol, port2);
    if (location) change.location = location;
  }
  for (const change of closed) {
    const from = endpoint(change.from);
    const to = endpoint(change.to);
    const port2 = change.ports[0]?.[0];
    if (!from || !to || port2 === void 0) continue;
    const denial = describeDenial(
      head.explain(from, to, change.protocol, port2),
      peerLabel(change.from),
      peerLabel(change.to)
    );
    change.explanation = denial.text;
    if (denial.location) change.location = denial.location;
  }
}
function risksOf(change, head, workloads) {
  const risks = [];
  const { from, to } = change;
  if (!isCidrPeer(from) && !isCidrPeer(to) && from.namespace !== to.namespace) risks.push("cross-namespace");
  const source = isCidrPeer(from) ? void 0 : workloads.get(peerKey2(from));
  const destination = isCidrPeer(to) ? void 0 : workloads.get(peerKey2(to));
  const port2 = change.ports[0]?.[0];
  if (source && destination && port2 !== void 0) {
    if (head.isAllowed({ workload: probeOf(source) }, { workload: destination }, change.protocol, port2))
      risks.push("any-namespace");
  }
  for (const peer3 of [from, to]) {
    if (!isCidrPeer(peer3)) continue;
    if (!NON_PUBLIC.some((block) => covers2(block, peer3.cidr))) risks.push("internet");
    if (METADATA_ENDPOINTS2.some((block) => covers2(peer3.cidr, block))) risks.push("metadata-endpoint");
  }
  return [...new Set(risks)];
}
function covers2(outer, inner) {
  const a = cidrToRange(outer);
  const b = cidrToRange(inner);
  return !!a && !!b && rangeContains(a, b);
}

// src/diff/changed.ts
function changedScope(base, head) {
  const scope = { sources: /* @__PURE__ */ new Set(), destinations: /* @__PURE__ */ new Set() };
  const before = new Map(base.model.workloads.map((workload) => [workload.id, workload]));
  const after = new Map(head.model.workloads.map((workload) => [workload.id, workload]));
  for (const id of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(id);
    const is = after.get(id);
    if (!was || !is || podFacts(base, was) !== podFacts(head, is)) {
      scope.sources.add(id);
      scope.destinations.add(id);
      continue;
    }
    const changed = (direction) => selection(base, was, direction) !== selection(head, is, direction);
    if (changed("egress")) scope.sources.add(id);
    if (changed("ingress")) scope.destinations.add(id);
  }
  return scope;
}
function podFacts(engine, workload) {
  const namespaceLabels2 = sortedEntries(namespaceLabelsOf(engine.model, workload.namespace));
  return `${groupKey(workload)}\0${JSON.stringify(namespaceLabels2)}`;
}
function selection(engine, workload, direction) {
  return engine.selectingPolicies(workload, direction).map((policy) => meaning(policy, direction)).sort().join("\0");
}
function meaning(policy, direction) {
  let meanings = meaningsOf.get(policy);
  if (!meanings) {
    meanings = { ingress: describe2(policy, "ingress"), egress: describe2(policy, "egress") };
    meaningsOf.set(policy, meanings);
  }
  return meanings[direction];
}
var meaningsOf = /* @__PURE__ */ new WeakMap();
function describe2(policy, direction) {
  const rule2 = ({ peers, ports }) => [
    peers?.map(({ podSelector, namespaceSelector, ipBlock }) => [podSelector, namespaceSelector, ipBlock]),
    ports?.map(({ protocol, port: port2, endPort }) => [protocol, port2, endPort])
  ];
  return JSON.stringify([policy.namespace, policy.podSelector, policy[direction].map(rule2)]);
}

// src/diff/connectivity.ts
function diffConnectivity(baseEngine, headEngine, scope = changedScope(baseEngine, headEngine)) {
  const ids = (engine) => new Set(engine.model.workloads.map((workload) => workload.id));
  const base = { connections: baseEngine.connections(scope), workloadIds: ids(baseEngine) };
  const head = { connections: headEngine.connections(scope), workloadIds: ids(headEngine) };
  const result = {
    opened: [],
    closed: [],
    workloadsAdded: [],
    workloadsRemoved: [],
    newConnections: [],
    goneConnections: []
  };
  const existsOnBothSides = memoised((peer3) => {
    if (isCidrPeer(peer3)) return true;
    const key = peerKey2(peer3);
    return base.workloadIds.has(key) && head.workloadIds.has(key);
  });
  const compare = (before2, after2) => {
    if (before2 && after2 && samePorts(before2.ports, after2.ports)) return;
    const { from, to, protocol } = after2 ?? before2;
    const beforePorts = portsOf(protocol, before2);
    const afterPorts = portsOf(protocol, after2);
    if (existsOnBothSides(from) && existsOnBothSides(to)) {
      pushChange(result.opened, from, to, protocol, afterPorts.subtract(beforePorts));
      pushChange(result.closed, from, to, protocol, beforePorts.subtract(afterPorts));
    } else {
      pushChange(
        after2 ? result.newConnections : result.goneConnections,
        from,
        to,
        protocol,
        after2 ? afterPorts : beforePorts
      );
    }
  };
  const external = { base: [], head: [] };
  const before = betweenWorkloads(base.connections, external.base);
  const after = betweenWorkloads(head.connections, external.head);
  let b = before.next();
  let a = after.next();
  while (!b.done || !a.done) {
    const order = b.done ? 1 : a.done ? -1 : compareConnections(b.value, a.value);
    compare(
      order <= 0 ? b.value : void 0,
      order >= 0 ? a.value : void 0
    );
    if (order <= 0) b = before.next();
    if (order >= 0) a = after.next();
  }
  diffExternal(external.base, external.head, existsOnBothSides, result);
  result.workloadsAdded = [...head.workloadIds].filter((id) => !base.workloadIds.has(id)).sort().map(idToPeer);
  result.workloadsRemoved = [...base.workloadIds].filter((id) => !head.workloadIds.has(id)).sort().map(idToPeer);
  for (const list2 of [result.opened, result.closed, result.newConnections, result.goneConnections])
    list2.sort(byPath);
  return result;
}
function idToPeer(id) {
  const [namespace = "", kind = "", ...name] = id.split("/");
  return { namespace, kind, name: name.join("/") };
}
function portsOf(protocol, connection) {
  return connection ? ConnSet.of(protocol, connection.ports) : ConnSet.none();
}
function pushChange(into, from, to, protocol, ports) {
  const ranges = ports.ranges(protocol);
  if (ranges.length > 0)
    into.push({ from, to, protocol, ports: ranges.map((r) => [r[0], r[1]]) });
}
function* betweenWorkloads(connections, external) {
  for (const connection of connections) {
    if (isCidrPeer(connection.from) || isCidrPeer(connection.to)) external.push(connection);
    else yield connection;
  }
}
function compareConnections(a, b) {
  return compareWorkloads(a.from, b.from) || compareWorkloads(a.to, b.to) || compareText(a.protocol, b.protocol);
}
function samePorts(a, b) {
  return a.length === b.length && a.every((range2, i) => range2[0] === b[i][0] && range2[1] === b[i][1]);
}
function memoised(compute) {
  const known = /* @__PURE__ */ new Map();
  return (peer3) => {
    if (known.has(peer3)) return known.get(peer3);
    const value = compute(peer3);
    known.set(peer3, value);
    return value;
  };
}
function diffExternal(baseConnections, headConnections, existsOnBothSides, result) {
  const groups = /* @__PURE__ */ new Map();
  const collect = (connections, side) => {
    for (const c of connections) {
      const outbound = isCidrPeer(c.to);
      if (outbound === isCidrPeer(c.from)) continue;
      const workload = outbound ? c.from : c.to;
      const range2 = cidrToRange((outbound ? c.to : c.from).cidr);
      if (!range2) continue;
      const key = `${peerKey2(workload)}|${outbound}|${c.protocol}|${range2.family}`;
      let group = groups.get(key);
      if (!group) {
        group = { workload, outbound, protocol: c.protocol, family: range2.family, base: [], head: [] };
        groups.set(key, group);
      }
      group[side].push({ range: range2, ports: ConnSet.of(c.protocol, c.ports) });
    }
  };
  collect(baseConnections, "base");
  collect(headConnections, "head");
  for (const group of groups.values()) {
    const onBothSides = existsOnBothSides(group.workload);
    for (const segment of commonSegments(group)) {
      const emit2 = (into, ports) => {
        for (const cidr of rangeToCidrs(segment.range)) {
          const block = { cidr };
          const [from, to] = group.outbound ? [group.workload, block] : [block, group.workload];
          pushChange(into, from, to, group.protocol, ports);
        }
      };
      if (onBothSides) {
        emit2(result.opened, segment.head.subtract(segment.base));
        emit2(result.closed, segment.base.subtract(segment.head));
      } else if (!segment.head.isEmpty()) {
        emit2(result.newConnections, segment.head);
      } else {
        emit2(result.goneConnections, segment.base);
      }
    }
  }
}
function commonSegments(group) {
  const bounds = /* @__PURE__ */ new Set();
  for (const { range: range2 } of [...group.base, ...group.head]) {
    bounds.add(range2.start);
    bounds.add(range2.end + 1n);
  }
  const points = [...bounds].sort(compareBigInt);
  const portsAt = (entries, address) => entries.find((e) => e.range.start <= address && address <= e.range.end)?.ports ?? ConnSet.none();
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1] - 1n;
    const base = portsAt(group.base, start);
    const head = portsAt(group.head, start);
    if (base.equals(head)) continue;
    const last = segments.at(-1);
    if (last && last.range.end + 1n === start && last.base.equals(base) && last.head.equals(head)) {
      last.range = { ...last.range, end };
    } else {
      segments.push({ range: { family: group.family, start, end }, base, head });
    }
  }
  return segments;
}
function byPath(a, b) {
  return comparePeers(a.from, b.from) || comparePeers(a.to, b.to) || compareText(a.protocol, b.protocol);
}

// src/diff/replay.ts
function replayFlows(flows, base, head) {
  const outcome = {
    broken: [],
    newlyAllowed: [],
    stillDenied: 0,
    unmatched: [],
    otherDrops: 0,
    deniedAtBase: 0
  };
  for (const flow of flows) {
    if (flow.verdict === "dropped-other") {
      outcome.otherDrops += flow.count;
      continue;
    }
    const from = head.match(flow.from);
    const to = head.match(flow.to);
    const unmatched = "unmatched" in from ? from.unmatched : "unmatched" in to ? to.unmatched : void 0;
    if (unmatched !== void 0) {
      outcome.unmatched.push({ ...replayed(flow, from, to), reason: unmatched });
      continue;
    }
    const src = toEndpoint(from);
    const dst = toEndpoint(to);
    const allowedAtHead = head.engine.isAllowed(src, dst, flow.protocol, flow.port);
    if (flow.verdict === "denied") {
      if (allowedAtHead) outcome.newlyAllowed.push(replayed(flow, from, to));
      else outcome.stillDenied++;
      continue;
    }
    if (allowedAtHead) continue;
    if (!allowedAtBase(base, flow)) {
      outcome.deniedAtBase++;
      continue;
    }
    const explanation = head.engine.explain(src, dst, flow.protocol, flow.port);
    const denial = describeDenial(explanation, peerLabel(flowPeer(from)), peerLabel(flowPeer(to)));
    outcome.broken.push({
      ...replayed(flow, from, to),
      explanation: denial.text,
      ...denial.location ? { location: denial.location } : {}
    });
  }
  outcome.broken.sort((a, b) => b.count - a.count || compareFlows(a, b));
  outcome.newlyAllowed.sort(compareFlows);
  outcome.unmatched.sort(compareFlows);
  return outcome;
}
function allowedAtBase(base, flow) {
  const from = base.match(flow.from);
  const to = base.match(flow.to);
  if ("unmatched" in from || "unmatched" in to) return true;
  return base.engine.isAllowed(toEndpoint(from), toEndpoint(to), flow.protocol, flow.port);
}
function toEndpoint(matched) {
  return "workload" in matched ? { workload: matched.workload } : { ip: matched.ip };
}
function flowPeer(matched) {
  if ("workload" in matched) return workloadPeer(matched.workload);
  if ("ip" in matched) return { ip: matched.ip };
  return { unmatched: matched.unmatched };
}
function replayed(flow, from, to) {
  return {
    from: flowPeer(from),
    to: flowPeer(to),
    protocol: flow.protocol,
    port: flow.port,
    count: flow.count,
    ...flow.firstSeen ? { firstSeen: flow.firstSeen } : {},
    ...flow.lastSeen ? { lastSeen: flow.lastSeen } : {}
  };
}
function compareFlows(a, b) {
  return compareText(peerLabel(a.from), peerLabel(b.from)) || compareText(peerLabel(a.to), peerLabel(b.to)) || compareText(a.protocol, b.protocol) || a.port - b.port;
}
function matchingOutsidePods(model, match2) {
  const managed = new Set(model.workloads.map((w) => w.namespace));
  return (endpoint) => {
    const matched = match2(endpoint);
    const { namespace, labels } = endpoint;
    if (!("unmatched" in matched) || !namespace || !labels || managed.has(namespace)) return matched;
    const owner = endpoint.workload ?? (endpoint.pod ? ownerFromPodName(endpoint.pod, labels) : void 0);
    const name = owner?.name ?? endpoint.pod ?? Object.values(labels).join("-");
    const kind = owner?.kind ?? "Pod";
    const workload = {
      id: `${namespace}/${kind}/${name}`,
      namespace,
      kind,
      name,
      labels,
      ports: [],
      ips: [],
      loc: { file: "(recorded flow)", line: 0, column: 0 }
    };
    return { workload };
  };
}

// src/flows/match.ts
function createFlowMatcher(model, options = {}) {
  const byNamespace2 = /* @__PURE__ */ new Map();
  const byIp = /* @__PURE__ */ new Map();
  for (const workload of model.workloads) {
    push(byNamespace2, workload.namespace, workload);
    for (const ip of workload.ips) {
      const key = addressKey2(ip);
      if (key !== void 0) push(byIp, key, workload);
    }
  }
  const serviceByIp = /* @__PURE__ */ new Map();
  for (const service of model.services) {
    for (const ip of service.clusterIPs) {
      const key = addressKey2(ip);
      if (key !== void 0 && !serviceByIp.has(key)) serviceByIp.set(key, service);
    }
  }
  const podRanges = parseRanges(options.podCidrs);
  const serviceRanges = parseRanges(options.serviceCidrs);
  function matchPod(namespace, endpoint) {
    const inNamespace = byNamespace2.get(namespace) ?? [];
    const { labels, workload: named } = endpoint;
    let candidates = labels ? inNamespace.filter((w) => Object.keys(w.labels).length > 0 && isSubset(w.labels, labels)) : inNamespace;
    if (named) {
      const byName = candidates.filter(
        (w) => w.name === named.name && (!named.kind || w.kind === named.kind)
      );
      if (byName.length > 0) candidates = byName;
      else if (!labels) return { unmatched: `no workload ${workloadName(named)} in namespace ${namespace}` };
    }
    if (candidates.length === 0) {
      return {
        unmatched: `no workload in namespace ${namespace} has a subset of the labels ${formatLabels(labels)}`
      };
    }
    if (candidates.length === 1) return { workload: candidates[0] };
    const longest = Math.max(...candidates.map((w) => Object.keys(w.labels).length));
    const best = candidates.filter((w) => Object.keys(w.labels).length === longest);
    if (best.length === 1) return { workload: best[0] };
    return { unmatched: `ambiguous: ${best.map(workloadName).sort().join(", ")}` };
  }
  function matchService(service) {
    const name = `Service ${service.namespace}/${service.name}`;
    const selector = service.selector;
    if (!selector || Object.keys(selector).length === 0) return { unmatched: `${name} has no selector` };
    const selected = (byNamespace2.get(service.namespace) ?? []).filter((w) => isSubset(selector, w.labels));
    const [first] = selected;
    if (!first) return { unmatched: `${name} selects no workload` };
    if (selected.every((w) => sameLabels(w.labels, first.labels))) return { workload: first };
    return { unmatched: `ambiguous: ${name} selects ${selected.map(workloadName).sort().join(", ")}` };
  }
  function matchIp(ip) {
    const address = addressToRangeKey(ip);
    if (!address) return { unmatched: `${ip} is not an IP address` };
    const service = serviceByIp.get(address.key);
    if (service) return matchService(service);
    const workloads = byIp.get(address.key) ?? [];
    if (workloads.length === 1) return { workload: workloads[0] };
    if (workloads.length > 1)
      return { unmatched: `ambiguous: ${ip} is stated by ${workloads.map(workloadName).join(", ")}` };
    if (podRanges.some((range2) => rangeContains(range2, address.range))) {
      return { unmatched: `${ip} is in the pod CIDRs but no workload states it` };
    }
    if (serviceRanges.some((range2) => rangeContains(range2, address.range))) {
      return { unmatched: `${ip} is in the Service CIDRs but no Service has it as ClusterIP` };
    }
    return { ip };
  }
  return {
    match(endpoint) {
      const { reserved, namespace, ip } = endpoint;
      if (reserved === "world")
        return ip ? matchIp(ip) : { unmatched: "reserved:world without an IP address" };
      if (reserved !== void 0) return { unmatched: `reserved:${reserved} is not a pod` };
      if (endpoint.labels || endpoint.workload) {
        if (namespace === void 0) return { unmatched: "pod without a namespace" };
        return matchPod(namespace, endpoint);
      }
      if (ip) return matchIp(ip);
      if (namespace !== void 0)
        return { unmatched: `only the namespace ${namespace} is known (no labels, workload or IP)` };
      return { unmatched: "no namespace, labels or IP" };
    }
  };
}
function isSubset(subset, labels) {
  return Object.entries(subset).every(([key, value]) => Object.hasOwn(labels, key) && labels[key] === value);
}
function sameLabels(a, b) {
  return Object.keys(a).length === Object.keys(b).length && isSubset(a, b);
}
function workloadName(workload) {
  return workload.kind ? `${workload.kind}/${workload.name}` : workload.name;
}
function formatLabels(labels) {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? "(none)" : entries.map(([key, value]) => `${key}=${value}`).join(",");
}
function addressToRangeKey(ip) {
  const address = parseAddress(ip);
  if (!address) return void 0;
  return {
    key: `${address.family}/${address.value}`,
    range: { family: address.family, start: address.value, end: address.value }
  };
}
function addressKey2(ip) {
  return addressToRangeKey(ip)?.key;
}
function parseRanges(cidrs) {
  return (cidrs ?? []).flatMap((cidr) => cidrToRange(cidr) ?? []);
}
function push(map, key, value) {
  const list2 = map.get(key);
  if (list2) list2.push(value);
  else map.set(key, [value]);
}

// src/flows/background.ts
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var WORKER_FILE = new URL("./flows-worker.js", import.meta.url);
function readFlowsInBackground(files, options = {}) {
  if (!existsSync2(fileURLToPath(WORKER_FILE))) return readFlows(files, options);
  const { signal, ...workerOptions } = options;
  return new Promise((resolve5) => {
    let settled = false;
    const settle = (read) => {
      if (settled) return;
      settled = true;
      resolve5(read());
    };
    const readHere = () => settle(() => readFlows(files, options));
    try {
      const input = { files: [...files], options: workerOptions };
      const worker = new Worker(WORKER_FILE, { workerData: input });
      worker.once("message", (result) => settle(() => result));
      worker.once("error", readHere);
      worker.once("exit", readHere);
      signal?.addEventListener("abort", () => {
        settled = true;
        void worker.terminate();
      });
    } catch {
      readHere();
    }
  });
}

// src/fix/attach.ts
import { readFileSync as readFileSync3 } from "node:fs";
import path6 from "node:path";

// src/fix/observed.ts
function observedFlows(flows, match2, head) {
  const byKey = /* @__PURE__ */ new Map();
  for (const flow of flows) {
    if (flow.verdict === "denied" || flow.verdict === "dropped-other") continue;
    const from = match2(flow.from);
    const to = match2(flow.to);
    if ("unmatched" in from || "unmatched" in to) continue;
    const fromPeer = flowPeer(from);
    const toPeer = flowPeer(to);
    const { protocol, port: port2 } = flow;
    const key = flowKey(fromPeer, toPeer, protocol, port2);
    const known = byKey.get(key);
    if (known) {
      known.count += flow.count;
      continue;
    }
    byKey.set(key, {
      key,
      from,
      to,
      fromPeer,
      toPeer,
      protocol,
      port: port2,
      count: flow.count,
      admitting: {
        egress: head.admittingRules("egress", from, to, protocol, port2),
        ingress: head.admittingRules("ingress", to, from, protocol, port2)
      }
    });
  }
  return [...byKey.values()];
}
function flowKey(from, to, protocol, port2) {
  return JSON.stringify([from, to, protocol, port2]);
}

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str) => {
  let begs, beg, left, right = void 0, result;
  let ai = str.indexOf(a);
  let bi = str.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result = [left, right];
    }
  }
  return result;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str) {
  return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
  return str.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
  return str.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target2, items) {
  for (let i = 0; i < items.length; i++) {
    target2.push(items[i]);
  }
}
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open2 = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open2.push(i);
    } else if (c === 125 && open2.length) {
      open2.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open2.length; i++) {
    const at2 = open2[i];
    out += masked.slice(last, at2) + "\0";
    last = at2 + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str, budget) {
  budget.remaining -= str.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str.length - 1; i >= 0; i--) {
    const c = str.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str, str, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
  if (!str) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str.slice(0, 2) === "{}") {
    str = "\\{\\}" + str.slice(2);
  }
  return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
  return "{" + str + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty2;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix) {
      if (!nonEmpty2)
        nonEmpty2 = values.filter((v) => v);
      vs = nonEmpty2;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str;
  for (; ; ) {
    const m = balancedWithBudget(str, masked, budget);
    if (!m) {
      return combine(acc, str, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal();
    }
    acc = next;
    if (!m.post.length)
      break;
    str = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/brace-expressions.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}", true],
  "[:alpha:]": ["\\p{L}\\p{Nl}", true],
  "[:ascii:]": ["\\x00-\\x7f", false],
  "[:blank:]": ["\\p{Zs}\\t", true],
  "[:cntrl:]": ["\\p{Cc}", true],
  "[:digit:]": ["\\p{Nd}", true],
  "[:graph:]": ["\\p{Z}\\p{C}", true, true],
  "[:lower:]": ["\\p{Ll}", true],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}", true],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f", true],
  "[:upper:]": ["\\p{Lu}", true],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}", true],
  "[:xdigit:]": ["A-Fa-f0-9", false]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var rangesToString = (ranges) => ranges.join("");
var parseClass = (glob, position) => {
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let uflag = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = glob.charAt(i);
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return ["$.", false, glob.length - pos, true];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          uflag = uflag || u;
          continue WHILE;
        }
      }
    }
    escaping = false;
    if (rangeStart) {
      if (c > rangeStart) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(c));
      } else if (c === rangeStart) {
        ranges.push(braceEscape(c));
      }
      rangeStart = "";
      i++;
      continue;
    }
    if (glob.startsWith("-]", i + 1)) {
      ranges.push(braceEscape(c + "-"));
      i += 2;
      continue;
    }
    if (glob.startsWith("-", i + 1)) {
      rangeStart = c;
      i += 2;
      continue;
    }
    ranges.push(braceEscape(c));
    i++;
  }
  if (endPos < i) {
    return ["", false, 0, false];
  }
  if (!ranges.length && !negs.length) {
    return ["$.", false, glob.length - pos, true];
  }
  if (negs.length === 0 && ranges.length === 1 && /^\\?.$/.test(ranges[0]) && !negate) {
    const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
    return [regexpEscape(r), false, endPos - pos, false];
  }
  const sranges = "[" + (negate ? "^" : "") + rangesToString(ranges) + "]";
  const snegs = "[" + (negate ? "" : "^") + rangesToString(negs) + "]";
  const comb = ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs;
  return [comb, uflag, endPos - pos, true];
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/ast.js
var _a;
var types = /* @__PURE__ */ new Set(["!", "?", "+", "*", "@"]);
var isExtglobType = (c) => types.has(c);
var isExtglobAST = (c) => isExtglobType(c.type);
var adoptionMap = /* @__PURE__ */ new Map([
  ["!", ["@"]],
  ["?", ["?", "@"]],
  ["@", ["@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@"]]
]);
var adoptionWithSpaceMap = /* @__PURE__ */ new Map([
  ["!", ["?"]],
  ["@", ["?"]],
  ["+", ["?", "*"]]
]);
var adoptionAnyMap = /* @__PURE__ */ new Map([
  ["!", ["?", "@"]],
  ["?", ["?", "@"]],
  ["@", ["?", "@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@", "?", "*"]]
]);
var usurpMap = /* @__PURE__ */ new Map([
  ["!", /* @__PURE__ */ new Map([["!", "@"]])],
  [
    "?",
    /* @__PURE__ */ new Map([
      ["*", "*"],
      ["+", "*"]
    ])
  ],
  [
    "@",
    /* @__PURE__ */ new Map([
      ["!", "!"],
      ["?", "?"],
      ["@", "@"],
      ["*", "*"],
      ["+", "+"]
    ])
  ],
  [
    "+",
    /* @__PURE__ */ new Map([
      ["?", "*"],
      ["*", "*"]
    ])
  ]
]);
var startNoTraversal = "(?!(?:^|/)\\.\\.?(?:$|/))";
var startNoDot = "(?!\\.)";
var addPatternStart = /* @__PURE__ */ new Set(["[", "."]);
var justDots = /* @__PURE__ */ new Set(["..", "."]);
var reSpecials = new Set("().*{}+?[]^$\\!");
var regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var qmark = "[^/]";
var star = qmark + "*?";
var starNoEmpty = qmark + "+?";
var ID = 0;
var AST = class {
  type;
  #root;
  #hasMagic;
  #uflag = false;
  #parts = [];
  #parent;
  #parentIndex;
  #negs;
  #filledNegs = false;
  #options;
  #toString;
  // set to true if it's an extglob with no children
  // (which really means one child of '')
  #emptyExt = false;
  id = ++ID;
  get depth() {
    return (this.#parent?.depth ?? -1) + 1;
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return {
      "@@type": "AST",
      id: this.id,
      type: this.type,
      root: this.#root.id,
      parent: this.#parent?.id,
      depth: this.depth,
      partsLength: this.#parts.length,
      parts: this.#parts
    };
  }
  constructor(type, parent, options = {}) {
    this.type = type;
    if (type)
      this.#hasMagic = true;
    this.#parent = parent;
    this.#root = this.#parent ? this.#parent.#root : this;
    this.#options = this.#root === this ? options : this.#root.#options;
    this.#negs = this.#root === this ? [] : this.#root.#negs;
    if (type === "!" && !this.#root.#filledNegs)
      this.#negs.push(this);
    this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
  }
  get hasMagic() {
    if (this.#hasMagic !== void 0)
      return this.#hasMagic;
    for (const p of this.#parts) {
      if (typeof p === "string")
        continue;
      if (p.type || p.hasMagic)
        return this.#hasMagic = true;
    }
    return this.#hasMagic;
  }
  // reconstructs the pattern
  toString() {
    return this.#toString !== void 0 ? this.#toString : !this.type ? this.#toString = this.#parts.map((p) => String(p)).join("") : this.#toString = this.type + "(" + this.#parts.map((p) => String(p)).join("|") + ")";
  }
  #fillNegs() {
    if (this !== this.#root)
      throw new Error("should only call on root");
    if (this.#filledNegs)
      return this;
    this.toString();
    this.#filledNegs = true;
    let n;
    while (n = this.#negs.pop()) {
      if (n.type !== "!")
        continue;
      let p = n;
      let pp = p.#parent;
      while (pp) {
        for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
          for (const part of n.#parts) {
            if (typeof part === "string") {
              throw new Error("string part in extglob AST??");
            }
            part.copyIn(pp.#parts[i]);
          }
        }
        p = pp;
        pp = p.#parent;
      }
    }
    return this;
  }
  push(...parts) {
    for (const p of parts) {
      if (p === "")
        continue;
      if (typeof p !== "string" && !(p instanceof _a && p.#parent === this)) {
        throw new Error("invalid part: " + p);
      }
      this.#parts.push(p);
    }
  }
  toJSON() {
    const ret = this.type === null ? this.#parts.slice().map((p) => typeof p === "string" ? p : p.toJSON()) : [this.type, ...this.#parts.map((p) => p.toJSON())];
    if (this.isStart() && !this.type)
      ret.unshift([]);
    if (this.isEnd() && (this === this.#root || this.#root.#filledNegs && this.#parent?.type === "!")) {
      ret.push({});
    }
    return ret;
  }
  isStart() {
    if (this.#root === this)
      return true;
    if (!this.#parent?.isStart())
      return false;
    if (this.#parentIndex === 0)
      return true;
    const p = this.#parent;
    for (let i = 0; i < this.#parentIndex; i++) {
      const pp = p.#parts[i];
      if (!(pp instanceof _a && pp.type === "!")) {
        return false;
      }
    }
    return true;
  }
  isEnd() {
    if (this.#root === this)
      return true;
    if (this.#parent?.type === "!")
      return true;
    if (!this.#parent?.isEnd())
      return false;
    if (!this.type)
      return this.#parent?.isEnd();
    const pl = this.#parent ? this.#parent.#parts.length : 0;
    return this.#parentIndex === pl - 1;
  }
  copyIn(part) {
    if (typeof part === "string")
      this.push(part);
    else
      this.push(part.clone(this));
  }
  clone(parent) {
    const c = new _a(this.type, parent);
    for (const p of this.#parts) {
      c.copyIn(p);
    }
    return c;
  }
  static #parseAST(str, ast, pos, opt, extDepth) {
    const maxDepth = opt.maxExtglobRecursion ?? 2;
    let escaping = false;
    let inBrace = false;
    let braceStart = -1;
    let braceNeg = false;
    if (ast.type === null) {
      let i2 = pos;
      let acc2 = "";
      while (i2 < str.length) {
        const c = str.charAt(i2++);
        if (escaping || c === "\\") {
          escaping = !escaping;
          acc2 += c;
          continue;
        }
        if (inBrace) {
          if (i2 === braceStart + 1) {
            if (c === "^" || c === "!") {
              braceNeg = true;
            }
          } else if (c === "]" && !(i2 === braceStart + 2 && braceNeg)) {
            inBrace = false;
          }
          acc2 += c;
          continue;
        } else if (c === "[") {
          inBrace = true;
          braceStart = i2;
          braceNeg = false;
          acc2 += c;
          continue;
        }
        const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i2) === "(" && extDepth <= maxDepth;
        if (doRecurse) {
          ast.push(acc2);
          acc2 = "";
          const ext2 = new _a(c, ast);
          i2 = _a.#parseAST(str, ext2, i2, opt, extDepth + 1);
          ast.push(ext2);
          continue;
        }
        acc2 += c;
      }
      ast.push(acc2);
      return i2;
    }
    let i = pos + 1;
    let part = new _a(null, ast);
    const parts = [];
    let acc = "";
    while (i < str.length) {
      const c = str.charAt(i++);
      if (escaping || c === "\\") {
        escaping = !escaping;
        acc += c;
        continue;
      }
      if (inBrace) {
        if (i === braceStart + 1) {
          if (c === "^" || c === "!") {
            braceNeg = true;
          }
        } else if (c === "]" && !(i === braceStart + 2 && braceNeg)) {
          inBrace = false;
        }
        acc += c;
        continue;
      } else if (c === "[") {
        inBrace = true;
        braceStart = i;
        braceNeg = false;
        acc += c;
        continue;
      }
      const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i) === "(" && /* c8 ignore start - the maxDepth is sufficient here */
      (extDepth <= maxDepth || ast && ast.#canAdoptType(c));
      if (doRecurse) {
        const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
        part.push(acc);
        acc = "";
        const ext2 = new _a(c, part);
        part.push(ext2);
        i = _a.#parseAST(str, ext2, i, opt, extDepth + depthAdd);
        continue;
      }
      if (c === "|") {
        part.push(acc);
        acc = "";
        parts.push(part);
        part = new _a(null, ast);
        continue;
      }
      if (c === ")") {
        if (acc === "" && ast.#parts.length === 0) {
          ast.#emptyExt = true;
        }
        part.push(acc);
        acc = "";
        ast.push(...parts, part);
        return i;
      }
      acc += c;
    }
    ast.type = null;
    ast.#hasMagic = void 0;
    ast.#parts = [str.substring(pos - 1)];
    return i;
  }
  #canAdoptWithSpace(child) {
    return this.#canAdopt(child, adoptionWithSpaceMap);
  }
  #canAdopt(child, map = adoptionMap) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canAdoptType(gc.type, map);
  }
  #canAdoptType(c, map = adoptionAnyMap) {
    return !!map.get(this.type)?.includes(c);
  }
  #adoptWithSpace(child, index) {
    const gc = child.#parts[0];
    const blank = new _a(null, gc, this.options);
    blank.#parts.push("");
    gc.push(blank);
    this.#adopt(child, index);
  }
  #adopt(child, index) {
    const gc = child.#parts[0];
    this.#parts.splice(index, 1, ...gc.#parts);
    for (const p of gc.#parts) {
      if (typeof p === "object")
        p.#parent = this;
    }
    this.#toString = void 0;
  }
  #canUsurpType(c) {
    const m = usurpMap.get(this.type);
    return !!m?.has(c);
  }
  #canUsurp(child) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null || this.#parts.length !== 1) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canUsurpType(gc.type);
  }
  #usurp(child) {
    const m = usurpMap.get(this.type);
    const gc = child.#parts[0];
    const nt = m?.get(gc.type);
    if (!nt)
      return false;
    this.#parts = gc.#parts;
    for (const p of this.#parts) {
      if (typeof p === "object") {
        p.#parent = this;
      }
    }
    this.type = nt;
    this.#toString = void 0;
    this.#emptyExt = false;
  }
  static fromGlob(pattern, options = {}) {
    const ast = new _a(null, void 0, options);
    _a.#parseAST(pattern, ast, 0, options, 0);
    return ast;
  }
  // returns the regular expression if there's magic, or the unescaped
  // string if not.
  toMMPattern() {
    if (this !== this.#root)
      return this.#root.toMMPattern();
    const glob = this.toString();
    const [re, body, hasMagic, uflag] = this.toRegExpSource();
    const anyMagic = hasMagic || this.#hasMagic || this.#options.nocase && !this.#options.nocaseMagicOnly && glob.toUpperCase() !== glob.toLowerCase();
    if (!anyMagic) {
      return body;
    }
    const flags = (this.#options.nocase ? "i" : "") + (uflag ? "u" : "");
    return Object.assign(new RegExp(`^${re}$`, flags), {
      _src: re,
      _glob: glob
    });
  }
  get options() {
    return this.#options;
  }
  // returns the string match, the regexp source, whether there's magic
  // in the regexp (so a regular expression is required) and whether or
  // not the uflag is needed for the regular expression (for posix classes)
  // TODO: instead of injecting the start/end at this point, just return
  // the BODY of the regexp, along with the start/end portions suitable
  // for binding the start/end in either a joined full-path makeRe context
  // (where we bind to (^|/), or a standalone matchPart context (where
  // we bind to ^, and not /).  Otherwise slashes get duped!
  //
  // In part-matching mode, the start is:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: ^(?!\.\.?$)
  // - if dots allowed or not possible: ^
  // - if dots possible and not allowed: ^(?!\.)
  // end is:
  // - if not isEnd(): nothing
  // - else: $
  //
  // In full-path matching mode, we put the slash at the START of the
  // pattern, so start is:
  // - if first pattern: same as part-matching mode
  // - if not isStart(): nothing
  // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
  // - if dots allowed or not possible: /
  // - if dots possible and not allowed: /(?!\.)
  // end is:
  // - if last pattern, same as part-matching mode
  // - else nothing
  //
  // Always put the (?:$|/) on negated tails, though, because that has to be
  // there to bind the end of the negated pattern portion, and it's easier to
  // just stick it in now rather than try to inject it later in the middle of
  // the pattern.
  //
  // We can just always return the same end, and leave it up to the caller
  // to know whether it's going to be used joined or in parts.
  // And, if the start is adjusted slightly, can do the same there:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
  // - if dots allowed or not possible: (?:/|^)
  // - if dots possible and not allowed: (?:/|^)(?!\.)
  //
  // But it's better to have a simpler binding without a conditional, for
  // performance, so probably better to return both start options.
  //
  // Then the caller just ignores the end if it's not the first pattern,
  // and the start always gets applied.
  //
  // But that's always going to be $ if it's the ending pattern, or nothing,
  // so the caller can just attach $ at the end of the pattern when building.
  //
  // So the todo is:
  // - better detect what kind of start is needed
  // - return both flavors of starting pattern
  // - attach $ at the end of the pattern when creating the actual RegExp
  //
  // Ah, but wait, no, that all only applies to the root when the first pattern
  // is not an extglob. If the first pattern IS an extglob, then we need all
  // that dot prevention biz to live in the extglob portions, because eg
  // +(*|.x*) can match .xy but not .yx.
  //
  // So, return the two flavors if it's #root and the first child is not an
  // AST, otherwise leave it to the child AST to handle it, and there,
  // use the (?:^|/) style of start binding.
  //
  // Even simplified further:
  // - Since the start for a join is eg /(?!\.) and the start for a part
  // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
  // or start or whatever) and prepend ^ or / at the Regexp construction.
  toRegExpSource(allowDot) {
    const dot = allowDot ?? !!this.#options.dot;
    if (this.#root === this) {
      this.#flatten();
      this.#fillNegs();
    }
    if (!isExtglobAST(this)) {
      const noEmpty = this.isStart() && this.isEnd() && !this.#parts.some((s) => typeof s !== "string");
      const src = this.#parts.map((p) => {
        const [re, _, hasMagic, uflag] = typeof p === "string" ? _a.#parseGlob(p, this.#hasMagic, noEmpty) : p.toRegExpSource(allowDot);
        this.#hasMagic = this.#hasMagic || hasMagic;
        this.#uflag = this.#uflag || uflag;
        return re;
      }).join("");
      let start2 = "";
      if (this.isStart()) {
        if (typeof this.#parts[0] === "string") {
          const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
          if (!dotTravAllowed) {
            const aps = addPatternStart;
            const needNoTrav = (
              // dots are allowed, and the pattern starts with [ or .
              dot && aps.has(src.charAt(0)) || // the pattern starts with \., and then [ or .
              src.startsWith("\\.") && aps.has(src.charAt(2)) || // the pattern starts with \.\., and then [ or .
              src.startsWith("\\.\\.") && aps.has(src.charAt(4))
            );
            const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
            start2 = needNoTrav ? startNoTraversal : needNoDot ? startNoDot : "";
          }
        }
      }
      let end = "";
      if (this.isEnd() && this.#root.#filledNegs && this.#parent?.type === "!") {
        end = "(?:$|\\/)";
      }
      const final2 = start2 + src + end;
      return [
        final2,
        unescape(src),
        this.#hasMagic = !!this.#hasMagic,
        this.#uflag
      ];
    }
    const repeated = this.type === "*" || this.type === "+";
    const start = this.type === "!" ? "(?:(?!(?:" : "(?:";
    let body = this.#partsToRegExp(dot);
    if (this.isStart() && this.isEnd() && !body && this.type !== "!") {
      const s = this.toString();
      const me = this;
      me.#parts = [s];
      me.type = null;
      me.#hasMagic = void 0;
      return [s, unescape(this.toString()), false, false];
    }
    let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ? "" : this.#partsToRegExp(true);
    if (bodyDotAllowed === body) {
      bodyDotAllowed = "";
    }
    if (bodyDotAllowed) {
      body = `(?:${body})(?:${bodyDotAllowed})*?`;
    }
    let final = "";
    if (this.type === "!" && this.#emptyExt) {
      final = (this.isStart() && !dot ? startNoDot : "") + starNoEmpty;
    } else {
      const close = this.type === "!" ? (
        // !() must match something,but !(x) can match ''
        "))" + (this.isStart() && !dot && !allowDot ? startNoDot : "") + star + ")"
      ) : this.type === "@" ? ")" : this.type === "?" ? ")?" : this.type === "+" && bodyDotAllowed ? ")" : this.type === "*" && bodyDotAllowed ? `)?` : `)${this.type}`;
      final = start + body + close;
    }
    return [
      final,
      unescape(body),
      this.#hasMagic = !!this.#hasMagic,
      this.#uflag
    ];
  }
  #flatten() {
    if (!isExtglobAST(this)) {
      for (const p of this.#parts) {
        if (typeof p === "object") {
          p.#flatten();
        }
      }
    } else {
      let iterations = 0;
      let done = false;
      do {
        done = true;
        for (let i = 0; i < this.#parts.length; i++) {
          const c = this.#parts[i];
          if (typeof c === "object") {
            c.#flatten();
            if (this.#canAdopt(c)) {
              done = false;
              this.#adopt(c, i);
            } else if (this.#canAdoptWithSpace(c)) {
              done = false;
              this.#adoptWithSpace(c, i);
            } else if (this.#canUsurp(c)) {
              done = false;
              this.#usurp(c);
            }
          }
        }
      } while (!done && ++iterations < 10);
    }
    this.#toString = void 0;
  }
  #partsToRegExp(dot) {
    return this.#parts.map((p) => {
      if (typeof p === "string") {
        throw new Error("string type in extglob ast??");
      }
      const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
      this.#uflag = this.#uflag || uflag;
      return re;
    }).filter((p) => !(this.isStart() && this.isEnd()) || !!p).join("|");
  }
  static #parseGlob(glob, hasMagic, noEmpty = false) {
    let escaping = false;
    let re = "";
    let uflag = false;
    let inStar = false;
    for (let i = 0; i < glob.length; i++) {
      const c = glob.charAt(i);
      if (escaping) {
        escaping = false;
        re += (reSpecials.has(c) ? "\\" : "") + c;
        continue;
      }
      if (c === "*") {
        if (inStar)
          continue;
        inStar = true;
        re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
        hasMagic = true;
        continue;
      } else {
        inStar = false;
      }
      if (c === "\\") {
        if (i === glob.length - 1) {
          re += "\\\\";
        } else {
          escaping = true;
        }
        continue;
      }
      if (c === "[") {
        const [src, needUflag, consumed, magic] = parseClass(glob, i);
        if (consumed) {
          re += src;
          uflag = uflag || needUflag;
          i += consumed - 1;
          hasMagic = hasMagic || magic;
          continue;
        }
      }
      if (c === "?") {
        re += qmark;
        hasMagic = true;
        continue;
      }
      re += regExpEscape(c);
    }
    return [re, unescape(glob), !!hasMagic, uflag];
  }
};
_a = AST;

// node_modules/minimatch/dist/esm/escape.js
var escape2 = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&");
  }
  return windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
};

// node_modules/minimatch/dist/esm/index.js
var minimatch = (p, pattern, options = {}) => {
  assertValidPattern(pattern);
  if (!options.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return new Minimatch(pattern, options).match(p);
};
var starDotExtRE = /^\*+([^+@!?*[(]*)$/;
var starDotExtTest = (ext2) => (f) => !f.startsWith(".") && f.endsWith(ext2);
var starDotExtTestDot = (ext2) => (f) => f.endsWith(ext2);
var starDotExtTestNocase = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => !f.startsWith(".") && f.toLowerCase().endsWith(ext2);
};
var starDotExtTestNocaseDot = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => f.toLowerCase().endsWith(ext2);
};
var starDotStarRE = /^\*+\.\*+$/;
var starDotStarTest = (f) => !f.startsWith(".") && f.includes(".");
var starDotStarTestDot = (f) => f !== "." && f !== ".." && f.includes(".");
var dotStarRE = /^\.\*+$/;
var dotStarTest = (f) => f !== "." && f !== ".." && f.startsWith(".");
var starRE = /^\*+$/;
var starTest = (f) => f.length !== 0 && !f.startsWith(".");
var starTestDot = (f) => f.length !== 0 && f !== "." && f !== "..";
var qmarksRE = /^\?+([^+@!?*[(]*)?$/;
var qmarksTestNocase = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestNocaseDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTest = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTestNoExt = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && !f.startsWith(".");
};
var qmarksTestNoExtDot = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && f !== "." && f !== "..";
};
var defaultPlatform = typeof process === "object" && process ? typeof process.env === "object" && process.env && process.env.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path5 = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep2 = defaultPlatform === "win32" ? path5.win32.sep : path5.posix.sep;
minimatch.sep = sep2;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var qmark2 = "[^/]";
var star2 = qmark2 + "*?";
var twoStarDot = "(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?";
var twoStarNoDot = "(?:(?!(?:\\/|^)\\.).)*?";
var filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    AST: class AST extends orig.AST {
      /* c8 ignore start */
      constructor(type, parent, options = {}) {
        super(type, parent, ext(def, options));
      }
      /* c8 ignore stop */
      static fromGlob(pattern, options = {}) {
        return orig.AST.fromGlob(pattern, ext(def, options));
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list2, pattern, options = {}) => orig.match(list2, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
var match = (list2, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list2 = list2.filter((f) => mm.match(f));
  if (mm.options.nonull && !list2.length) {
    list2.push(pattern);
  }
  return list2;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var regExpEscape2 = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  regexp;
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    const awe = "allowWindowsEscape";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[awe] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.regexp = null;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.make();
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  debug(..._) {
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.braceExpand())];
    if (options.debug) {
      this.debug = (...args) => console.error(...args);
    }
    this.debug(this.pattern, this.globSet);
    const rawGlobParts = this.globSet.map((s) => this.slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.debug(this.pattern, this.globParts);
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && !globMagic.test(s[3]);
        const isDrive = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, 4),
            ...s.slice(4).map((ss) => this.parse(ss))
          ];
        } else if (isDrive) {
          return [s[0], ...s.slice(1).map((ss) => this.parse(ss))];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.debug(this.pattern, set);
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && typeof p[3] === "string" && /^[a-z]:$/i.test(p[3])) {
          p[2] = "?";
        }
      }
    }
    this.debug(this.pattern, this.set);
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  levelTwoFileOptimize(parts) {
    if (!Array.isArray(parts)) {
      parts = this.slashSplit(parts);
    }
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      let dd = 0;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**" && !(this.isWindows && /^[a-z]:$/i.test(p))) {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd -= 2;
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        let dd = 0;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd -= 2;
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
  //
  // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
  // ^-- not valid because ** doens't follow symlinks
  secondPhasePreProcess(globParts) {
    for (let i = 0; i < globParts.length - 1; i++) {
      for (let j = i + 1; j < globParts.length; j++) {
        const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
        if (matched) {
          globParts[i] = [];
          globParts[j] = matched;
          break;
        }
      }
    }
    return globParts.filter((gs) => gs.length);
  }
  partsMatch(a, b, emptyGSMatch = false) {
    let ai = 0;
    let bi = 0;
    let result = [];
    let which = "";
    while (ai < a.length && bi < b.length) {
      if (a[ai] === b[bi]) {
        result.push(which === "b" ? b[bi] : a[ai]);
        ai++;
        bi++;
      } else if (emptyGSMatch && a[ai] === "**" && b[bi] === a[ai + 1]) {
        result.push(a[ai]);
        ai++;
      } else if (emptyGSMatch && b[bi] === "**" && a[ai] === b[bi + 1]) {
        result.push(b[bi]);
        bi++;
      } else if (a[ai] === "*" && b[bi] && (this.options.dot || !b[bi].startsWith(".")) && b[bi] !== "**") {
        if (which === "b")
          return false;
        which = "a";
        result.push(a[ai]);
        ai++;
        bi++;
      } else if (b[bi] === "*" && a[ai] && (this.options.dot || !a[ai].startsWith(".")) && a[ai] !== "**") {
        if (which === "a")
          return false;
        which = "b";
        result.push(b[bi]);
        ai++;
        bi++;
      } else {
        return false;
      }
    }
    return a.length === b.length && result;
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // set partial to true to test if, for example,
  // "/a/b" matches the start of "/*/b/*/d"
  // Partial means, if you run out of file before you run
  // out of pattern, then that's fine, as long as all
  // the parts match.
  matchOne(file, pattern, partial = false) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          pattern[pdi] = fd;
          patternStartIndex = pdi;
          fileStartIndex = fdi;
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      file = this.levelTwoFileOptimize(file);
    }
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const [head, body, tail] = partial ? [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1),
      []
    ] : [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1, lastgs),
      pattern.slice(lastgs + 1)
    ];
    if (head.length) {
      const fileHead = file.slice(fileIndex, fileIndex + head.length);
      if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i2 = fileIndex; i2 < file.length - fileTailMatch; i2++) {
        const f = String(file[i2]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    const bodySegments = [[[], 0]];
    let currentBody = bodySegments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        currentBody = [[], 0];
        bodySegments.push(currentBody);
      } else {
        currentBody[0].push(b);
        nonGsParts++;
      }
    }
    let i = bodySegments.length - 1;
    const fileLength = file.length - fileTailMatch;
    for (const b of bodySegments) {
      b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
    }
    return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      for (let i = fileIndex; i < file.length; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, after] = bs;
    while (fileIndex <= after) {
      const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
        if (sub !== false) {
          return sub;
        }
      }
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      this.debug("matchOne loop");
      let p = pattern[pi];
      let f = file[fi];
      this.debug(pattern, p, f);
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      let hit;
      if (typeof p === "string") {
        hit = f === p;
        this.debug("string match", p, f, hit);
      } else {
        hit = p.test(f);
        this.debug("pattern match", p, f, hit);
      }
      if (!hit)
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    let m;
    let fastTest = null;
    if (m = pattern.match(starRE)) {
      fastTest = options.dot ? starTestDot : starTest;
    } else if (m = pattern.match(starDotExtRE)) {
      fastTest = (options.nocase ? options.dot ? starDotExtTestNocaseDot : starDotExtTestNocase : options.dot ? starDotExtTestDot : starDotExtTest)(m[1]);
    } else if (m = pattern.match(qmarksRE)) {
      fastTest = (options.nocase ? options.dot ? qmarksTestNocaseDot : qmarksTestNocase : options.dot ? qmarksTestDot : qmarksTest)(m);
    } else if (m = pattern.match(starDotStarRE)) {
      fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
    } else if (m = pattern.match(dotStarRE)) {
      fastTest = dotStarTest;
    }
    const re = AST.fromGlob(pattern, this.options).toMMPattern();
    if (fastTest && typeof re === "object") {
      Reflect.defineProperty(re, "test", { value: fastTest });
    }
    return re;
  }
  makeRe() {
    if (this.regexp || this.regexp === false)
      return this.regexp;
    const set = this.set;
    if (!set.length) {
      this.regexp = false;
      return this.regexp;
    }
    const options = this.options;
    const twoStar = options.noglobstar ? star2 : options.dot ? twoStarDot : twoStarNoDot;
    const flags = new Set(options.nocase ? ["i"] : []);
    let re = set.map((pattern) => {
      const pp = pattern.map((p) => {
        if (p instanceof RegExp) {
          for (const f of p.flags.split(""))
            flags.add(f);
        }
        return typeof p === "string" ? regExpEscape2(p) : p === GLOBSTAR ? GLOBSTAR : p._src;
      });
      pp.forEach((p, i) => {
        const next = pp[i + 1];
        const prev = pp[i - 1];
        if (p !== GLOBSTAR || prev === GLOBSTAR) {
          return;
        }
        if (prev === void 0) {
          if (next !== void 0 && next !== GLOBSTAR) {
            pp[i + 1] = "(?:\\/|" + twoStar + "\\/)?" + next;
          } else {
            pp[i] = twoStar;
          }
        } else if (next === void 0) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + ")?";
        } else if (next !== GLOBSTAR) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + "\\/)" + next;
          pp[i + 1] = GLOBSTAR;
        }
      });
      const filtered = pp.filter((p) => p !== GLOBSTAR);
      if (this.partial && filtered.length >= 1) {
        const prefixes = [];
        for (let i = 1; i <= filtered.length; i++) {
          prefixes.push(filtered.slice(0, i).join("/"));
        }
        return "(?:" + prefixes.join("|") + ")";
      }
      return filtered.join("/");
    }).join("|");
    const [open2, close] = set.length > 1 ? ["(?:", ")"] : ["", ""];
    re = "^" + open2 + re + close + "$";
    if (this.partial) {
      re = "^(?:\\/|" + open2 + re.slice(1, -1) + close + ")$";
    }
    if (this.negate)
      re = "^(?!" + re + ").+$";
    try {
      this.regexp = new RegExp(re, [...flags].join(""));
    } catch {
      this.regexp = false;
    }
    return this.regexp;
  }
  slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    this.debug("match", f, this.pattern);
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    if (this.isWindows) {
      f = f.split("\\").join("/");
    }
    const ff = this.slashSplit(f);
    this.debug(this.pattern, "split", ff);
    const set = this.set;
    this.debug(this.pattern, "set", set);
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (const pattern of set) {
      let file = ff;
      if (options.matchBase && pattern.length === 1) {
        file = [filename];
      }
      const hit = this.matchOne(file, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape2;
minimatch.unescape = unescape;

// src/rules/run.ts
var IGNORE_ANNOTATION = "netpol-guard.io/ignore";
function runLint(input, config, rules2 = rules) {
  const engine = input.engine ?? createEngine(input.model);
  const ignored = config.ignore.map((glob) => new Minimatch(glob, { dot: true }));
  const isIgnored = (file) => ignored.some((matcher) => matcher.match(file.replace(/\\/g, "/")));
  const knownIds = new Set(rules2.map((rule2) => rule2.meta.id));
  const diagnostics = [];
  const suppressions = readSuppressions(input.model, knownIds, diagnostics);
  const findings = [];
  const consumers = [];
  for (const rule2 of rules2) {
    const setting = config.rules[rule2.meta.id] ?? rule2.meta.severity;
    if (setting === "off") continue;
    if (rule2.meta.consumesDiagnostic) consumers.push(rule2.meta.consumesDiagnostic);
    const report = (descriptor) => {
      const { location, resource, annotated } = resolveTarget(descriptor);
      const finding = {
        rule: rule2.meta.id,
        severity: setting,
        message: descriptor.message,
        ...location,
        resource
      };
      if (descriptor.related && descriptor.related.length > 0) finding.related = descriptor.related;
      const suppression = annotated ? suppressions.get(annotated) : void 0;
      if (suppression?.ids.has(rule2.meta.id)) {
        finding.suppressed = suppression.reason === void 0 ? {} : { reason: suppression.reason };
      }
      findings.push(finding);
    };
    try {
      rule2.check({ model: input.model, engine, config, diagnostics: input.diagnostics, report });
    } catch (error) {
      diagnostics.push({
        severity: "error",
        code: "rule-failed",
        message: `rule ${rule2.meta.id} failed and was skipped: ${error.message}`
      });
    }
  }
  return {
    findings: dedupe(findings.filter((finding) => !isIgnored(finding.file))).sort(compareFindings),
    diagnostics: [
      ...input.diagnostics.filter((diagnostic) => !consumers.some((consumes) => consumes(diagnostic))),
      ...diagnostics
    ]
  };
}
function resolveTarget(descriptor) {
  if ("policy" in descriptor) {
    const { policy } = descriptor;
    return {
      location: descriptor.path ? policy.locate(descriptor.path) : policy.loc,
      resource: { kind: "NetworkPolicy", namespace: policy.namespace, name: policy.name },
      annotated: policy
    };
  }
  if ("workload" in descriptor) {
    const { workload } = descriptor;
    return {
      location: workload.loc,
      resource: { kind: workload.kind, namespace: workload.namespace, name: workload.name }
    };
  }
  if ("namespace" in descriptor) {
    const { namespace } = descriptor;
    return {
      location: namespace.loc ?? { file: "", line: 0, column: 0 },
      resource: { kind: "Namespace", name: namespace.name },
      annotated: namespace
    };
  }
  return { location: descriptor.at, resource: descriptor.resource };
}
function readSuppressions(model, knownIds, diagnostics) {
  const suppressions = /* @__PURE__ */ new Map();
  const read = (annotated, where, resource) => {
    const value = annotated.annotations?.[IGNORE_ANNOTATION];
    if (value === void 0) return;
    const separator = value.indexOf(":");
    const idList = separator < 0 ? value : value.slice(0, separator);
    const reason = separator < 0 ? void 0 : value.slice(separator + 1).trim() || void 0;
    const ids = new Set(
      idList.split(",").map((id) => id.trim()).filter((id) => id !== "")
    );
    for (const id of ids) {
      if (knownIds.has(id)) continue;
      diagnostics.push({
        severity: "warning",
        code: "unknown-rule",
        message: `${IGNORE_ANNOTATION} names unknown rule "${id}"; it suppresses nothing`,
        ...where(),
        resource
      });
    }
    suppressions.set(annotated, reason === void 0 ? { ids } : { ids, reason });
  };
  for (const policy of model.policies) {
    read(policy, () => policy.locate(["metadata", "annotations", IGNORE_ANNOTATION]), {
      kind: "NetworkPolicy",
      namespace: policy.namespace,
      name: policy.name
    });
  }
  for (const namespace of model.namespaces.values()) {
    const { loc } = namespace;
    if (loc) read(namespace, () => loc, { kind: "Namespace", name: namespace.name });
  }
  return suppressions;
}
function findingKey(finding) {
  return [finding.rule, finding.file, finding.line, finding.column, finding.message].join("\0");
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Map();
  for (const finding of findings) if (!seen.has(findingKey(finding))) seen.set(findingKey(finding), finding);
  return [...seen.values()];
}
function compareFindings(a, b) {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule) || compareText(a.message, b.message);
}

// src/fix/patch.ts
var import_yaml7 = __toESM(require_dist(), 1);
import { isDeepStrictEqual } from "node:util";
function ruleYaml(rule2) {
  return (0, import_yaml7.stringify)([rule2]).trimEnd();
}
function addRule(text, target2, direction, rule2) {
  const found = findPolicyDocument(text, target2);
  if ("error" in found) return found;
  const before = ruleList(found.document, direction);
  const expected = [...before, rule2];
  for (const strategy of [insertLines, rewriteDocument]) {
    const patched = strategy(text, found.document, direction, rule2);
    if (patched === void 0) continue;
    const inserted = strategy === insertLines ? checkInsertion(text, patched, found.document, target2, direction) : void 0;
    if (inserted !== void 0) {
      if (inserted.rules !== void 0 && isDeepStrictEqual(inserted.rules, expected))
        return { text: patched, policyText: inserted.policyText };
      continue;
    }
    const again = findPolicyDocument(patched, { ...target2, line: void 0 }, found.index);
    if ("document" in again && isDeepStrictEqual(ruleList(again.document, direction), expected)) {
      return { text: patched, policyText: documentText(patched, again.document) };
    }
  }
  return { error: `could not add a rule to spec.${direction} of ${target2.namespace}/${target2.name}` };
}
function checkInsertion(text, patched, document, target2, direction) {
  const range2 = document.contents?.range;
  if (!range2 || DIRECTIVE.test(text)) return void 0;
  const policyText = patched.slice(range2[0], range2[2] + patched.length - text.length).trimEnd();
  const documents = readPlainBlockYaml(policyText, DEFAULT_LOAD_LIMITS);
  if (documents?.length !== 1) return void 0;
  const value = documents[0]?.value;
  if (!isRecord(value) || !isTargetValue(value, target2)) return { policyText, rules: void 0 };
  return { policyText, rules: ruleListOf(value, direction) };
}
var DIRECTIVE = /^%/m;
function documentText(text, document) {
  const range2 = document.contents?.range;
  return range2 ? text.slice(range2[0], range2[2]).trimEnd() : void 0;
}
function findPolicyDocument(text, target2, index) {
  const documents = parsedDocuments(text);
  const lineOffset = target2.line === void 0 ? void 0 : offsetOfLine(text, target2.line);
  const candidates = documents.map((document, i) => ({ document, index: i })).filter(({ document, index: i }) => (index === void 0 || i === index) && isTarget(document, target2));
  const chosen = candidates.find(
    ({ document }) => lineOffset !== void 0 && document.range[0] <= lineOffset && lineOffset < document.range[2]
  ) ?? candidates[0];
  if (!chosen) return { error: `no NetworkPolicy ${target2.namespace}/${target2.name} in the file` };
  if (chosen.document.errors.length > 0) {
    return { error: `the policy's document does not parse: ${chosen.document.errors[0]?.message ?? ""}` };
  }
  return chosen;
}
function parsedDocuments(text) {
  let documents = recentlyParsed.get(text);
  if (!documents) {
    documents = Array.from((0, import_yaml7.parseAllDocuments)(text));
    const oldest = recentlyParsed.keys().next();
    if (recentlyParsed.size >= RECENTLY_PARSED_TEXTS && !oldest.done) recentlyParsed.delete(oldest.value);
    recentlyParsed.set(text, documents);
  }
  return documents;
}
var RECENTLY_PARSED_TEXTS = 8;
var recentlyParsed = /* @__PURE__ */ new Map();
function isTarget(document, target2) {
  const value = plainValue(document);
  return value !== void 0 && isTargetValue(value, target2);
}
function isTargetValue(value, target2) {
  if (value.kind !== "NetworkPolicy" || !isRecord(value.metadata)) return false;
  const { name, namespace } = value.metadata;
  return name === target2.name && (namespace ?? target2.defaultNamespace) === target2.namespace;
}
function ruleList(document, direction) {
  return ruleListOf(plainValue(document), direction);
}
function ruleListOf(value, direction) {
  const spec = value?.spec;
  const list2 = isRecord(spec) ? spec[direction] : void 0;
  return Array.isArray(list2) ? list2 : [];
}
function plainValue(document) {
  if (plainValues.has(document)) return plainValues.get(document);
  let value;
  try {
    value = document.toJS({ maxAliasCount: DEFAULT_LOAD_LIMITS.maxAliasCount });
  } catch {
    value = void 0;
  }
  const plain = isRecord(value) ? value : void 0;
  plainValues.set(document, plain);
  return plain;
}
var plainValues = /* @__PURE__ */ new WeakMap();
function insertLines(text, document, direction, rule2) {
  const spec = document.get("spec", true);
  if (!(0, import_yaml7.isMap)(spec) || spec.flow || !spec.range) return void 0;
  const list2 = spec.get(direction, true);
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const item = ruleYaml(rule2).split("\n");
  if ((0, import_yaml7.isSeq)(list2) && !list2.flow && list2.items.length > 0 && list2.range) {
    const indent2 = " ".repeat(columnOf(text, list2.range[0]));
    return insertAt(
      text,
      list2.range[1],
      item.map((line) => indent2 + line),
      newline
    );
  }
  if (spec.has(direction)) return void 0;
  const indent = " ".repeat(columnOf(text, spec.range[0]));
  return insertAt(
    text,
    spec.range[1],
    [`${indent}${direction}:`, ...item.map((line) => `${indent}  ${line}`)],
    newline
  );
}
function rewriteDocument(text, document, direction, rule2) {
  const range2 = document.contents?.range;
  if (!range2) return void 0;
  const copy = document.clone();
  const list2 = copy.getIn(["spec", direction], true);
  if ((0, import_yaml7.isSeq)(list2)) {
    list2.flow = false;
    list2.items.push(copy.createNode(rule2));
  } else copy.setIn(["spec", direction], copy.createNode([rule2]));
  const alone = new import_yaml7.Document();
  alone.contents = copy.contents;
  return text.slice(0, range2[0]) + String(alone) + text.slice(range2[2]);
}
function insertAt(text, offset, lines, newline) {
  const atLineStart = offset === 0 || text[offset - 1] === "\n";
  const inserted = lines.join(newline) + newline;
  return atLineStart ? text.slice(0, offset) + inserted + text.slice(offset) : text.slice(0, offset) + newline + inserted.slice(0, -newline.length) + text.slice(offset);
}
function columnOf(text, offset) {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}
function offsetOfLine(text, line) {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function changedLines(before, after) {
  if (before === after) return void 0;
  const old = before.split("\n");
  const now = after.split("\n");
  let prefix = 0;
  while (prefix < old.length && prefix < now.length && old[prefix] === now[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < now.length - prefix && old[old.length - 1 - suffix] === now[now.length - 1 - suffix])
    suffix++;
  let first = prefix;
  let lastOld = old.length - suffix;
  let lastNow = now.length - suffix;
  if (first === lastOld) {
    if (first > 0) first--;
    else {
      lastOld++;
      lastNow++;
    }
  }
  return {
    line: first + 1,
    endLine: lastOld,
    replacement: now.slice(first, lastNow).join("\n").replace(/\r$/gm, "")
  };
}
var MAX_DIFF_CELLS = 4e6;
var CONTEXT_LINES = 3;
function unifiedDiff(file, before, after) {
  if (before === after) return "";
  const edits = lineEdits(before.split("\n"), after.split("\n"));
  const hunks = [];
  let index = 0;
  while (index < edits.length) {
    const start = edits.findIndex((edit, i) => i >= index && edit.kind !== " ");
    if (start === -1) break;
    let end = start;
    for (let i = start; i < edits.length; i++) {
      if (edits[i]?.kind !== " ") end = i;
      else if (i - end > CONTEXT_LINES * 2) break;
    }
    const from = Math.max(0, start - CONTEXT_LINES);
    const to = Math.min(edits.length - 1, end + CONTEXT_LINES);
    const slice = edits.slice(from, to + 1);
    const oldStart = (edits[from]?.oldLine ?? 0) + 1;
    const newStart = (edits[from]?.newLine ?? 0) + 1;
    const oldCount = slice.filter((edit) => edit.kind !== "+").length;
    const newCount = slice.filter((edit) => edit.kind !== "-").length;
    hunks.push(
      `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`,
      ...slice.map((edit) => `${edit.kind}${edit.text}`)
    );
    index = to + 1;
  }
  return [`--- a/${file}`, `+++ b/${file}`, ...hunks, ""].join("\n");
}
function lineEdits(old, now) {
  const edits = [];
  if (old.length * now.length > MAX_DIFF_CELLS) {
    const change = changedLines(old.join("\n"), now.join("\n"));
    const first = (change?.line ?? 1) - 1;
    const lastOld = change?.endLine ?? old.length;
    const lastNow = now.length - (old.length - lastOld);
    old.slice(0, first).forEach((text, i2) => edits.push({ kind: " ", text, oldLine: i2, newLine: i2 }));
    for (let i2 = first; i2 < lastOld; i2++)
      edits.push({ kind: "-", text: old[i2] ?? "", oldLine: i2, newLine: first });
    for (let i2 = first; i2 < lastNow; i2++)
      edits.push({ kind: "+", text: now[i2] ?? "", oldLine: lastOld, newLine: i2 });
    for (let i2 = lastOld; i2 < old.length; i2++)
      edits.push({ kind: " ", text: old[i2] ?? "", oldLine: i2, newLine: i2 - lastOld + lastNow });
    return edits;
  }
  const width = now.length + 1;
  const common = new Uint32Array((old.length + 1) * width);
  for (let i2 = old.length - 1; i2 >= 0; i2--) {
    for (let j2 = now.length - 1; j2 >= 0; j2--) {
      common[i2 * width + j2] = old[i2] === now[j2] ? (common[(i2 + 1) * width + j2 + 1] ?? 0) + 1 : Math.max(common[(i2 + 1) * width + j2] ?? 0, common[i2 * width + j2 + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < old.length || j < now.length) {
    if (i < old.length && j < now.length && old[i] === now[j]) {
      edits.push({ kind: " ", text: old[i] ?? "", oldLine: i, newLine: j });
      i++;
      j++;
    } else if (j < now.length && (i === old.length || (common[i * width + j + 1] ?? 0) >= (common[(i + 1) * width + j] ?? 0))) {
      edits.push({ kind: "+", text: now[j] ?? "", oldLine: i, newLine: j });
      j++;
    } else {
      edits.push({ kind: "-", text: old[i] ?? "", oldLine: i, newLine: j });
      i++;
    }
  }
  return edits;
}

// src/fix/suggest.ts
var CHURNING_LABELS = /* @__PURE__ */ new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "pod-template-generation",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "controller-uid",
  "batch.kubernetes.io/controller-uid",
  "job-name",
  "batch.kubernetes.io/job-name"
]);
function suggestFlowFix(context, from, to, protocol, port2) {
  const explanation = context.engine.explain(from, to, protocol, port2);
  if (explanation.allowed) return { none: true };
  const requests = [];
  for (const [direction, subject, other] of [
    ["egress", from, to],
    ["ingress", to, from]
  ]) {
    if (explanation[direction].allowed || !("workload" in subject)) continue;
    const policy = narrowestPolicy(context.engine, subject.workload, direction);
    if (!policy) continue;
    const destination = direction === "egress" ? other : subject;
    requests.push({
      policy,
      direction,
      rule: {
        [direction === "egress" ? "to" : "from"]: [peerFor(policy.namespace, other)],
        ports: [portFor(policy, direction, destination, { protocol, port: port2 })]
      }
    });
  }
  const ends = [from, to].flatMap((end) => "workload" in end ? [end.workload] : []);
  const scope = {
    namespaces: new Set(ends.map((workload) => workload.namespace)),
    workloads: () => {
      const { workloads } = byNamespace(context.model);
      return [...new Set(ends)].filter((workload) => workloads.get(workload.namespace)?.includes(workload));
    }
  };
  return offer(context, requests, scope, (engine) => engine.isAllowed(from, to, protocol, port2));
}
function suggestDnsFix(context, finding) {
  if (finding.rule !== dnsEgressMissing.meta.id) return { none: true };
  const { namespace, name } = finding.resource;
  const policy = context.model.policies.find((p) => p.namespace === namespace && p.name === name);
  if (!policy) return { none: true };
  const { dns } = context.config;
  const rule2 = {
    to: [
      {
        namespaceSelector: plainSelector(dns.namespaceSelector),
        podSelector: plainSelector(dns.podSelector)
      }
    ],
    ports: dns.ports.map(({ protocol, port: port2 }) => ({ protocol, port: port2 }))
  };
  const scope = {
    namespaces: /* @__PURE__ */ new Set([policy.namespace]),
    workloads: () => context.model.workloads.filter(
      (workload) => workload.namespace === policy.namespace || isDeclaredDnsPod(context.model, context.config, workload)
    )
  };
  return offer(context, [{ policy, direction: "egress", rule: rule2 }], scope, (engine) => {
    const lint = runLint({ model: engine.model, engine, diagnostics: [] }, context.config, [
      dnsEgressMissing
    ]);
    return !lint.findings.some((f) => f.resource.namespace === namespace && f.resource.name === name);
  });
}
function offer(context, requests, scope, verified) {
  const [first, second] = requests;
  if (!first) return { none: true };
  const patched = /* @__PURE__ */ new Map();
  const patches = [];
  const texts = /* @__PURE__ */ new Map();
  for (const request of requests) {
    const { file } = request.policy.loc;
    const original = context.readText(file);
    if (original === void 0) return problem(request, "its file could not be read");
    const alone = patchText(context, original, request);
    if ("error" in alone) return problem(request, alone.error);
    const earlier = texts.get(file);
    const cumulative = earlier === void 0 ? alone : patchText(context, earlier, request);
    if ("error" in cumulative) return problem(request, cumulative.error);
    texts.set(file, cumulative.text);
    const policy = reparsedPolicy(context, cumulative.policyText, request);
    if ("error" in policy) return problem(request, policy.error);
    patched.set(request.policy, policy.policy);
    patches.push(alone.patch);
  }
  const index = byNamespace(context.model);
  const inScope = (grouped) => [...scope.namespaces].flatMap((namespace) => grouped.get(namespace) ?? []);
  const model = {
    namespaces: context.model.namespaces,
    workloads: scope.workloads(),
    services: inScope(index.services),
    policies: inScope(index.policies).map((policy) => patched.get(policy) ?? policy)
  };
  if (!verified(createEngine(model))) {
    return problem(first, "the patched policy still does not allow the traffic");
  }
  const [patch, other] = patches;
  return { fix: second && other ? { ...patch, alsoNeeded: other } : patch };
}
function target(context, policy) {
  return {
    namespace: policy.namespace,
    name: policy.name,
    defaultNamespace: context.config.defaultNamespace,
    line: policy.loc.line
  };
}
function patchText(context, text, request) {
  const outcome = addRule(text, target(context, request.policy), request.direction, request.rule);
  if ("error" in outcome) return outcome;
  const change = changedLines(text, outcome.text);
  if (!change) return { error: "the patch changed nothing" };
  const { policyText } = outcome;
  return {
    text: outcome.text,
    policyText,
    patch: {
      file: request.policy.loc.file,
      line: change.line,
      endLine: change.endLine,
      policy: request.policy.id,
      direction: request.direction,
      yaml: ruleYaml(request.rule),
      replacement: change.replacement,
      ...policyText !== void 0 ? { patchedPolicyYaml: policyText } : {}
    }
  };
}
function reparsedPolicy(context, document, request) {
  const { file } = request.policy.loc;
  if (document === void 0) return { error: "the patched policy could not be found again" };
  const loaded = parseManifestText(document, file);
  const built = buildModel(loaded.objects, { defaultNamespace: context.config.defaultNamespace });
  const error = [...loaded.diagnostics, ...built.diagnostics].find((d) => d.severity === "error");
  if (error) return { error: `the patched policy is not valid: ${error.message}` };
  const [policy] = built.model.policies;
  return policy ? { policy } : { error: "the patched policy is not a NetworkPolicy any more" };
}
function problem(request, reason) {
  return {
    problem: {
      severity: "info",
      code: "fix-not-offered",
      message: `no fix suggested for spec.${request.direction} of ${request.policy.id}: ${reason}`,
      file: request.policy.loc.file,
      line: request.policy.loc.line,
      resource: { kind: "NetworkPolicy", namespace: request.policy.namespace, name: request.policy.name }
    }
  };
}
function narrowestPolicy(engine, workload, direction) {
  const ranked = engine.selectingPolicies(workload, direction).map((policy) => ({
    policy,
    selected: engine.policyWorkloads(policy).length,
    bare: policy[direction].length === 0 ? 1 : 0
  }));
  ranked.sort(
    (a, b) => a.selected - b.selected || a.bare - b.bare || compareText(a.policy.loc.file, b.policy.loc.file) || a.policy.loc.line - b.policy.loc.line
  );
  return ranked[0]?.policy;
}
function peerFor(policyNamespace, endpoint) {
  if ("ip" in endpoint) {
    const family = parseAddress(endpoint.ip)?.family ?? 4;
    return { ipBlock: { cidr: `${endpoint.ip}/${family === 6 ? 128 : 32}` } };
  }
  const { workload } = endpoint;
  return {
    ...workload.namespace === policyNamespace ? {} : { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: workload.namespace } } },
    podSelector: matchLabels(stableLabels(workload.labels))
  };
}
function stableLabels(labels) {
  return Object.fromEntries(
    Object.entries(labels).filter(([key]) => !CHURNING_LABELS.has(key)).sort(([a], [b]) => compareText(a, b))
  );
}
function matchLabels(labels) {
  return Object.keys(labels).length > 0 ? { matchLabels: { ...labels } } : {};
}
function portFor(policy, direction, destination, seen) {
  const usesNames = policy[direction].some(
    (rule2) => (rule2.ports ?? []).some((port2) => typeof port2.port === "string")
  );
  const declared = usesNames && "workload" in destination ? destination.workload.ports.find((p) => p.name && p.port === seen.port && p.protocol === seen.protocol) : void 0;
  return { protocol: seen.protocol, port: declared?.name ?? seen.port };
}
function plainSelector(selector) {
  return {
    ...selector.matchLabels ? { matchLabels: { ...selector.matchLabels } } : {},
    ...selector.matchExpressions ? {
      matchExpressions: selector.matchExpressions.map(({ key, operator, values }) => ({
        key,
        operator,
        ...values ? { values: [...values] } : {}
      }))
    } : {}
  };
}

// src/fix/attach.ts
function manifestTextReader(source) {
  if ("rendered" in source) {
    const { name, text } = source.rendered;
    return (file) => file === name ? text : void 0;
  }
  const cache = /* @__PURE__ */ new Map();
  return (file) => {
    if (!cache.has(file)) cache.set(file, readQuietly(path6.resolve(source.root, file)));
    return cache.get(file);
  };
}
function readQuietly(file) {
  try {
    return readFileSync3(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return void 0;
  }
}
function withFindingFixes(findings, context, changedFiles, diagnostics) {
  return findings.map((finding) => {
    if (finding.suppressed) return finding;
    const fix = take(suggestDnsFix(context, finding), changedFiles, diagnostics);
    return fix ? { ...finding, fix } : finding;
  });
}
var MAX_FLOW_FIXES = 100;
function withFlowFixes(broken, observed, context, changedFiles, diagnostics) {
  const byKey = new Map(observed.map((flow) => [flow.key, flow]));
  return broken.map((flow, index) => {
    if (index >= MAX_FLOW_FIXES) return flow;
    const connection = byKey.get(flowKey(flow.from, flow.to, flow.protocol, flow.port));
    if (!connection) return flow;
    const outcome = suggestFlowFix(context, connection.from, connection.to, flow.protocol, flow.port);
    const fix = take(outcome, changedFiles, diagnostics);
    return fix ? { ...flow, fix } : flow;
  });
}
function take(outcome, changedFiles, diagnostics) {
  if ("problem" in outcome) {
    const { problem: problem2 } = outcome;
    if (!diagnostics.some((d) => d.code === problem2.code && d.message === problem2.message))
      diagnostics.push(problem2);
    return void 0;
  }
  if (!("fix" in outcome)) return void 0;
  const mark = (patch2) => changedFiles.has(patch2.file) ? { ...patch2, inChangedFile: true } : patch2;
  const { alsoNeeded, ...patch } = outcome.fix;
  return { ...mark(patch), ...alsoNeeded ? { alsoNeeded: mark(alsoNeeded) } : {} };
}
function allPatches(fixes) {
  const unique = /* @__PURE__ */ new Map();
  for (const fix of fixes) {
    if (!fix) continue;
    const { alsoNeeded, ...patch } = fix;
    for (const one of alsoNeeded ? [patch, alsoNeeded] : [patch]) {
      const key = JSON.stringify([one.file, one.policy, one.direction, one.yaml]);
      if (!unique.has(key)) unique.set(key, one);
    }
  }
  return [...unique.values()];
}

// src/fix/readiness.ts
function namespaceReadiness(observed, model) {
  const managed = new Set(model.workloads.map((workload) => workload.namespace));
  const byNamespace2 = /* @__PURE__ */ new Map();
  for (const flow of observed) {
    const ends = [
      ["egress", namespaceOf(flow.from)],
      ["ingress", namespaceOf(flow.to)]
    ];
    const namespaces = new Set(
      ends.flatMap(([, namespace]) => namespace && managed.has(namespace) ? [namespace] : [])
    );
    for (const namespace of namespaces) {
      const uncovered = ends.filter(
        ([direction, endNamespace]) => endNamespace === namespace && flow.admitting[direction].length === 0
      ).map(([direction]) => direction);
      const entry = byNamespace2.get(namespace) ?? { observed: 0, blocking: [] };
      entry.observed++;
      if (uncovered.length > 0) {
        entry.blocking.push({
          from: flow.fromPeer,
          to: flow.toPeer,
          protocol: flow.protocol,
          port: flow.port,
          count: flow.count,
          uncovered
        });
      }
      byNamespace2.set(namespace, entry);
    }
  }
  return [...byNamespace2.entries()].sort(([a], [b]) => compareText(a, b)).map(([namespace, { observed: count3, blocking }]) => ({
    namespace,
    observed: count3,
    covered: count3 - blocking.length,
    ready: blocking.length === 0,
    blocking: blocking.sort((a, b) => b.count - a.count)
  }));
}
function unusedRules(observed, engine, model) {
  const used = /* @__PURE__ */ new Set();
  const seen = { egress: /* @__PURE__ */ new Set(), ingress: /* @__PURE__ */ new Set() };
  for (const flow of observed) {
    if ("workload" in flow.from) seen.egress.add(flow.from.workload.id);
    if ("workload" in flow.to) seen.ingress.add(flow.to.workload.id);
    for (const direction of DIRECTIONS) {
      for (const rule2 of flow.admitting[direction]) used.add(ruleKey(rule2.policy.id, direction, rule2.index));
    }
  }
  const unused = [];
  for (const policy of model.policies) {
    const selected = engine.policyWorkloads(policy);
    for (const direction of ["ingress", "egress"]) {
      if (!policy.types[direction] || !selected.some((workload) => seen[direction].has(workload.id)))
        continue;
      policy[direction].forEach((rule2, index) => {
        if (used.has(ruleKey(policy.id, direction, index))) return;
        const { file, line } = policy.locate(rule2.path);
        unused.push({ policy: policy.id, direction, index, file, line });
      });
    }
  }
  return unused.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
}
function namespaceOf(endpoint) {
  return "workload" in endpoint ? endpoint.workload.namespace : void 0;
}
function ruleKey(policy, direction, index) {
  return `${policy}\0${direction}\0${index}`;
}

// src/check/side.ts
async function analyseSide(source, config, parseCache) {
  const loaded = "rendered" in source ? parseManifestText(source.rendered.text, source.rendered.name, { limits: config.limits }) : await loadManifests(source.paths, {
    root: source.root,
    limits: config.limits,
    ...parseCache ? { parseCache } : {}
  });
  const { model, diagnostics } = buildModel(loaded.objects, {
    defaultNamespace: config.defaultNamespace,
    namespaceLabels: Object.fromEntries(
      Object.entries(config.namespaces).map(([name, ns]) => [name, ns.labels])
    )
  });
  const skipped = Object.values(loaded.skippedKinds).reduce((sum, n) => sum + n, 0);
  return {
    model,
    engine: createEngine(model),
    diagnostics: [...loaded.diagnostics, ...diagnostics],
    objectCount: loaded.objects.length + skipped
  };
}
function nothingToAnalyse(side) {
  return side.objectCount === 0 && side.diagnostics.some((d) => d.severity === "error");
}

// src/check/verdict.ts
var RANK = { info: 0, warning: 1, error: 2 };
function blocks(finding, failOn) {
  return !finding.suppressed && failOn !== "never" && RANK[finding.severity] >= RANK[failOn];
}

// src/check/run.ts
async function runCheck(options) {
  const { config, diagnostics: configDiagnostics } = loadConfig(
    options.configFile,
    options.configRoot ?? options.head.root
  );
  const stopReading = new AbortController();
  const flowsRead = options.flows?.length ? readFlowsInBackground(options.flows, {
    format: options.flowsFormat ?? "auto",
    maxLineBytes: config.limits.maxLineBytes,
    maxDocumentBytes: config.limits.maxDocumentBytes,
    maxSkippedSamples: config.limits.maxSkippedSamples,
    signal: stopReading.signal
  }) : void 0;
  try {
    return await checkWith(options, config, configDiagnostics, flowsRead);
  } finally {
    stopReading.abort();
  }
}
async function checkWith(options, config, configDiagnostics, flowsRead) {
  const parseCache = new ParseCache();
  const [base, head] = await Promise.all([
    analyseSide(options.base, config, parseCache),
    analyseSide(options.head, config, parseCache)
  ]);
  const fixes = fixSetup(options, head, config);
  const findings = withFindingFixes(
    markIntroduced(lintSide(head, config), lintSide(base, config)),
    fixes.context,
    fixes.changedFiles,
    fixes.diagnostics
  );
  const diff = diffConnectivity(base.engine, head.engine);
  annotateChanges(diff.opened, diff.closed, head.engine);
  const flows = flowsRead ? await replay(await flowsRead, config, base, head, fixes) : void 0;
  const failOn = options.failOn ?? config.failOn;
  const active = findings.filter((f) => !f.suppressed);
  const blocking = active.filter((f) => f.introduced && blocks(f, failOn));
  const reasons = [];
  if (flows && config.failOnBrokenFlows && flows.broken.length > 0) {
    reasons.push(`${flows.broken.length} live flow${flows.broken.length === 1 ? "" : "s"} would break`);
  }
  if (blocking.length > 0) {
    reasons.push(`${blocking.length} new finding${blocking.length === 1 ? "" : "s"} at or above ${failOn}`);
  }
  const count3 = (severity) => active.filter((f) => f.severity === severity).length;
  return {
    verdict: reasons.length > 0 ? "fail" : "pass",
    reasons,
    findings,
    diff,
    ...flows ? { flows } : {},
    diagnostics: [...configDiagnostics, ...head.diagnostics, ...fixes.diagnostics],
    summary: {
      brokenFlows: flows?.broken.length ?? 0,
      opened: countPaths(diff.opened),
      closed: countPaths(diff.closed),
      errors: count3("error"),
      warnings: count3("warning"),
      infos: count3("info")
    }
  };
}
function lintSide(side, config) {
  return runLint({ model: side.model, engine: side.engine, diagnostics: side.diagnostics }, config).findings;
}
function countPaths(changes) {
  return changes.filter((change, index) => {
    const previous = changes[index - 1];
    return !previous || !samePath(previous, change);
  }).length;
}
function markIntroduced(headFindings, baseFindings) {
  const group = (f) => [f.rule, f.resource.kind, f.resource.namespace ?? "", f.resource.name].join("\0");
  const before = /* @__PURE__ */ new Map();
  for (const f of baseFindings) before.set(group(f), [...before.get(group(f)) ?? [], f]);
  const headCounts = /* @__PURE__ */ new Map();
  for (const f of headFindings) headCounts.set(group(f), (headCounts.get(group(f)) ?? 0) + 1);
  return headFindings.map((f) => {
    const baseGroup = before.get(group(f)) ?? [];
    const grew = (headCounts.get(group(f)) ?? 0) > baseGroup.length;
    return { ...f, introduced: grew && !baseGroup.some((b) => b.message === f.message) };
  });
}
function fixSetup(options, head, config) {
  return {
    context: { model: head.model, engine: head.engine, config, readText: manifestTextReader(options.head) },
    changedFiles: new Set(options.changedFiles ?? []),
    diagnostics: []
  };
}
function replay(read, config, base, head, fixes) {
  const cidrs = { podCidrs: config.cluster.podCidrs, serviceCidrs: config.cluster.serviceCidrs };
  const side = (s) => {
    const match2 = matchingOutsidePods(s.model, createFlowMatcher(s.model, cidrs).match);
    const matched = /* @__PURE__ */ new WeakMap();
    return {
      engine: s.engine,
      match(endpoint) {
        let result = matched.get(endpoint);
        if (!result) matched.set(endpoint, result = match2(endpoint));
        return result;
      }
    };
  };
  const headSide = side(head);
  const outcome = replayFlows(read.flows, side(base), headSide);
  const observed = observedFlows(read.flows, headSide.match, head.engine);
  return {
    records: read.stats.records,
    skipped: read.stats.skipped,
    skippedSamples: read.stats.skippedSamples,
    ...read.window ? { window: read.window } : {},
    ...outcome,
    broken: withFlowFixes(outcome.broken, observed, fixes.context, fixes.changedFiles, fixes.diagnostics),
    readiness: namespaceReadiness(observed, head.model),
    unusedRules: unusedRules(observed, head.engine, head.model)
  };
}

// src/report/escape.ts
var LINE_BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g;
var UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
function cleanText(text) {
  return String(text).replace(LINE_BREAKS, " ").replace(UNSAFE_CHARACTERS, "");
}
function truncate(text, maxLength) {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  return `${characters.slice(0, Math.max(0, maxLength - 1)).join("")}\u2026`;
}
var DEFAULT_TEXT_LENGTH = 500;
var HTML_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
var MARKDOWN_SPECIALS = /* @__PURE__ */ new Set([
  "\\",
  "`",
  "*",
  "_",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  "#",
  "!",
  "|",
  "~",
  "$"
]);
var AUTOLINK_TRIGGERS = [
  [/@/g, "@\u200D"],
  [/#(?=\d)/g, "#\u200D"],
  [/:\/\//g, ":\u200D//"],
  [/\bwww\./gi, "$&\u200D"]
];
function neutraliseAutolinks(text) {
  return AUTOLINK_TRIGGERS.reduce(
    (inert, [pattern, replacement]) => inert.replace(pattern, replacement),
    text
  );
}
function escapeMarkdown(text, maxLength = DEFAULT_TEXT_LENGTH) {
  const inert = neutraliseAutolinks(truncate(cleanText(text).trim(), maxLength));
  let escaped = "";
  for (const character of inert) {
    escaped += HTML_ENTITIES[character] ?? (MARKDOWN_SPECIALS.has(character) ? `\\${character}` : character);
  }
  return escaped.replace(/^[-+]/, "\\$&").replace(/^(\d+)\./, "$1\\.");
}
var NOT_LITERAL_IN_CODE = /[<>&|]/;
function codeSpan(text, maxLength = 100) {
  const bounded = truncate(cleanText(text).trim(), maxLength);
  if (bounded === "") return "";
  if (NOT_LITERAL_IN_CODE.test(bounded)) return `<code>${escapeMarkdown(bounded, maxLength)}</code>`;
  const inert = neutraliseAutolinks(bounded);
  const longestRun = Math.max(0, ...Array.from(inert.matchAll(/`+/g), (run) => run[0].length));
  const fence = "`".repeat(longestRun + 1);
  const padding = inert.startsWith("`") || inert.endsWith("`") ? " " : "";
  return `${fence}${padding}${inert}${padding}${fence}`;
}

// src/report/json.ts
var LOCATION = { file: true, line: true, column: true };
var RESOURCE = { kind: true, namespace: true, name: true };
var PEER = { namespace: true, kind: true, name: true, cidr: true, ip: true, unmatched: true };
var PATH_CHANGE = {
  from: PEER,
  to: PEER,
  protocol: true,
  ports: true,
  risk: true,
  explanation: true,
  location: LOCATION
};
var RULE_PATCH = {
  file: true,
  line: true,
  endLine: true,
  policy: true,
  direction: true,
  yaml: true,
  replacement: true,
  patchedPolicyYaml: true,
  inChangedFile: true
};
var FIX = { ...RULE_PATCH, alsoNeeded: RULE_PATCH };
var REPLAYED_FLOW = {
  from: PEER,
  to: PEER,
  protocol: true,
  port: true,
  count: true,
  firstSeen: true,
  lastSeen: true,
  explanation: true,
  location: LOCATION,
  reason: true,
  fix: FIX
};
var FINDING = {
  rule: true,
  severity: true,
  message: true,
  file: true,
  line: true,
  column: true,
  resource: RESOURCE,
  introduced: true,
  suppressed: { reason: true },
  related: { ...LOCATION, message: true },
  fix: FIX
};
var DIAGNOSTIC = {
  severity: true,
  code: true,
  message: true,
  file: true,
  line: true,
  column: true,
  resource: RESOURCE
};
var LINT_RESULT = { findings: FINDING, diagnostics: DIAGNOSTIC };
var CHECK_RESULT = {
  verdict: true,
  reasons: true,
  findings: FINDING,
  diff: {
    opened: PATH_CHANGE,
    closed: PATH_CHANGE,
    workloadsAdded: PEER,
    workloadsRemoved: PEER,
    newConnections: PATH_CHANGE,
    goneConnections: PATH_CHANGE
  },
  flows: {
    records: true,
    skipped: true,
    skippedSamples: { file: true, line: true, reason: true },
    window: { firstSeen: true, lastSeen: true },
    broken: REPLAYED_FLOW,
    newlyAllowed: REPLAYED_FLOW,
    stillDenied: true,
    unmatched: REPLAYED_FLOW,
    otherDrops: true,
    deniedAtBase: true,
    readiness: {
      namespace: true,
      observed: true,
      covered: true,
      ready: true,
      blocking: { from: PEER, to: PEER, protocol: true, port: true, count: true, uncovered: true }
    },
    unusedRules: { policy: true, direction: true, index: true, file: true, line: true }
  },
  diagnostics: DIAGNOSTIC,
  summary: { brokenFlows: true, opened: true, closed: true, errors: true, warnings: true, infos: true }
};
function orderKeys(value, order) {
  if (Array.isArray(value)) {
    let copy;
    value.forEach((item, index) => {
      const ordered2 = orderKeys(item, order);
      if (ordered2 !== item) (copy ??= [...value])[index] = ordered2;
    });
    return copy ?? value;
  }
  if (order === true || value === null || typeof value !== "object") return value;
  const source = value;
  if (inContractOrder(source, order)) {
    let copy;
    for (const key in order) {
      if (!Object.hasOwn(source, key)) continue;
      const ordered2 = orderKeys(source[key], order[key]);
      if (ordered2 !== source[key]) setOwn(copy ??= { ...source }, key, ordered2);
    }
    return copy ?? source;
  }
  const ordered = {};
  for (const key in order) {
    if (Object.hasOwn(source, key))
      setOwn(ordered, key, orderKeys(source[key], order[key]));
  }
  for (const key of Object.keys(source)) if (!Object.hasOwn(ordered, key)) setOwn(ordered, key, source[key]);
  return ordered;
}
function inContractOrder(source, order) {
  if (Object.getPrototypeOf(source) !== Object.prototype) return false;
  const rank = ranksOf(order);
  let last = -1;
  for (const key of Object.keys(source)) {
    const position = rank.get(key) ?? Number.POSITIVE_INFINITY;
    if (position < last) return false;
    last = position;
  }
  return true;
}
var ranks = /* @__PURE__ */ new WeakMap();
function ranksOf(order) {
  let rank = ranks.get(order);
  if (!rank) ranks.set(order, rank = new Map(Object.keys(order).map((key, index) => [key, index])));
  return rank;
}
function setOwn(target2, key, value) {
  if (key === "__proto__") Object.defineProperty(target2, key, { value, enumerable: true, writable: true });
  else target2[key] = value;
}
function stringify2(value, order) {
  return `${JSON.stringify(orderKeys(value, order), null, 2)}
`;
}
function renderJson(result) {
  return stringify2(result, CHECK_RESULT);
}
function renderLintJson(result) {
  return stringify2(result, LINT_RESULT);
}

// src/report/format.ts
var MAX_PORT_RANGES = 8;
function formatPorts(protocol, ports) {
  const [first] = ports;
  if (ports.length === 1 && first && first[0] <= 1 && first[1] >= 65535) return `${protocol}/all ports`;
  const shown2 = ports.slice(0, MAX_PORT_RANGES).map(([lo, hi]) => lo === hi ? `${lo}` : `${lo}-${hi}`);
  const more = ports.length - shown2.length;
  return `${protocol}/${shown2.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
function pathRows(changes) {
  const starts = pathRowStarts(changes);
  return starts.map((_, index) => pathRowAt(changes, starts, index));
}
function pathRowStarts(changes) {
  const starts = [];
  changes.forEach((change, index) => {
    const previous = changes[index - 1];
    if (!previous || !sameRow(previous, change)) starts.push(index);
  });
  return starts;
}
function pathRowAt(changes, starts, index) {
  const parts = changes.slice(starts[index], starts[index + 1] ?? changes.length);
  const [first] = parts;
  const everything = parts.length === 3 && parts.every((p) => formatPorts(p.protocol, p.ports).endsWith("/all ports"));
  return {
    from: first.from,
    to: first.to,
    ports: everything ? "all ports, all protocols" : parts.map((p) => formatPorts(p.protocol, p.ports)).join("; "),
    ...first.risk ? { risk: first.risk } : {},
    ...first.explanation ? { explanation: first.explanation } : {}
  };
}
function sameRow(a, b) {
  return samePath(a, b) && (a.explanation ?? "") === (b.explanation ?? "") && (a.risk ?? []).join() === (b.risk ?? []).join();
}
var RISK_TEXT = {
  "cross-namespace": "crosses namespaces",
  "any-namespace": "reachable from any namespace",
  internet: "reaches or is reached from the internet",
  "metadata-endpoint": "reaches the cloud metadata endpoint"
};
function describeRisks(risks) {
  return (risks ?? []).map((risk) => RISK_TEXT[risk] ?? risk).join("; ");
}
function formatLocation(file, line, column) {
  if (!file) return "";
  if (!line) return file;
  return column ? `${file}:${line}:${column}` : `${file}:${line}`;
}
function plural(count3, singular, pluralForm = `${singular}s`) {
  return `${count3.toLocaleString("en-US")} ${count3 === 1 ? singular : pluralForm}`;
}
function groupFindings(findings) {
  const groups = { introduced: [], existing: [], suppressed: [] };
  for (const finding of findings) {
    if (finding.suppressed) groups.suppressed.push(finding);
    else if (finding.introduced) groups.introduced.push(finding);
    else groups.existing.push(finding);
  }
  return groups;
}
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings)
    if (!finding.suppressed && finding.severity in counts) counts[finding.severity]++;
  return counts;
}
function describeSeverityCounts(counts) {
  return [plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.info, "info")].join(
    ", "
  );
}

// src/report/mermaid.ts
var MAX_GRAPH_EDGES = 30;
var MAX_LABEL_LENGTH = 60;
var OPENED_STYLE = "stroke:#1a7f37,color:#1a7f37";
var CLOSED_STYLE = "stroke:#cf222e,color:#cf222e";
var MERMAID_ENTITIES = /* @__PURE__ */ new Set([
  '"',
  "'",
  "#",
  "&",
  "<",
  ">",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  "|",
  "`",
  "@",
  "%",
  "\\",
  ";"
]);
function mermaidText(text, maxLength = MAX_LABEL_LENGTH) {
  let escaped = "";
  for (const character of truncate(cleanText(text).trim(), maxLength)) {
    escaped += MERMAID_ENTITIES.has(character) ? `#${character.codePointAt(0)};` : character;
  }
  return escaped;
}
function renderNamespaceGraph(diff) {
  const nodes = /* @__PURE__ */ new Map();
  const nodeId = (peer3) => {
    const label = isCidrPeer(peer3) ? peer3.cidr : peer3.namespace;
    const key = `${isCidrPeer(peer3) ? "cidr" : "namespace"}:${label}`;
    let node = nodes.get(key);
    if (!node) {
      node = { id: `n${nodes.size}`, label };
      nodes.set(key, node);
    }
    return node.id;
  };
  const edges = /* @__PURE__ */ new Map();
  const add = (change, opened) => {
    const from = nodeId(change.from);
    const to = nodeId(change.to);
    const key = `${opened}:${from}:${to}`;
    const edge = edges.get(key) ?? { from, to, opened, ports: [] };
    edges.set(key, edge);
    const ports = formatPorts(change.protocol, change.ports);
    if (!edge.ports.includes(ports)) edge.ports.push(ports);
  };
  for (const change of diff.opened) add(change, true);
  for (const change of diff.closed) add(change, false);
  if (edges.size === 0) return void 0;
  const shown2 = [...edges.values()].slice(0, MAX_GRAPH_EDGES);
  const used = new Set(shown2.flatMap((edge) => [edge.from, edge.to]));
  const lines = ["```mermaid", "graph LR"];
  for (const { id, label } of nodes.values())
    if (used.has(id)) lines.push(`  ${id}["${mermaidText(label)}"]`);
  for (const edge of shown2) {
    const arrow = edge.opened ? "-->" : "-.->";
    const label = mermaidText(`${edge.opened ? "opened" : "closed"}: ${edge.ports.join("; ")}`);
    lines.push(`  ${edge.from} ${arrow}|"${label}"| ${edge.to}`);
  }
  const indexes = (opened) => shown2.flatMap((edge, index) => edge.opened === opened ? [String(index)] : []).join(",");
  if (indexes(true)) lines.push(`  linkStyle ${indexes(true)} ${OPENED_STYLE}`);
  if (indexes(false)) lines.push(`  linkStyle ${indexes(false)} ${CLOSED_STYLE}`);
  lines.push("```");
  if (edges.size > shown2.length) {
    lines.push(
      "",
      `_Showing ${shown2.length} of ${plural(edges.size, "changed edge")}; the tables list every path._`
    );
  }
  return lines.join("\n");
}

// src/fix/describe.ts
function fixItems(result) {
  const flows = (result.flows?.broken ?? []).flatMap(
    (flow) => flow.fix ? [
      {
        subject: `${peerLabel(flow.from)} -> ${peerLabel(flow.to)} ${flow.protocol}/${flow.port}`,
        fix: flow.fix
      }
    ] : []
  );
  const findings = result.findings.flatMap(
    (finding) => finding.fix ? [{ subject: `${finding.rule} at ${finding.file}:${finding.line}`, fix: finding.fix }] : []
  );
  return [...flows, ...findings];
}
function describePatch(patch) {
  return `add to spec.${patch.direction} of ${patch.policy} (${patch.file}:${patch.line})`;
}
function describeWindow(flows) {
  return flows.window ? `flows seen ${flows.window.firstSeen} to ${flows.window.lastSeen}` : "flows without times";
}
function describeReadiness(readiness) {
  const share = `${readiness.covered.toLocaleString("en-US")} of ${readiness.observed.toLocaleString("en-US")} observed connections explicitly allowed`;
  return readiness.ready ? `${share}: a default deny would not cut observed traffic` : `${share}: a default deny would cut the others`;
}
function describeBlocking(flow) {
  return `${peerLabel(flow.from)} -> ${peerLabel(flow.to)} ${flow.protocol}/${flow.port} x${flow.count.toLocaleString("en-US")} (${flow.uncovered.join(", ")} not explicitly allowed)`;
}
function describeRule(rule2) {
  return `${rule2.policy} ${rule2.direction}[${rule2.index}]`;
}

// src/report/markdown.ts
var DEFAULT_MAX_LENGTH = 6e4;
var MIN_MAX_LENGTH = 2e3;
var TRUNCATION_NOTE_ROOM = 1500;
var MAX_URL_LENGTH = 500;
var DEFAULT_TITLE = "netpol-guard";
var PEER_LENGTH = 120;
var MAX_REASONS = 5;
var SEVERITY_ICON = {
  error: ":red_circle:",
  warning: ":warning:",
  info: ":information_source:"
};
function rowsOf(items, cells) {
  const made = [];
  return { count: items.length, at: (index) => made[index] ??= renderRow(cells(items[index], index)) };
}
function rowCount(section) {
  return section.table?.rows.count ?? 0;
}
function renderRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function moreRowsLine(hidden) {
  return `_\u2026and ${plural(hidden, "more row")}, cut to fit the size limit._`;
}
function fitRows(section, size, limit) {
  const total = rowCount(section);
  let shown2 = 0;
  let end = size;
  for (; shown2 < total; shown2++) {
    const next = end + section.table.rows.at(shown2).length + 1;
    if (next > limit) break;
    end = next;
  }
  return { shown: shown2, size: end };
}
function fullLength(section, limit) {
  const total = rowCount(section);
  const bare = renderSection(section, 0).length - (total > 0 ? 2 + moreRowsLine(total).length : 0);
  const { shown: shown2, size } = fitRows(section, bare, limit);
  return shown2 === total && size <= limit ? size : limit + 1;
}
function renderSection(section, shownRows = rowCount(section)) {
  const heading = section.table ? `${section.title} (${rowCount(section).toLocaleString("en-US")})` : section.title;
  const lines = section.folded ? ["<details>", `<summary>${heading}</summary>`, ""] : [`### ${heading}`, ""];
  if (section.lead) lines.push(section.lead, "");
  if (section.table) {
    lines.push(renderRow(section.table.header), renderRow(section.table.header.map(() => "---")));
    for (let index = 0; index < shownRows; index++) lines.push(section.table.rows.at(index));
    const hidden = rowCount(section) - shownRows;
    if (hidden > 0) lines.push("", moreRowsLine(hidden));
  }
  if (section.block) lines.push(section.block);
  if (section.folded) lines.push("", "</details>");
  return lines.join("\n");
}
var SECTION_SEPARATOR = "\n\n";
function fitSections(sections, budget) {
  const parts = [];
  const cut = { sections: [] };
  let used = 0;
  for (const section of sections) {
    if (cut.rows || cut.sections.length > 0) {
      cut.sections.push(section.title);
      continue;
    }
    const room = budget - used - SECTION_SEPARATOR.length;
    const full = fullLength(section, room);
    if (full <= room) {
      parts.push(renderSection(section));
      used += SECTION_SEPARATOR.length + full;
      continue;
    }
    const total = rowCount(section);
    const { shown: shown2, size } = fitRows(
      section,
      used + SECTION_SEPARATOR.length + renderSection(section, 0).length + moreRowsLine(total).length,
      budget
    );
    if (shown2 > 0) {
      parts.push(renderSection(section, shown2));
      used = size;
      cut.rows = { section: section.title, hidden: total - shown2, total };
    } else {
      cut.sections.push(section.title);
    }
  }
  return { parts, cut };
}
function hiddenMarker(marker) {
  if (/^<!--(?:(?!--)[^\n\r<>])*-->$/.test(marker)) return marker;
  const content = cleanText(marker).replace(/^<!--|-->$/g, "").replace(/--|[<>]/g, "").trim();
  return `<!-- ${content} -->`;
}
function linkTarget(url) {
  if (!url || url.length > MAX_URL_LENGTH || !URL.canParse(url)) return void 0;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  return parsed.href.replace(
    /[()<>"' ]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function truncationNote(cut, detailsUrl) {
  const target2 = linkTarget(detailsUrl);
  const where = target2 ? `The [full report](${target2}) is in the job summary, and everything is in the JSON report artifact.` : "Everything is in the job summary and in the JSON report artifact.";
  const quoted = (title) => `\u201C${title}\u201D`;
  const missing = [
    ...cut.rows ? [
      `${cut.rows.hidden.toLocaleString("en-US")} of ${cut.rows.total.toLocaleString("en-US")} rows of ${quoted(cut.rows.section)}`
    ] : [],
    ...cut.sections.length > 0 ? [`the section${cut.sections.length > 1 ? "s" : ""} ${cut.sections.map(quoted).join(", ")}`] : []
  ];
  return `---

:scissors: **Shortened to fit the size limit.** Not shown: ${missing.join(" and ")}. ${where}`;
}
function assemble(headline, sections, options) {
  const title = `## ${escapeMarkdown(options.title ?? DEFAULT_TITLE, 200)}`;
  const head = [...options.marker ? [hiddenMarker(options.marker)] : [], title, headline].join(
    SECTION_SEPARATOR
  );
  const maxLength = Math.max(options.maxLength ?? DEFAULT_MAX_LENGTH, MIN_MAX_LENGTH);
  let room = maxLength - 1 - head.length;
  for (const section of sections) room -= SECTION_SEPARATOR.length + fullLength(section, room);
  if (room >= 0)
    return `${[head, ...sections.map((section) => renderSection(section))].join(SECTION_SEPARATOR)}
`;
  const budget = maxLength - head.length - TRUNCATION_NOTE_ROOM;
  const { parts, cut } = fitSections(sections, budget);
  return `${[head, ...parts, truncationNote(cut, options.detailsUrl)].join(SECTION_SEPARATOR)}
`;
}
var cell = (text) => escapeMarkdown(text) || "\u2014";
var peerCell = (peer3) => escapeMarkdown(peerLabel(peer3), PEER_LENGTH);
var severityCell = (severity) => `${SEVERITY_ICON[severity] ?? ""} ${escapeMarkdown(severity, 20)}`.trim();
var locationCell = (file, line) => codeSpan(formatLocation(file, line), 200) || "\u2014";
function findingsTable(findings, withReason = false) {
  const header = ["Severity", "Rule", "Location", "Message", ...withReason ? ["Reason"] : []];
  return {
    header,
    rows: rowsOf(findings, (finding) => [
      severityCell(finding.severity),
      codeSpan(finding.rule) || "\u2014",
      locationCell(finding.file, finding.line),
      cell(finding.message),
      ...withReason ? [cell(finding.suppressed?.reason ?? "")] : []
    ])
  };
}
function diagnosticsTable(diagnostics) {
  return {
    header: ["Severity", "Code", "Location", "Message"],
    rows: rowsOf(diagnostics, (diagnostic) => [
      severityCell(diagnostic.severity),
      codeSpan(diagnostic.code) || "\u2014",
      locationCell(diagnostic.file, diagnostic.line),
      cell(diagnostic.message)
    ])
  };
}
function pathsTable(changes, last) {
  const starts = pathRowStarts(changes);
  return {
    header: ["From", "To", "Ports", ...last ? [last.title] : []],
    rows: rowsOf(starts, (_, index) => {
      const row = pathRowAt(changes, starts, index);
      return [peerCell(row.from), peerCell(row.to), cell(row.ports), ...last ? [last.value(row)] : []];
    })
  };
}
function flowCells(flow) {
  return [
    peerCell(flow.from),
    peerCell(flow.to),
    cell(`${flow.protocol}/${flow.port}`),
    escapeMarkdown(flow.count.toLocaleString("en-US")),
    cell(flow.lastSeen ?? "")
  ];
}
var FLOW_HEADER = ["From", "To", "Port", "Seen", "Last seen"];
var MAX_FIXES_SHOWN = 10;
var MAX_BLOCKING_SHOWN = 3;
function codeBlock(info, text) {
  const lines = text.split("\n").map((line) => cleanText(line));
  const longestRun = Math.max(
    2,
    ...lines.flatMap((line) => Array.from(line.matchAll(/`+/g), (run) => run[0].length))
  );
  const fence = "`".repeat(longestRun + 1);
  return [`${fence}${info}`, ...lines, fence].join("\n");
}
function patchBlock(patch) {
  const where = `${codeSpan(`spec.${patch.direction}`)} of ${codeSpan(patch.policy, 200)} in ${codeSpan(patch.file, 200)}`;
  if (patch.inChangedFile) {
    const lines = patch.line === patch.endLine ? `line ${patch.line}` : `lines ${patch.line}-${patch.endLine}`;
    return `Add to ${where} (${lines} become):

${codeBlock("suggestion", patch.replacement)}`;
  }
  return `Add this rule to ${where}:

${codeBlock("yaml", patch.yaml)}`;
}
function fixesBlock(result) {
  const items = fixItems(result);
  if (items.length === 0) return void 0;
  const shown2 = items.slice(0, MAX_FIXES_SHOWN).map(
    ({ subject, fix }) => [
      `**${escapeMarkdown(subject, 300)}**`,
      patchBlock(fix),
      ...fix.alsoNeeded ? [patchBlock(fix.alsoNeeded)] : []
    ].join("\n\n")
  );
  const hidden = items.length - shown2.length;
  return [
    ...shown2,
    ...hidden > 0 ? [
      `_\u2026and ${plural(hidden, "more fix", "more fixes")} in the JSON report (\`netpol-guard fix\` applies them all)._`
    ] : []
  ].join("\n\n");
}
function readinessTable(flows) {
  return {
    header: ["Namespace", "Explicitly allowed", "Default deny", "Held back by"],
    rows: rowsOf(flows?.readiness ?? [], (namespace) => {
      const blocking = namespace.blocking.slice(0, MAX_BLOCKING_SHOWN).map((flow) => describeBlocking(flow));
      const more = namespace.blocking.length - blocking.length;
      return [
        codeSpan(namespace.namespace, 200) || "\u2014",
        cell(`${namespace.covered.toLocaleString("en-US")} of ${plural(namespace.observed, "connection")}`),
        namespace.ready ? ":white_check_mark: would cut no observed traffic" : ":hourglass: would cut traffic",
        cell([...blocking, ...more > 0 ? [`and ${more.toLocaleString("en-US")} more`] : []].join("; "))
      ];
    })
  };
}
function unusedRulesTable(flows) {
  return {
    header: ["Location", "Rule"],
    rows: rowsOf(flows?.unusedRules ?? [], (rule2) => [
      locationCell(rule2.file, rule2.line),
      cell(describeRule(rule2))
    ])
  };
}
function nonEmpty(sections) {
  return sections.filter(
    (section) => !!section && (!section.table || rowCount(section) > 0)
  );
}
function flowsLine(flows) {
  const window = flows.window ? ` seen ${cell(flows.window.firstSeen)} to ${cell(flows.window.lastSeen)}` : "";
  const counts = [
    [flows.stillDenied, "still denied"],
    [flows.otherDrops, "dropped for reasons other than policy"],
    [flows.deniedAtBase, "denied at base too (the recording and the base manifests disagree)"],
    [flows.skipped, "unreadable records skipped"]
  ];
  const notes = counts.filter(([count3]) => count3 > 0).map(([count3, what]) => `${count3.toLocaleString("en-US")} ${what}`);
  return `Replayed ${plural(flows.records, "flow record")}${window}${notes.length > 0 ? `: ${notes.join(", ")}` : ""}.`;
}
function checkHeadline(result) {
  const { introduced, existing } = groupFindings(result.findings);
  const findings = introduced.length + existing.length;
  const facts = [
    ...result.verdict === "pass" && result.summary.brokenFlows > 0 ? [`${plural(result.summary.brokenFlows, "live flow")} would break`] : [],
    `${plural(result.summary.opened, "path")} opened`,
    `${result.summary.closed.toLocaleString("en-US")} closed`,
    `${plural(findings, "finding")}${findings > 0 ? ` (${introduced.length.toLocaleString("en-US")} new)` : ""}`
  ].join(", ");
  if (result.verdict === "pass") return `:white_check_mark: **Pass**: ${facts}`;
  const reasons = result.reasons.slice(0, MAX_REASONS).map((reason) => escapeMarkdown(reason, 200));
  const more = result.reasons.length - reasons.length;
  if (more > 0) reasons.push(`${more.toLocaleString("en-US")} more`);
  return `:x: **${reasons.join(", ") || "Fail"}**, ${facts}`;
}
function renderMarkdown(result, options = {}) {
  const { diff, flows } = result;
  const findings = groupFindings(result.findings);
  const graph = renderNamespaceGraph(diff);
  const fixes = fixesBlock(result);
  const window = flows ? escapeMarkdown(describeWindow(flows), 200) : "";
  const sections = nonEmpty([
    {
      title: "Live flows that would break",
      folded: false,
      lead: "Traffic recorded on the cluster that base allows and this change denies.",
      table: {
        header: [...FLOW_HEADER, "Why"],
        rows: rowsOf(flows?.broken ?? [], (flow) => [...flowCells(flow), cell(flow.explanation ?? "")])
      }
    },
    fixes ? {
      title: "Suggested fixes",
      folded: false,
      lead: "The narrowest rules that restore the traffic, each verified against head (see docs/fixes.md).",
      block: fixes
    } : void 0,
    {
      title: "Opened paths",
      folded: false,
      table: pathsTable(diff.opened, {
        title: "Risk",
        value: (change) => change.risk?.length ? `:warning: ${escapeMarkdown(describeRisks(change.risk))}` : "\u2014"
      })
    },
    {
      title: "Closed paths",
      folded: false,
      table: pathsTable(diff.closed, { title: "Why", value: (change) => cell(change.explanation ?? "") })
    },
    graph ? { title: "Changed paths between namespaces", folded: false, block: graph } : void 0,
    {
      title: "Workloads added or removed",
      folded: false,
      table: {
        header: ["Change", "Workload"],
        rows: rowsOf(
          [
            ...diff.workloadsAdded.map((peer3) => ["added", peer3]),
            ...diff.workloadsRemoved.map((peer3) => ["removed", peer3])
          ],
          ([change, peer3]) => [change, peerCell(peer3)]
        )
      }
    },
    { title: "Findings introduced by this PR", folded: false, table: findingsTable(findings.introduced) },
    { title: "Pre-existing findings", folded: true, table: findingsTable(findings.existing) },
    { title: "Suppressed findings", folded: true, table: findingsTable(findings.suppressed, true) },
    { title: "New connections of added workloads", folded: true, table: pathsTable(diff.newConnections) },
    { title: "Gone connections of removed workloads", folded: true, table: pathsTable(diff.goneConnections) },
    {
      title: "Newly allowed flows",
      folded: true,
      lead: "Traffic that was denied when recorded and that this change allows.",
      table: { header: FLOW_HEADER, rows: rowsOf(flows?.newlyAllowed ?? [], flowCells) }
    },
    {
      title: "Unmatched flow endpoints",
      folded: true,
      lead: "Flows with an endpoint that matches nothing in the manifests; they were not replayed.",
      table: {
        header: [...FLOW_HEADER, "Reason"],
        rows: rowsOf(flows?.unmatched ?? [], (flow) => [...flowCells(flow), cell(flow.reason)])
      }
    },
    {
      title: "Samples of skipped flow records",
      folded: true,
      table: {
        header: ["Location", "Reason"],
        rows: rowsOf(flows?.skippedSamples ?? [], (sample) => [
          locationCell(sample.file, sample.line),
          cell(sample.reason)
        ])
      }
    },
    {
      title: "Default-deny readiness",
      folded: true,
      lead: `From ${window}. A connection counts when a rule names it on each end in the namespace; a recording can miss rare traffic (CronJobs, failover paths): see docs/fixes.md.`,
      table: readinessTable(flows)
    },
    {
      title: "Allow rules no recorded flow used",
      folded: true,
      lead: `Candidates to narrow, from ${window}; rare traffic may still need them.`,
      table: unusedRulesTable(flows)
    },
    { title: "Diagnostics", folded: true, table: diagnosticsTable(result.diagnostics) }
  ]);
  const headline = [checkHeadline(result), ...flows ? [flowsLine(flows)] : []].join(SECTION_SEPARATOR);
  return assemble(headline, sections, options);
}
function lintHeadline(result) {
  const counts = countBySeverity(result.findings);
  const { suppressed } = groupFindings(result.findings);
  const active = result.findings.length - suppressed.length;
  const icon = counts.error > 0 ? ":x:" : counts.warning > 0 ? ":warning:" : ":white_check_mark:";
  const silenced = suppressed.length > 0 ? `, ${suppressed.length.toLocaleString("en-US")} suppressed` : "";
  return `${icon} **${plural(active, "finding")}**: ${describeSeverityCounts(counts)}${silenced}`;
}
function renderLintMarkdown(result, options = {}) {
  const findings = groupFindings(result.findings);
  const sections = nonEmpty([
    {
      title: "Findings",
      folded: false,
      table: findingsTable([...findings.introduced, ...findings.existing])
    },
    { title: "Suppressed findings", folded: true, table: findingsTable(findings.suppressed, true) },
    { title: "Diagnostics", folded: true, table: diagnosticsTable(result.diagnostics) }
  ]);
  return assemble(lintHeadline(result), sections, options);
}

// src/report/sarif.ts
import { createHash } from "node:crypto";
var SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var INFORMATION_URI = "https://www.npmjs.com/package/netpol-guard";
var SOURCE_ROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "netpolGuardFindingHash/v1";
var MAX_MESSAGE_LENGTH = 2e3;
var LEVEL = { error: "error", warning: "warning", info: "note" };
var CHECK_RULE_DOCS = [
  {
    id: "broken-flow",
    severity: "error",
    description: "A flow recorded on the live cluster would be denied after this change.",
    rationale: "The flow passed when it was recorded and the base manifests allow it; the head manifests deny it, so merging cuts traffic that production depends on.",
    remediation: "Allow the flow in the policy named in the message (egress at the source, ingress at the destination), or, when the flow is meant to stop, say so in the pull request."
  },
  {
    id: "opened-path",
    severity: "warning",
    description: "This change opens a risky network path.",
    rationale: "A path that crosses namespaces, is reachable from any namespace, reaches the internet or the cloud metadata endpoint widens what a compromised pod can reach.",
    remediation: "Narrow the rule that opens it: name the namespace and the pods with selectors, list the ports, and avoid ipBlocks that cover the internet or the metadata endpoint."
  }
];
function sarifFixes(fix) {
  if (!fix) return {};
  const patches = fix.alsoNeeded ? [fix, fix.alsoNeeded] : [fix];
  const changes = /* @__PURE__ */ new Map();
  for (const patch of patches) {
    const uri = artifactUri(patch.file);
    const change = changes.get(uri) ?? {
      artifactLocation: { uri, uriBaseId: SOURCE_ROOT },
      replacements: []
    };
    change.replacements.push({
      deletedRegion: { startLine: positive(patch.line), endLine: positive(patch.endLine) },
      insertedContent: { text: patch.replacement }
    });
    changes.set(uri, change);
  }
  const description = patches.map((patch) => `add a rule to spec.${patch.direction} of ${patch.policy}`);
  return {
    fixes: [
      {
        description: { text: messageText(`${description.join(" and ")}.`) },
        artifactChanges: [...changes.values()]
      }
    ]
  };
}
function messageText(text) {
  const bounded = neutraliseAutolinks(truncate(cleanText(text), MAX_MESSAGE_LENGTH));
  const pieces = Array.from(
    bounded,
    (character) => character === "[" || character === "]" || character === "\\" ? `\\${character}` : character
  );
  const escaped = pieces.join("");
  if (escaped.length <= MAX_MESSAGE_LENGTH) return escaped;
  let length = 1;
  let kept = 0;
  while (kept < pieces.length && length + (pieces[kept]?.length ?? 0) <= MAX_MESSAGE_LENGTH) {
    length += pieces[kept]?.length ?? 0;
    kept++;
  }
  return `${pieces.slice(0, kept).join("")}\u2026`;
}
function artifactUri(file) {
  return file.replace(/\\/g, "/").replace(/^(\.\/)+/, "").split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function positive(value) {
  return Number.isInteger(value) && value >= 1 ? value : 1;
}
function sarifLocation(location) {
  if (!location?.file) return void 0;
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(location.file), uriBaseId: SOURCE_ROOT },
      region: { startLine: positive(location.line), startColumn: positive(location.column) }
    }
  };
}
function fingerprint(parts) {
  const hash = createHash("sha256").update(parts.map((part) => String(part ?? "")).join("\0")).digest("hex");
  return { [FINGERPRINT_KEY]: hash.slice(0, 32) };
}
var RuleTable = class {
  docs = [];
  indexes = /* @__PURE__ */ new Map();
  add(doc) {
    if (this.indexes.has(doc.id)) return;
    this.indexes.set(doc.id, this.docs.length);
    this.docs.push(doc);
  }
  /** The index of a rule; a finding of a rule nobody documented still gets a descriptor, so every index resolves. */
  indexOf(id, severity) {
    this.add({
      id,
      severity,
      description: `netpol-guard rule ${id}.`,
      rationale: "This rule has no documentation.",
      remediation: "See the message of the result."
    });
    return this.indexes.get(id) ?? 0;
  }
};
function ruleDescriptor(doc) {
  return {
    id: doc.id,
    shortDescription: { text: doc.description },
    fullDescription: { text: `${doc.description} ${doc.rationale}` },
    ...doc.helpUri ? { helpUri: doc.helpUri } : {},
    help: {
      text: `${doc.rationale}

How to fix: ${doc.remediation}`,
      markdown: `**Why it matters:** ${doc.rationale}

**How to fix:** ${doc.remediation}`
    },
    defaultConfiguration: { level: LEVEL[doc.severity] ?? "warning" }
  };
}
function findingResult(finding, rules2) {
  const location = sarifLocation(finding);
  const related = (finding.related ?? []).flatMap((item, index) => {
    const relatedLocation = sarifLocation(item);
    return relatedLocation ? [{ id: index + 1, ...relatedLocation, message: { text: messageText(item.message) } }] : [];
  });
  const { kind, namespace, name } = finding.resource;
  return {
    ruleId: finding.rule,
    ruleIndex: rules2.indexOf(finding.rule, finding.severity),
    level: LEVEL[finding.severity] ?? "warning",
    message: { text: messageText(finding.message) },
    ...location ? { locations: [location] } : {},
    ...related.length > 0 ? { relatedLocations: related } : {},
    partialFingerprints: fingerprint([finding.rule, kind, namespace, name, finding.message]),
    ...finding.suppressed ? {
      suppressions: [
        {
          kind: "inSource",
          ...finding.suppressed.reason ? { justification: messageText(finding.suppressed.reason) } : {}
        }
      ]
    } : {},
    ...sarifFixes(finding.fix)
  };
}
function brokenFlowResult(flow, rules2) {
  const from = peerLabel(flow.from);
  const to = peerLabel(flow.to);
  const seen = `seen ${plural(flow.count, "time")}${flow.lastSeen ? `, last at ${flow.lastSeen}` : ""}`;
  const location = sarifLocation(flow.location);
  return {
    ruleId: "broken-flow",
    ruleIndex: rules2.indexOf("broken-flow", "error"),
    level: "error",
    message: {
      text: messageText(
        `Live flow ${from} -> ${to} ${flow.protocol}/${flow.port} (${seen}) would be denied` + (flow.explanation ? `: ${flow.explanation}` : ".")
      )
    },
    ...location ? { locations: [location] } : {},
    partialFingerprints: fingerprint(["broken-flow", from, to, flow.protocol, flow.port]),
    ...sarifFixes(flow.fix)
  };
}
function openedPathResult(change, rules2) {
  const from = peerLabel(change.from);
  const to = peerLabel(change.to);
  const ports = formatPorts(change.protocol, change.ports);
  const location = sarifLocation(change.location);
  return {
    ruleId: "opened-path",
    ruleIndex: rules2.indexOf("opened-path", "warning"),
    level: "warning",
    message: {
      text: messageText(`This change opens ${from} -> ${to} ${ports}: ${describeRisks(change.risk)}.`)
    },
    ...location ? { locations: [location] } : {},
    partialFingerprints: fingerprint(["opened-path", from, to, ports])
  };
}
function notification(diagnostic) {
  const location = sarifLocation(diagnostic);
  return {
    level: LEVEL[diagnostic.severity] ?? "warning",
    message: { text: messageText(diagnostic.message) },
    descriptor: { id: diagnostic.code },
    ...location ? { locations: [location] } : {}
  };
}
function skippedFlowNotifications(flows) {
  return (flows?.skippedSamples ?? []).map(
    (sample) => notification({
      severity: "warning",
      code: "flow-record-skipped",
      message: `flow record skipped: ${sample.reason}`,
      file: sample.file,
      line: sample.line
    })
  );
}
function isCheckResult(result) {
  return "verdict" in result && "diff" in result;
}
function renderSarif(result, rules2, options = {}) {
  const table = new RuleTable();
  for (const doc of rules2) table.add(doc);
  const check = isCheckResult(result);
  if (check) for (const doc of CHECK_RULE_DOCS) table.add(doc);
  const results = result.findings.map((finding) => findingResult(finding, table));
  if (check) {
    for (const flow of result.flows?.broken ?? []) results.push(brokenFlowResult(flow, table));
    for (const change of result.diff.opened)
      if (change.risk?.length) results.push(openedPathResult(change, table));
  }
  const uriBase = options.uriBase ? options.uriBase.endsWith("/") ? options.uriBase : `${options.uriBase}/` : void 0;
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "netpol-guard",
            ...options.toolVersion ? { version: options.toolVersion } : {},
            informationUri: INFORMATION_URI,
            rules: table.docs.map(ruleDescriptor)
          }
        },
        ...uriBase ? { originalUriBaseIds: { [SOURCE_ROOT]: { uri: uriBase } } } : {},
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.diagnostics.map(notification),
              ...check ? skippedFlowNotifications(result.flows) : []
            ]
          }
        ],
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/report/text.ts
var MAX_FIELD_LENGTH = 1e3;
var ANSI = {
  red: "\x1B[31m",
  yellow: "\x1B[33m",
  green: "\x1B[32m",
  cyan: "\x1B[36m",
  dim: "\x1B[2m",
  bold: "\x1B[1m"
};
var RESET = "\x1B[0m";
var SEVERITY_STYLE = { error: "red", warning: "yellow", info: "cyan" };
var TextWriter = class {
  constructor(color) {
    this.color = color;
  }
  color;
  lines = [];
  style(text, style) {
    return this.color ? `${ANSI[style]}${text}${RESET}` : text;
  }
  plain(text) {
    return truncate(cleanText(text), MAX_FIELD_LENGTH);
  }
  line(text = "") {
    this.lines.push(text);
  }
  /** A titled block of items (one or more lines each), left out when empty: the terminal shows what happened. */
  section(title, items) {
    if (items.length === 0) return;
    this.line();
    this.line(this.style(`${title} (${items.length.toLocaleString("en-US")}):`, "bold"));
    for (const line of items.flat()) this.line(`  ${line}`);
  }
  /** Rows of aligned columns (`file:line:col  severity  rule  message`); the last column is not padded. */
  columns(rows) {
    const widths = [];
    for (const { cells } of rows)
      cells.forEach((cell2, i) => widths[i] = Math.max(widths[i] ?? 0, cell2.length));
    return rows.map(
      ({ cells, styles }) => cells.map((cell2, i) => {
        const padded = i < cells.length - 1 ? cell2.padEnd(widths[i] ?? 0) : cell2;
        const style = styles[i];
        return style ? this.style(padded, style) : padded;
      }).join("  ").trimEnd()
    );
  }
  toString() {
    return `${this.lines.join("\n")}
`;
  }
};
function peer2(writer, value) {
  return writer.plain(peerLabel(value));
}
function flowLine(writer, flow) {
  const seen = `seen ${plural(flow.count, "time")}${flow.lastSeen ? `, last ${writer.plain(flow.lastSeen)}` : ""}`;
  return `${peer2(writer, flow.from)} -> ${peer2(writer, flow.to)}  ${writer.plain(`${flow.protocol}/${flow.port}`)}  ${writer.style(seen, "dim")}`;
}
function pathLine(writer, row, sign) {
  const ports = writer.plain(row.ports);
  const risks = describeRisks(row.risk);
  const signed = sign === "+" ? writer.style("+", "green") : sign === "-" ? writer.style("-", "red") : "";
  return [
    `${signed}${signed ? " " : ""}${peer2(writer, row.from)} -> ${peer2(writer, row.to)}  ${ports}`,
    risks ? `  ${writer.style(`risk: ${writer.plain(risks)}`, "yellow")}` : ""
  ].join("");
}
function withWhy(writer, line, explanation) {
  return explanation ? [line, `    ${writer.style("why:", "dim")} ${writer.plain(explanation)}`] : [line];
}
function findingLines(writer, findings) {
  return writer.columns(
    findings.map((finding) => {
      const notes = [finding.introduced ? "new" : "", finding.suppressed ? suppressedNote(finding) : ""].filter(Boolean).join(", ");
      return {
        cells: [
          writer.plain(formatLocation(finding.file, finding.line, finding.column)),
          writer.plain(finding.severity),
          writer.plain(finding.rule),
          `${writer.plain(finding.message)}${notes ? ` (${writer.plain(notes)})` : ""}`
        ],
        styles: ["dim", finding.suppressed ? "dim" : SEVERITY_STYLE[finding.severity], "dim", void 0]
      };
    })
  );
}
function suppressedNote(finding) {
  return finding.suppressed?.reason ? `suppressed: ${finding.suppressed.reason}` : "suppressed";
}
function diagnosticLines(writer, diagnostics) {
  return writer.columns(
    diagnostics.map((diagnostic) => ({
      cells: [
        writer.plain(formatLocation(diagnostic.file, diagnostic.line, diagnostic.column) || "-"),
        writer.plain(diagnostic.severity),
        writer.plain(diagnostic.code),
        writer.plain(diagnostic.message)
      ],
      styles: ["dim", SEVERITY_STYLE[diagnostic.severity], "dim", void 0]
    }))
  );
}
var MAX_BLOCKING_SHOWN2 = 5;
function patchLines(writer, patch) {
  return [
    `  ${writer.plain(describePatch(patch))}:`,
    ...patch.yaml.split("\n").map((line) => `    ${writer.plain(line)}`)
  ];
}
function fixLines(writer, result) {
  return fixItems(result).map(({ subject, fix }) => [
    writer.style(writer.plain(subject), "bold"),
    ...patchLines(writer, fix),
    ...fix.alsoNeeded ? patchLines(writer, fix.alsoNeeded) : []
  ]);
}
function orderedFindings(findings) {
  const groups = groupFindings(findings);
  return [...groups.introduced, ...groups.existing, ...groups.suppressed];
}
function renderText(result, options) {
  const writer = new TextWriter(options.color);
  const failed = result.verdict === "fail";
  const verdict = failed ? writer.style("FAIL", "red") : writer.style("PASS", "green");
  const reasons = result.reasons.map((reason) => writer.plain(reason)).join("; ");
  writer.line(`netpol-guard check: ${writer.style(verdict, "bold")}${reasons ? ` - ${reasons}` : ""}`);
  const { diff, flows } = result;
  writer.section(
    "Broken flows",
    (flows?.broken ?? []).map((flow) => withWhy(writer, flowLine(writer, flow), flow.explanation))
  );
  writer.section("Suggested fixes, verified against head", fixLines(writer, result));
  writer.section(
    "Opened paths",
    pathRows(diff.opened).map((row) => pathLine(writer, row, "+"))
  );
  writer.section(
    "Closed paths",
    pathRows(diff.closed).map((row) => withWhy(writer, pathLine(writer, row, "-"), row.explanation))
  );
  writer.section(
    "Workloads added",
    diff.workloadsAdded.map((added) => peer2(writer, added))
  );
  writer.section(
    "Workloads removed",
    diff.workloadsRemoved.map((removed) => peer2(writer, removed))
  );
  writer.section(
    "New connections of added workloads",
    pathRows(diff.newConnections).map((row) => pathLine(writer, row, ""))
  );
  writer.section(
    "Gone connections of removed workloads",
    pathRows(diff.goneConnections).map((row) => pathLine(writer, row, ""))
  );
  writer.section(
    "Newly allowed flows",
    (flows?.newlyAllowed ?? []).map((flow) => flowLine(writer, flow))
  );
  writer.section(
    "Unmatched flow endpoints",
    (flows?.unmatched ?? []).map((flow) => `${flowLine(writer, flow)}  ${writer.plain(flow.reason)}`)
  );
  writer.section("Findings", findingLines(writer, orderedFindings(result.findings)));
  if (flows) {
    const window = writer.plain(describeWindow(flows));
    writer.section(
      `Default-deny readiness, ${window}`,
      (flows.readiness ?? []).map((namespace) => [
        `${writer.plain(namespace.namespace)}: ${writer.plain(describeReadiness(namespace))}`,
        ...namespace.blocking.slice(0, MAX_BLOCKING_SHOWN2).map((flow) => `    ${writer.plain(describeBlocking(flow))}`),
        ...namespace.blocking.length > MAX_BLOCKING_SHOWN2 ? [`    ${writer.style(`and ${namespace.blocking.length - MAX_BLOCKING_SHOWN2} more`, "dim")}`] : []
      ])
    );
    writer.section(
      `Allow rules no recorded flow used (candidates to narrow), ${window}`,
      writer.columns(
        (flows.unusedRules ?? []).map((rule2) => ({
          cells: [writer.plain(formatLocation(rule2.file, rule2.line)), writer.plain(describeRule(rule2))],
          styles: ["dim", void 0]
        }))
      )
    );
  }
  writer.section("Diagnostics", diagnosticLines(writer, result.diagnostics));
  writer.section(
    "Skipped flow records (samples)",
    (flows?.skippedSamples ?? []).map(
      (sample) => `${writer.plain(formatLocation(sample.file, sample.line) || "-")}  ${writer.plain(sample.reason)}`
    )
  );
  writer.line();
  if (flows) {
    writer.line(
      writer.style(
        `Flows: ${plural(flows.records, "record")} replayed, ${plural(flows.skipped, "record")} skipped, ${flows.stillDenied.toLocaleString("en-US")} still denied, ${flows.otherDrops.toLocaleString("en-US")} dropped for other reasons, ${flows.deniedAtBase.toLocaleString("en-US")} denied at base too`,
        "dim"
      )
    );
  }
  const { summary } = result;
  const newFindings = groupFindings(result.findings).introduced.length;
  writer.line(
    `${plural(summary.brokenFlows, "broken flow")}, ${plural(summary.opened, "path")} opened, ${summary.closed.toLocaleString("en-US")} closed, ${describeSeverityCounts({ error: summary.errors, warning: summary.warnings, info: summary.infos })} (${newFindings.toLocaleString("en-US")} new)`
  );
  return writer.toString();
}
function renderLintText(result, options) {
  const writer = new TextWriter(options.color);
  const findings = orderedFindings(result.findings);
  const lines = findingLines(writer, findings);
  for (const line of lines) writer.line(line);
  if (result.diagnostics.length > 0) {
    writer.section("Diagnostics", diagnosticLines(writer, result.diagnostics));
    writer.line();
  } else if (lines.length > 0) {
    writer.line();
  }
  const suppressed = groupFindings(result.findings).suppressed.length;
  const active = result.findings.length - suppressed;
  writer.line(
    `${plural(active, "finding")}: ${describeSeverityCounts(countBySeverity(result.findings))}` + (suppressed > 0 ? `, ${suppressed.toLocaleString("en-US")} suppressed` : "")
  );
  return writer.toString();
}

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/cli/io.ts
var EXIT = {
  ok: 0,
  /** `check`/`lint`: the verdict failed; `reach`/`explain`: input errors left nothing to analyse. */
  failed: 1,
  usage: 2
};
var UsageError = class extends Error {
};

// src/cli/args.ts
function parseCommandArgs(argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
}
function oneOf(name, value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
}
function required(name, value) {
  if (value === void 0 || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

// src/version.ts
var VERSION = "0.1.0";

// src/check/sarif.ts
function sarifReport(result, options = {}) {
  return renderSarif(
    result,
    rules.map((r) => r.meta),
    { toolVersion: VERSION, ...options }
  );
}

// src/cli/commands/common.ts
import { writeFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";
async function loadPaths(paths, configFile, io) {
  if (paths.length === 0) throw new UsageError("give at least one file or folder of manifests");
  const { config, diagnostics } = loadConfig(configFile, io.cwd);
  const side = await analyseSide({ root: io.cwd, paths: paths.map((p) => resolve2(io.cwd, p)) }, config);
  return { side, config, diagnostics: [...diagnostics, ...side.diagnostics] };
}
function emit(io, text, output) {
  if (output) writeFileSync(resolve2(io.cwd, output), text);
  else io.stdout(text);
}
function formatDiagnostics(diagnostics) {
  return diagnostics.map((d) => `${d.file ? `${d.file}${d.line ? `:${d.line}` : ""}: ` : ""}${d.severity}: ${d.message}
`).join("");
}

// src/cli/commands/check.ts
async function checkCommand(argv, io) {
  const { values } = parseCommandArgs(argv, {
    base: { type: "string" },
    "base-ref": { type: "string" },
    head: { type: "string" },
    flows: { type: "string", multiple: true },
    "flows-format": { type: "string" },
    config: { type: "string" },
    "fail-on": { type: "string" },
    format: { type: "string" },
    output: { type: "string" }
  });
  const format = oneOf("format", values.format, ["text", "json", "markdown", "sarif"], "text");
  const failOn = values["fail-on"] === void 0 ? void 0 : oneOf("fail-on", values["fail-on"], ["error", "warning", "never"], "error");
  const flowsFormat = oneOf(
    "flows-format",
    values["flows-format"],
    ["auto", "hubble", "calico", "native"],
    "auto"
  );
  if (values.base === void 0 === (values["base-ref"] === void 0)) {
    throw new UsageError("give the base as --base DIR or as --base-ref REF (one of them)");
  }
  const side = (dir) => ({ root: dir, paths: [dir] });
  const head = resolve3(
    io.cwd,
    values["base-ref"] === void 0 ? required("head", values.head) : values.head ?? "."
  );
  const base = values.base === void 0 ? await checkoutBase(head, values["base-ref"]) : void 0;
  const result = await runCheck({
    base: side(base?.dir ?? resolve3(io.cwd, values.base)),
    head: side(head),
    flows: (values.flows ?? []).map((f) => resolve3(io.cwd, f)),
    flowsFormat,
    ...values.config ? { configFile: resolve3(io.cwd, values.config) } : {},
    ...failOn ? { failOn } : {}
  }).finally(() => base?.remove());
  const render = {
    text: () => renderText(result, { color: io.color && !values.output }),
    json: () => renderJson(result),
    markdown: () => renderMarkdown(result),
    sarif: () => sarifReport(result)
  }[format];
  emit(io, render(), values.output);
  return result.verdict === "fail" ? EXIT.failed : EXIT.ok;
}
async function checkoutBase(head, ref) {
  const tree = await checkoutBaseTree(head, await resolveBaseCommit(head, ref), tmpdir());
  return { dir: join(tree.dir, await repositoryPrefix(head)), remove: () => tree.remove() };
}

// src/cli/commands/explain.ts
import { isIP as isIP3 } from "node:net";
async function explainCommand(argv, io) {
  const { values, positionals } = parseCommandArgs(argv, {
    from: { type: "string" },
    to: { type: "string" },
    port: { type: "string" },
    format: { type: "string" },
    config: { type: "string" },
    output: { type: "string" }
  });
  const format = oneOf("format", values.format, ["text", "json"], "text");
  const { protocol, port: port2 } = parsePort(required("port", values.port));
  const fromArg = required("from", values.from);
  const toArg = required("to", values.to);
  const { side, diagnostics } = await loadPaths(positionals, values.config, io);
  if (nothingToAnalyse(side)) {
    io.stderr(formatDiagnostics(diagnostics));
    return EXIT.failed;
  }
  const from = resolveEndpoint("from", fromArg, side.model.workloads);
  const to = resolveEndpoint("to", toArg, side.model.workloads);
  const explanation = side.engine.explain(from, to, protocol, port2);
  if (format === "json") emit(io, `${JSON.stringify(explanation, null, 2)}
`, values.output);
  else emit(io, explainText(explanation, fromArg, toArg), values.output);
  return EXIT.ok;
}
function parsePort(text) {
  const match2 = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(text);
  const port2 = Number(match2?.[1]);
  if (!match2 || port2 < 1 || port2 > 65535)
    throw new UsageError(`--port must be N or N/TCP|UDP|SCTP with N in 1-65535 (got "${text}")`);
  return { protocol: match2[2]?.toUpperCase() ?? "TCP", port: port2 };
}
function resolveEndpoint(option, text, workloads) {
  if (isIP3(text)) return { ip: text };
  const parts = text.split("/");
  const [namespace, kindOrName, name] = parts;
  const candidates = workloads.filter(
    (w) => parts.length === 3 ? w.namespace === namespace && w.kind.toLowerCase() === kindOrName?.toLowerCase() && w.name === name : parts.length === 2 && w.namespace === namespace && w.name === kindOrName
  );
  if (candidates.length === 1) return { workload: candidates[0] };
  if (candidates.length > 1) {
    throw new UsageError(
      `--${option} ${text} is ambiguous: ${candidates.map((w) => `${w.namespace}/${w.kind}/${w.name}`).join(", ")}`
    );
  }
  throw new UsageError(
    `--${option} ${text}: no such workload (write NS/NAME, NS/KIND/NAME or an IP address)`
  );
}
function explainText(e, from, to) {
  const lines = [`${from} -> ${to} ${e.protocol}/${e.port}: ${e.allowed ? "ALLOWED" : "DENIED"}`];
  if (!e.allowed) lines.push(`  why: ${describeDenial(e, from, to).text}`);
  for (const side of [e.egress, e.ingress])
    lines.push(...sideText(side, side.direction === "egress" ? from : to));
  return `${lines.join("\n")}
`;
}
function sideText(side, subject) {
  const head = `  ${side.direction} of ${subject}: `;
  if (!side.isolated) return [`${head}not isolated (no policy selects it for ${side.direction}): allowed`];
  const lines = [
    `${head}isolated by ${side.policies.length} polic${side.policies.length === 1 ? "y" : "ies"}: ${side.allowed ? "allowed" : "denied"}`
  ];
  for (const policy of side.policies) {
    lines.push(`    ${policy.policy} (${policy.loc.file}:${policy.loc.line})`);
    if (policy.rules.length === 0) lines.push(`      no ${side.direction} rules: allows nothing`);
    for (const rule2 of policy.rules) {
      const verdict = rule2.peerMatches && rule2.portMatches ? "allows" : rule2.peerMatches ? "peer matches, port does not" : "peer does not match";
      lines.push(`      ${side.direction}[${rule2.index}] (${rule2.loc.file}:${rule2.loc.line}): ${verdict}`);
    }
  }
  return lines;
}

// src/cli/commands/fix.ts
var import_yaml8 = __toESM(require_dist(), 1);
import { readFileSync as readFileSync4, writeFileSync as writeFileSync2 } from "node:fs";
import { resolve as resolve4 } from "node:path";
async function fixCommand(argv, io) {
  const { values } = parseCommandArgs(argv, {
    base: { type: "string" },
    head: { type: "string" },
    flows: { type: "string", multiple: true },
    "flows-format": { type: "string" },
    config: { type: "string" },
    write: { type: "boolean" }
  });
  const flowsFormat = oneOf(
    "flows-format",
    values["flows-format"],
    ["auto", "hubble", "calico", "native"],
    "auto"
  );
  const base = resolve4(io.cwd, required("base", values.base));
  const head = resolve4(io.cwd, required("head", values.head));
  const configFile = values.config ? resolve4(io.cwd, values.config) : void 0;
  const result = await runCheck({
    base: { root: base, paths: [base] },
    head: { root: head, paths: [head] },
    flows: (values.flows ?? []).map((f) => resolve4(io.cwd, f)),
    flowsFormat,
    ...configFile ? { configFile } : {}
  });
  const notOffered = result.diagnostics.filter((d) => d.code === "fix-not-offered");
  if (notOffered.length > 0) io.stderr(formatDiagnostics(notOffered));
  const patches = allPatches([
    ...(result.flows?.broken ?? []).map((flow) => flow.fix),
    ...result.findings.map((finding) => finding.fix)
  ]);
  if (patches.length === 0) {
    io.stdout("No fix to suggest: no broken flow or finding that a verified rule restores.\n");
    return EXIT.ok;
  }
  const { defaultNamespace } = loadConfig(configFile, head).config;
  let failed = false;
  for (const [file, filePatches] of groupByFile(patches)) {
    const path7 = resolve4(head, file);
    const original = readFileSync4(path7, "utf8");
    let text = original;
    for (const patch of filePatches) {
      const outcome = applyPatch(text, patch, defaultNamespace);
      if ("error" in outcome) {
        io.stderr(`${file}: ${outcome.error}
`);
        failed = true;
      } else text = outcome.text;
    }
    if (values.write) {
      if (text !== original) writeFileSync2(path7, text);
      io.stdout(`${file}: ${filePatches.length} rule${filePatches.length === 1 ? "" : "s"} added
`);
    } else io.stdout(unifiedDiff(file, original, text));
  }
  return failed ? EXIT.failed : EXIT.ok;
}
function applyPatch(text, patch, defaultNamespace) {
  const [rule2] = (0, import_yaml8.parse)(patch.yaml);
  const slash = patch.policy.indexOf("/");
  return addRule(
    text,
    { namespace: patch.policy.slice(0, slash), name: patch.policy.slice(slash + 1), defaultNamespace },
    patch.direction,
    rule2
  );
}
function groupByFile(patches) {
  const byFile = /* @__PURE__ */ new Map();
  for (const patch of patches) byFile.set(patch.file, [...byFile.get(patch.file) ?? [], patch]);
  return byFile;
}

// src/cli/commands/lint.ts
var FAIL_ON = ["error", "warning", "never"];
async function lintCommand(argv, io) {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: "string" },
    config: { type: "string" },
    "fail-on": { type: "string" },
    output: { type: "string" }
  });
  const format = oneOf("format", values.format, ["text", "json", "markdown", "sarif"], "text");
  const { side, config, diagnostics } = await loadPaths(positionals, values.config, io);
  const failOn = oneOf("fail-on", values["fail-on"], FAIL_ON, config.failOn);
  const result = runLint({ model: side.model, engine: side.engine, diagnostics }, config);
  const render = {
    text: () => renderLintText(result, { color: io.color && !values.output }),
    json: () => renderLintJson(result),
    markdown: () => renderLintMarkdown(result),
    sarif: () => sarifReport(result)
  }[format];
  emit(io, render(), values.output);
  if (nothingToAnalyse(side)) return EXIT.failed;
  return result.findings.some((f) => blocks(f, failOn)) ? EXIT.failed : EXIT.ok;
}

// src/cli/commands/reach.ts
async function reachCommand(argv, io) {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: "string" },
    config: { type: "string" },
    output: { type: "string" }
  });
  const format = oneOf("format", values.format, ["text", "json"], "text");
  const { side, diagnostics } = await loadPaths(positionals, values.config, io);
  const connections = side.engine.connectivity();
  if (format === "json") {
    const report = {
      workloads: side.model.workloads.map((w) => ({
        namespace: w.namespace,
        kind: w.kind,
        name: w.name,
        labels: w.labels
      })),
      connections,
      diagnostics: diagnostics.map((d) => ({
        severity: d.severity,
        message: d.message,
        file: d.file,
        line: d.line
      }))
    };
    emit(io, `${JSON.stringify(report, null, 2)}
`, values.output);
  } else {
    emit(io, reachText(connections), values.output);
    io.stderr(formatDiagnostics(diagnostics));
  }
  return nothingToAnalyse(side) ? EXIT.failed : EXIT.ok;
}
function reachText(connections) {
  const lines = [];
  let previous = "";
  for (const c of connections) {
    const pair = `${peerLabel(c.from)} -> ${peerLabel(c.to)}`;
    const ports = ConnSet.of(c.protocol, c.ports).toString();
    if (pair === previous) lines[lines.length - 1] += `, ${ports}`;
    else lines.push(`${pair} : ${ports}`);
    previous = pair;
  }
  return `${lines.join("\n")}${lines.length ? "\n" : ""}${connections.length === 0 ? "no connection is allowed\n" : ""}`;
}

// src/cli/main.ts
var COMMANDS = {
  check: {
    run: checkCommand,
    summary: "lint head, diff reachability base -> head, replay recorded flows: the PR verdict"
  },
  lint: { run: lintCommand, summary: "lint NetworkPolicies for outage and exposure traps" },
  reach: {
    run: reachCommand,
    summary: "list every allowed connection between workloads and external blocks"
  },
  explain: {
    run: explainCommand,
    summary: "say whether one connection is allowed, and which policies and rules decide"
  },
  fix: {
    run: fixCommand,
    summary: "print (or --write) the verified rules that restore broken flows and missing DNS"
  }
};
var USAGE = `netpol-guard ${VERSION}: catch NetworkPolicy changes that break production or open holes

Usage:
  netpol-guard check (--base DIR --head DIR | --base-ref REF [--head DIR]) [--flows FILE...] [--flows-format auto|hubble|calico|native]
                     [--config FILE] [--fail-on error|warning|never] [--format text|json|markdown|sarif] [--output FILE]
  netpol-guard lint PATH... [--config FILE] [--fail-on error|warning|never] [--format text|json|markdown|sarif]
  netpol-guard reach PATH... [--config FILE] [--format text|json]
  netpol-guard explain PATH... --from NS/NAME --to NS/NAME|IP --port N[/TCP|UDP|SCTP] [--format text|json]
  netpol-guard fix --base DIR --head DIR --flows FILE... [--flows-format auto|hubble|calico|native] [--config FILE] [--write]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join("\n")}

Exit codes: 0 analysed (check/lint: verdict pass), 1 verdict fail or nothing could be analysed, 2 usage error.
`;
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "help" || name === "--help" || name === "-h") {
    io.stdout(USAGE);
    return name === void 0 ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}
`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`netpol-guard: unknown command "${name}"

${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`netpol-guard ${name}: ${error.message}
Run "netpol-guard --help" for usage.
`);
      return EXIT.usage;
    }
    io.stderr(`netpol-guard ${name}: ${error.message ?? String(error)}
`);
    if (process.env.NETPOL_GUARD_DEBUG) io.stderr(`${error.stack ?? ""}
`);
    return EXIT.failed;
  }
}

// src/cli/index.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
});
