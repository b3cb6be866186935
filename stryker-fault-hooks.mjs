// A Stryker ignorer for the fault hooks of reference/ (see reference/faults.ts): every `if` statement
// whose condition starts with `faults.has(...)` (also `deps.faults.has`, `this.#faults.has`).
// Why: the hooks are off in the normal reference, so every mutant inside one is equivalent by
// construction. Whether each hook, when on, is caught is what the self-validation in `npm test` proves.

/** The left-most operand of an `&&` chain: hooks are written `if (faults.has('name') && ...)`. */
function leftmost(node) {
  return node.type === 'LogicalExpression' && node.operator === '&&' ? leftmost(node.left) : node;
}

function isFaultsHasCall(node) {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
  const { object, property } = node.callee;
  if (property.type !== 'Identifier' || property.name !== 'has') return false;
  if (object.type === 'Identifier') return object.name === 'faults';
  if (object.type !== 'MemberExpression') return false;
  const name = object.property.type === 'PrivateName' ? object.property.id.name : object.property.name;
  return name === 'faults';
}

const faultHooks = {
  shouldIgnore(path) {
    const { node } = path;
    if (node.type === 'IfStatement' && isFaultsHasCall(leftmost(node.test))) {
      return 'fault hook: off in the normal reference; the self-validation covers it';
    }
    return undefined;
  },
};

// The shape @stryker-mutator/api's declareValuePlugin(PluginKind.Ignore, ...) returns.
export const strykerPlugins = [{ kind: 'Ignore', name: 'fault-hooks', value: faultHooks }];
