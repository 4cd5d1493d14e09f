// Validates a bundle as a whole: the rules that need more than one document (references,
// relations, layouts and processes against their entities, distinct tables and indexes).
// Each document is assumed to have passed validateDocument; paths are relative to the document.
import { permissionSetsOf, reportsOf, type MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import { checkEntityInBundle } from './bundle-entity-checks';
import { checkLayoutInBundle } from './bundle-layout-checks';
import { checkPermissionSetInBundle } from './bundle-permission-checks';
import { inDocument, type BundleProblem } from './bundle-problem';
import { checkProcessInBundle } from './bundle-process-checks';
import { checkReportInBundle } from './bundle-report-checks';
import { checkTableNames } from './bundle-table-checks';
import { checkCapabilitiesInBundle } from './bundle-capability-checks';
import { checkProcessSignalsInBundle } from './entity-calendar-checks';
import { checkHandoverInBundle } from './entity-ownership-checks';

export function validateBundle(bundle: MetadataBundle): BundleProblem[] {
  return [
    ...Object.entries(bundle.entities).flatMap(([key, entity]) => inDocument('entity', entity.name, [...keyMismatch(key, entity.name), ...checkEntityInBundle(entity, bundle), ...checkHandoverInBundle(entity, bundle), ...checkProcessSignalsInBundle(entity, bundle), ...checkCapabilitiesInBundle(entity, bundle)])),
    ...checkTableNames(bundle),
    ...Object.entries(bundle.layouts).flatMap(([key, layout]) => inDocument('layout', layout.name, [...keyMismatch(key, layout.name), ...checkLayoutInBundle(layout, bundle)])),
    ...Object.entries(bundle.processes).flatMap(([key, process]) => inDocument('process', process.name, [...keyMismatch(key, process.name), ...checkProcessInBundle(process, bundle)])),
    ...Object.entries(permissionSetsOf(bundle)).flatMap(([key, permissionSet]) =>
      inDocument('permissionSet', permissionSet.name, [...keyMismatch(key, permissionSet.name), ...checkPermissionSetInBundle(permissionSet, bundle)])),
    ...Object.entries(reportsOf(bundle)).flatMap(([key, report]) => inDocument('report', report.name, [...keyMismatch(key, report.name), ...checkReportInBundle(report, bundle)])),
  ];
}

/** The bundle is keyed by name; a different key means two documents could claim one name. */
function keyMismatch(key: string, name: string): Problem[] {
  return key === name ? [] : [{ path: '/name', message: `"${name}" is filed under the name "${key}"`, code: 'nameMismatch' }];
}
