// How generated forms look: each field as label + control + help + errors (ids matching the
// widgets' aria-describedby), the record's fields grouped into the layout's sections, each a
// fieldset with its legend on a grid of the section's columns.
import type { FieldTemplateProps, ObjectFieldTemplateProps } from '@rjsf/utils';
import type { SectionView } from './form-model';

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, displayLabel, required, rawErrors = [], rawHelp, children, hidden, readonly } = props;
  if (hidden) return <div className="visually-hidden">{children}</div>;
  // The record itself (the root object) is only the frame of its sections.
  if (props.fieldPathId.$id === 'root') return children;
  const invalid = rawErrors.length > 0;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}${readonly ? ' field--readonly' : ''}`}>
      {displayLabel && (
        <label htmlFor={id}>
          {label}
          {required && (
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          )}
        </label>
      )}
      {children}
      {rawHelp && (
        <p id={`${id}__help`} className="field__help">
          {rawHelp}
        </p>
      )}
      {invalid && (
        <p id={`${id}__error`} className="field__error" role="alert">
          {rawErrors.join(' ')}
        </p>
      )}
    </div>
  );
}

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const sections = (props.registry.formContext as { sections?: SectionView[] }).sections ?? [];
  const byName = new Map(props.properties.map((property) => [property.name, property]));
  return (
    <div className="form-sections">
      {sections.map((section) => (
        <fieldset key={section.name} className="form-section">
          {section.label && <legend className="form-section__title">{section.label}</legend>}
          <div className="form-grid" style={{ gridTemplateColumns: `repeat(${section.columns}, minmax(0, 1fr))` }}>
            {section.fields.map((field) => {
              const property = byName.get(field.name);
              if (!property) return null;
              return (
                <div key={field.name} className="form-grid__cell" style={field.span > 1 ? { gridColumn: `span ${field.span}` } : undefined}>
                  {property.content}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

/** Errors are shown on their fields; the list above the form would only repeat them. */
export function ErrorListTemplate() {
  return null;
}
