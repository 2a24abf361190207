/**
 * Titles from a procedure's machine definition that the case view does not carry: any state's title by its
 * name (`a` or `a.b`, innermost title wins, as the runtime merges meta) and an event's title in a state.
 * Shared by `<hoso-case-list>` and `<hoso-case-timeline>`.
 */
import type { MachineDefinition, StateDef, Text } from '@hoso/workflow';

/** The state nodes along a state name, outermost first; empty when the name is unknown. */
function chain(definition: MachineDefinition, name: string): StateDef[] {
  const out: StateDef[] = [];
  let states: Record<string, StateDef> | undefined = definition.states;
  for (const part of name.split('.')) {
    const node: StateDef | undefined = states?.[part];
    if (!node) return [];
    out.push(node);
    states = node.states;
  }
  return out;
}

/** Title of the state named `name` (innermost titled node), or undefined for a name the definition lacks. */
export function stateTitle(definition: MachineDefinition, name: string): Text | undefined {
  const nodes = chain(definition, name);
  for (let i = nodes.length - 1; i >= 0; i -= 1) {
    const title = nodes[i]?.meta?.title;
    if (title) return title;
  }
  return undefined;
}

/** Title of event `type` as sent from state `from` (innermost meta naming it), or undefined. */
export function eventTitle(definition: MachineDefinition, from: string, type: string): Text | undefined {
  const nodes = chain(definition, from);
  for (let i = nodes.length - 1; i >= 0; i -= 1) {
    const title = nodes[i]?.meta?.events?.[type]?.title;
    if (title) return title;
  }
  return undefined;
}
