// Resolves the fields a report names against the entity as the reader sees it. A field hidden
// from the reader's role is unknown here, exactly like a field that does not exist: grouping,
// aggregating or filtering by it is a 400 naming where the report uses it, so a report never
// reveals what a hidden field holds (not even through counts).
import { BadRequestError, type MetadataBundle, type Problem, type ResolvedReport } from '@stagecraft/core';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';

/** Every field a report reads, with the JSON path where it names it. */
export function fieldUsesOf(report: ResolvedReport, bundle: MetadataBundle): Array<{ field: string; path: string }> {
  const uses: Array<{ field: string; path: string }> = [];
  const funnelProcess = report.reportKind === 'funnel' ? bundle.processes[report.funnel.process] : undefined;
  if (funnelProcess) uses.push({ field: funnelProcess.stageField, path: '/funnel/process' });
  report.filters.forEach((clause, index) => uses.push({ field: clause.field, path: `/filters/${index}/field` }));
  report.parameters.forEach((parameter, index) => uses.push({ field: parameter.field, path: `/parameters/${index}/field` }));
  report.groupBy.forEach((grouping, index) => uses.push({ field: grouping.field, path: `/groupBy/${index}/field` }));
  report.aggregates.forEach((aggregate, index) => {
    for (const operand of ['field', 'weightField', 'endField'] as const) {
      const name = aggregate[operand];
      if (name !== undefined) uses.push({ field: name, path: `/aggregates/${index}/${operand}` });
    }
    (aggregate.where ?? []).forEach((clause, position) => uses.push({ field: clause.field, path: `/aggregates/${index}/where/${position}/field` }));
  });
  return uses;
}

/** Whether every field the report reads is visible in this view of its entity. */
export function canReadReportFields(report: ResolvedReport, bundle: MetadataBundle, visible: CompiledEntity): boolean {
  return fieldUsesOf(report, bundle).every((use) => visible.fields.has(use.field));
}

/** A lookup of the report's fields in the visible entity; throws one 400 listing every unknown one. */
export function reportFieldResolver(report: ResolvedReport, bundle: MetadataBundle, visible: CompiledEntity): (name: string) => CompiledField {
  const problems: Problem[] = fieldUsesOf(report, bundle)
    .filter((use) => !visible.fields.has(use.field))
    .map((use) => ({ path: `/report${use.path}`, message: `${visible.name} has no field "${use.field}"`, code: 'unknownField' }));
  if (problems.length > 0) throw new BadRequestError(`You may not run the report "${report.name}"`, problems);
  return (name) => {
    const field = visible.fields.get(name);
    if (!field) throw new Error(`The report ${report.name} names ${visible.name}.${name}, which is not compiled`);
    return field;
  };
}
