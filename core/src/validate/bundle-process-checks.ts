// Cross-document rules for a process: its entity exists, the stage field is an enum of that
// entity whose options name the top-level states, and the fields states name exist.
import type { EntityDocument } from '../model/entity';
import type { MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import type { ProcessDocument } from '../model/process';
import { pointerOf } from './ajv-problems';
import { fieldOf } from './entity-lookup';
import { allStates } from './process-checks';

export function checkProcessInBundle(process: ProcessDocument, bundle: MetadataBundle): Problem[] {
  const entity = bundle.entities[process.entity];
  if (!entity) {
    return [{ path: '/entity', message: `"${process.entity}" is not an entity (entities: ${Object.keys(bundle.entities).join(', ')})`, code: 'unknownEntity' }];
  }
  return [...checkStageField(process, entity), ...checkStateFields(process, entity)];
}

function checkStageField(process: ProcessDocument, entity: EntityDocument): Problem[] {
  const stageField = fieldOf(entity, process.stageField);
  if (stageField?.type !== 'enum') {
    return [{ path: '/stageField', message: `"${process.stageField}" must be an enum field of ${entity.name}`, code: 'invalidStageField' }];
  }
  const options = new Set(stageField.options.map((option) => option.value));
  return Object.keys(process.states)
    .filter((name) => !options.has(name))
    .map((name) => ({
      path: pointerOf('', 'states', name),
      message: `"${name}" is not an option of ${entity.name}.${stageField.name} (options: ${[...options].join(', ')})`,
      code: 'invalidStage',
    }));
}

function checkStateFields(process: ProcessDocument, entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  for (const { state, path } of allStates(process.states)) {
    for (const moment of ['enter', 'leave'] as const) {
      (state.requiredFields?.[moment] ?? []).forEach((name, index) => {
        if (!fieldOf(entity, name)) problems.push({ path: pointerOf(path, 'requiredFields', moment, index), message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' });
      });
    }
    (state.after ?? []).forEach((timer, index) => {
      if (!('field' in timer.delay)) return;
      const field = fieldOf(entity, timer.delay.field);
      if (field?.type !== 'date' && field?.type !== 'datetime') {
        problems.push({ path: pointerOf(path, 'after', index, 'delay', 'field'), message: `"${timer.delay.field}" must be a date or datetime field of ${entity.name}`, code: 'invalidTimerField' });
      }
    });
  }
  return problems;
}
