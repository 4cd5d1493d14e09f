// A record's fields for reading, grouped as its form layout groups them (every visible field in
// one section without a layout), each value formatted for its type.
import type { EntityDocument, FormLayout, RecordData } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { referenceTarget } from '../metadata/entity-info';
import { FieldValue } from '../ui/FieldValue';

interface RecordFieldsProps {
  entity: EntityDocument;
  layout: FormLayout | undefined;
  record: RecordData;
  displayFields: Map<string, string>;
}

export function RecordFields({ entity, layout, record, displayFields }: RecordFieldsProps) {
  const { t, text } = useI18n();
  const fields = new Map(entity.fields.map((field) => [field.name, field]));
  const sections = layout?.sections ?? [{ name: 'main', label: undefined, fields: entity.fields.map((field) => ({ field: field.name })) }];
  return (
    <section className="panel" aria-labelledby="record-fields-title">
      <h2 id="record-fields-title" className="panel__title">
        {t('record.fields')}
      </h2>
      {sections.map((section) => {
        const shown = section.fields.flatMap((placement) => {
          const field = fields.get(placement.field);
          return field ? [field] : [];
        });
        if (shown.length === 0) return null;
        return (
          <div key={section.name} className="record-section">
            {section.label && <h3 className="record-section__title">{text(section.label)}</h3>}
            <dl className="record-fields">
              {shown.map((field) => {
                const target = referenceTarget(field);
                return (
                  <div key={field.name} className={field.type === 'text' ? 'record-fields__item record-fields__item--wide' : 'record-fields__item'}>
                    <dt>{text(field.label, field.name)}</dt>
                    <dd>
                      <FieldValue field={field} value={record[field.name]} record={record} referenceDisplayField={target ? displayFields.get(target) : undefined} />
                    </dd>
                  </div>
                );
              })}
            </dl>
          </div>
        );
      })}
    </section>
  );
}
