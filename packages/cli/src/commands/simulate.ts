/**
 * `hoso simulate <scenario.json>`: runs a scenario through the same runtime a portal uses and
 * prints JSON: each event's acceptance or refusal (code and reason), the case view at `now`,
 * and the audit chain check. Refusals are results (exit 0); bad input is exit 2.
 */
import { relative, resolve } from 'node:path';
import type { Io } from '../main.js';
import { LawDataError, MissingCalendarError, Procedure, verifyAudit } from '@hoso/workflow';
import { ajvConditions } from '@hoso/workflow/ajv';
import { InputError, loadContent, loadDefinition, readJson, workflowsDir } from '../scenario/content.js';
import { checkScenario } from '../scenario/scenario.js';

const USAGE = 'usage: hoso simulate <scenario.json> [--workflows <dir>]';

export async function run(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  try {
    const dir = workflowsDir(args, io.cwd);
    const [file, ...rest] = args;
    if (!file || rest.length)
      throw new InputError(file ? `unexpected arguments: ${rest.join(' ')}` : 'a scenario file is required');
    const path = resolve(io.cwd, file);
    const scenario = checkScenario(readJson(path, io.cwd), relative(io.cwd, path) || file);
    const content = loadContent(dir, io.cwd);
    const definition = loadDefinition(content, scenario.procedure, io.cwd);
    const proc = new Procedure(definition, { ...content, compileCondition: ajvConditions() });
    scenario.events.forEach((e, i) => {
      if (!proc.eventTypes.includes(e.type)) {
        throw new InputError(
          `${file}: /events/${i}/type: unknown event "${e.type}" for procedure "${definition.id}" (known: ${proc.eventTypes.join(', ')})`,
        );
      }
    });
    const createdAt = scenario.createdAt ?? scenario.events[0]?.at ?? scenario.now;
    let c = proc.createCase({
      person: scenario.person,
      at: createdAt,
      ...(scenario.province ? { province: scenario.province } : {}),
      id: `simulated-${definition.id}`,
    });
    const results = [];
    for (const [index, e] of scenario.events.entries()) {
      const r = await proc.apply(c, e);
      const head = { index, type: e.type, at: e.at, by: e.by.id };
      if (r.ok) {
        results.push({ ...head, accepted: true, from: c.state, to: r.case.state });
        c = r.case;
      } else {
        results.push({ ...head, accepted: false, state: c.state, refusal: r.refusal });
      }
    }
    const view = proc.view(c, { now: scenario.now });
    const audit = await verifyAudit(c);
    io.out(
      JSON.stringify(
        {
          scenario: relative(io.cwd, path) || file,
          procedure: { id: definition.id, version: definition.version },
          lawVersion: c.lawVersion,
          accepted: results.filter((r) => r.accepted).length,
          refused: results.filter((r) => !r.accepted).length,
          results,
          view,
          audit: { entries: c.audit.length, verify: audit, lastHash: c.audit[c.audit.length - 1]?.hash ?? null },
        },
        null,
        2,
      ),
    );
    return 0;
  } catch (err) {
    if (err instanceof InputError || err instanceof LawDataError || err instanceof MissingCalendarError) {
      io.err(`hoso simulate: ${err.message}`);
      if (err instanceof InputError && /required|unexpected arguments/.test(err.message)) io.err(USAGE);
      return 2;
    }
    throw err;
  }
}
