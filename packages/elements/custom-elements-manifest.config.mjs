// The custom elements manifest (`pnpm analyze` → custom-elements.json): Storybook's docs and
// any IDE or wrapper generator read it. `cem analyze --litelement` reads the class JSDoc
// (@summary, @fires, @csspart, @cssproperty, @slot) and the Lit properties; the plugin below
// adds what it cannot see: prm elements register through `Class.define('prm-x')` or
// `defineElement('prm-x', Class)` in `src/define/`, not `customElements.define`.
import { existsSync } from 'node:fs';

/** `X.define('tag')` and `defineElement('tag', X)` calls → which class gets which tag. */
function prmDefinitions() {
  /** @type {{ tag: string, className: string, module: string }[]} */
  const found = [];
  return {
    name: 'prm-definitions',
    initialize() {
      found.length = 0;
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const [first, second] = node.arguments;
      let tag;
      let element;
      if (
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'define' &&
        ts.isIdentifier(node.expression.expression) &&
        first &&
        ts.isStringLiteral(first)
      ) {
        tag = first.text;
        element = node.expression.expression.text;
      } else if (
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'defineElement' &&
        first &&
        ts.isStringLiteral(first) &&
        second &&
        ts.isIdentifier(second)
      ) {
        tag = first.text;
        element = second.text;
      }
      if (tag && element && moduleDoc.path) {
        found.push({ tag, className: element, module: moduleDoc.path });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      for (const { tag, className, module } of found) {
        const home = modules.find((mod) =>
          (mod.declarations ?? []).some((d) => d.kind === 'class' && d.name === className),
        );
        const declaration = home?.declarations?.find((d) => d.name === className);
        const definer = modules.find((mod) => mod.path === module);
        if (!home || !declaration || !definer) continue;
        Object.assign(declaration, { customElement: true, tagName: tag });
        definer.exports = [
          ...(definer.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: home.path },
          },
        ];
      }
    },
  };
}

/** Lit's `@state()` fields are internal reactive state, not properties a host sets. */
function internalState() {
  /** @type {Set<string>} `Class.member` */
  const internal = new Set();
  return {
    name: 'prm-internal-state',
    initialize() {
      internal.clear();
    },
    analyzePhase({ ts, node }) {
      if (!ts.isPropertyDeclaration(node) || !ts.isClassDeclaration(node.parent)) return;
      const isState = (ts.getDecorators(node) ?? []).some(
        (d) =>
          ts.isCallExpression(d.expression) &&
          ts.isIdentifier(d.expression.expression) &&
          d.expression.expression.text === 'state',
      );
      if (isState && node.parent.name && ts.isIdentifier(node.name)) {
        internal.add(`${node.parent.name.text}.${node.name.text}`);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class' || !declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) =>
              !internal.has(`${member.inheritedFrom?.name ?? declaration.name}.${member.name}`),
          );
        }
      }
    },
  };
}

/**
 * `dispatchEvent(new PrmPartnerUpdatedEvent(saved))` reads to the analyzer as an event named
 * `saved`: give such events their class's type, merged into the `@fires` entry of that name.
 */
function typedEvents(events, eventTypes) {
  const result = [];
  for (const event of events) {
    const type = eventTypes.get(event.type?.text);
    if (!type || type === event.name) {
      result.push(event);
      continue;
    }
    const documented = events.find((other) => other.name === type);
    if (documented) documented.type ??= event.type;
    else result.push({ ...event, name: type });
  }
  return result;
}

/**
 * Public API only: private `#members` and symbol-keyed members are implementation, tag
 * definitions name real classes, and module paths point at the source (`/src/x.js` →
 * `src/x.ts`).
 */
function publicApi() {
  const source = (path) => {
    if (typeof path !== 'string') return path;
    const relative = path.replace(/^\//, '');
    const ts = relative.replace(/\.js$/, '.ts');
    return ts !== relative && existsSync(ts) ? ts : relative;
  };
  return {
    name: 'prm-public-api',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const isClass = ({ name, module }) =>
        modules.some(
          (mod) =>
            mod.path === module &&
            (mod.declarations ?? []).some((d) => d.kind === 'class' && d.name === name),
        );
      // prm event classes name their type once: `static readonly type = 'prm-…'`.
      const eventTypes = new Map();
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          const type = declaration.members?.find((m) => m.static && m.name === 'type');
          const literal = /^['"](.+)['"]$/.exec(type?.default ?? '')?.[1];
          if (declaration.kind === 'class' && literal) eventTypes.set(declaration.name, literal);
        }
      }
      for (const mod of modules) {
        // `customElements.define(tag, element)` inside `defineElement` names no real tag.
        mod.exports = mod.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || isClass(entry.declaration),
        );
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) =>
                member.privacy !== 'private' &&
                !member.name.startsWith('#') &&
                !member.name.startsWith('['),
            );
          }
          if (declaration.events) declaration.events = typedEvents(declaration.events, eventTypes);
          for (const ref of [declaration.superclass, ...(declaration.mixins ?? [])]) {
            if (ref?.module) ref.module = source(ref.module);
          }
          for (const member of declaration.members ?? []) {
            if (member.inheritedFrom?.module)
              member.inheritedFrom.module = source(member.inheritedFrom.module);
          }
        }
      }
    },
  };
}

/** Modules in path order: the analyzer lists them in file-system order, which varies by machine. */
function stableOrder() {
  return {
    name: 'prm-stable-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
      );
    },
  };
}

export default {
  // The elements' own API: not the package.json `customElements` field (already set).
  packagejson: false,
  plugins: [prmDefinitions(), internalState(), publicApi(), stableOrder()],
};
