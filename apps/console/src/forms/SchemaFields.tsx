import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import type { FormRule } from 'antd';
import { type JsonSchema, type OpenApiDocument, chinesePart, resolve } from '../api/openapi-doc';
import { enumOptions } from '../cases/vocabulary';

type NamePath = (string | number)[];

/** One value a field may take, as the user reads it. */
export interface FieldChoice {
  value: string;
  label: string;
}

/**
 * What a form adds to the fields built from a schema, by the field's dotted path (`party.creditCode`): checks run as
 * the user types, help shown under the field, and the values to choose from where the page already knows them (a
 * list field still takes a value typed in). A field named here in `replace` is drawn by the form itself.
 */
export interface FieldExtras {
  rules?: Record<string, FormRule[]>;
  extra?: Record<string, ReactNode>;
  choices?: Record<string, FieldChoice[]>;
  replace?: Record<string, ReactNode>;
}
export const FieldExtrasContext = createContext<FieldExtras>({});

/** A field's label: the Chinese part of its schema description, else its property name. */
export function fieldLabel(name: string, schema: JsonSchema): string {
  return chinesePart(schema.description) ?? name;
}

function help(schema: JsonSchema): string | undefined {
  const example =
    schema.example === undefined
      ? ''
      : `例：${Array.isArray(schema.example) ? schema.example.join('，') : typeof schema.example === 'string' ? schema.example : JSON.stringify(schema.example)}`;
  const text = [schema.description, example].filter(Boolean).join('　');
  return text || undefined;
}

interface FieldProps {
  doc: OpenApiDocument;
  name: NamePath;
  /** For Form.List items: the path relative to the list. */
  label: string;
  schema: JsonSchema;
  required: boolean;
}

/** One property of a request-body schema as an Ant Design form control. */
function SchemaField({ doc, name, label, schema: raw, required }: FieldProps) {
  const schema = resolve(doc, raw);
  const extras = useContext(FieldExtrasContext);
  const path = name.join('.');
  const rules: FormRule[] = [...(required ? [{ required: true, message: `请填写${label}` }] : []), ...(extras.rules?.[path] ?? [])];
  const common = { name, label, rules, tooltip: help(schema), extra: extras.extra?.[path] };
  if (extras.replace?.[path] !== undefined) return extras.replace[path];
  if (schema.oneOf) return <OneOfField doc={doc} name={name} label={label} schema={schema} required={required} />;
  if (schema.type === 'object' || schema.properties) {
    // An object the document gives no properties for has nothing a person could fill in.
    if (!Object.keys(schema.properties ?? {}).length) return null;
    return (
      <Card size="small" title={label} style={{ marginBottom: 16 }}>
        <SchemaFields doc={doc} schema={schema} prefix={name} />
      </Card>
    );
  }
  const choices = extras.choices?.[path];
  // A required single value with only one choice starts on it (e.g. the one open 督办 a reply answers).
  if (choices)
    return (
      <Form.Item {...common} initialValue={schema.type !== 'array' && required && choices.length === 1 ? choices[0].value : undefined}>
        <Select
          mode={schema.type === 'array' ? 'tags' : undefined}
          options={choices}
          optionFilterProp="label"
          aria-label={label}
          allowClear={!required}
          placeholder={schema.type === 'array' ? '选择或输入后按回车添加' : '请选择'}
        />
      </Form.Item>
    );
  if (schema.type === 'array') {
    const items = resolve(doc, schema.items);
    if (items.type === 'object' || items.properties || items.oneOf)
      return <ObjectListField doc={doc} name={name} label={label} items={items} required={required} />;
    const options = enumOptions(items.enum ?? []);
    return (
      <Form.Item {...common}>
        <Select
          mode={items.enum ? 'multiple' : 'tags'}
          options={options}
          aria-label={label}
          placeholder={items.enum ? '请选择' : '输入后按回车添加'}
          tokenSeparators={items.enum ? undefined : ['，', ',']}
        />
      </Form.Item>
    );
  }
  if (schema.enum)
    return (
      <Form.Item {...common}>
        <Select options={enumOptions(schema.enum)} aria-label={label} allowClear={!required} placeholder="请选择" />
      </Form.Item>
    );
  if (schema.type === 'boolean')
    return (
      <Form.Item {...common} rules={[]} valuePropName="checked" initialValue={false}>
        <Switch aria-label={label} />
      </Form.Item>
    );
  if (schema.type === 'number' || schema.type === 'integer')
    return (
      <Form.Item {...common}>
        <InputNumber
          style={{ width: '100%' }}
          min={schema.minimum}
          max={schema.maximum}
          precision={schema.type === 'integer' ? 0 : undefined}
          aria-label={label}
        />
      </Form.Item>
    );
  return (
    <Form.Item {...common}>
      <Input aria-label={label} placeholder={typeof schema.example === 'string' ? schema.example : undefined} />
    </Form.Item>
  );
}

/** A list of objects (e.g. 违法行为, 处罚): one card per item, added and removed by the user. */
function ObjectListField({
  doc,
  name,
  label,
  items,
  required,
}: {
  doc: OpenApiDocument;
  name: NamePath;
  label: string;
  items: JsonSchema;
  required: boolean;
}) {
  return (
    <Form.Item label={label} required={required} tooltip={help(items)}>
      <Form.List name={name} initialValue={required ? [{}] : []}>
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`${label} ${i + 1}`}
                extra={
                  <Button size="small" onClick={() => remove(f.name)} aria-label={`删除${label} ${i + 1}`}>
                    删除
                  </Button>
                }
              >
                <SchemaFields doc={doc} schema={items} prefix={[f.name]} />
              </Card>
            ))}
            <Button onClick={() => add({})}>添加{label}</Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One of several shapes (e.g. the party: organisation or individual): the user picks one, its fields follow. */
function OneOfField({ doc, name, label, schema, required }: FieldProps) {
  const variants = (schema.oneOf ?? []).map((v) => resolve(doc, v));
  // Each shape is named by the field only it requires (统一社会信用代码, 居民身份证号码).
  const names = variants.map((v, i) => {
    const own = (v.required ?? []).find((r) => variants.every((o, j) => j === i || !(o.required ?? []).includes(r)));
    return own && v.properties?.[own] ? fieldLabel(own, v.properties[own]) : `${i + 1}`;
  });
  const [chosen, setChosen] = useState(0);
  return (
    <Card size="small" title={label} style={{ marginBottom: 16 }}>
      <Form.Item label="类型" required={required}>
        <Radio.Group
          value={chosen}
          onChange={(e) => setChosen(e.target.value as number)}
          options={names.map((n, i) => ({ value: i, label: n }))}
          aria-label={`${label}类型`}
        />
      </Form.Item>
      <SchemaFields key={chosen} doc={doc} schema={variants[chosen]} prefix={name} />
    </Card>
  );
}

/** Every property of an object schema, in the document's order; required ones marked. */
export function SchemaFields({ doc, schema: raw, prefix = [] }: { doc: OpenApiDocument; schema: JsonSchema; prefix?: NamePath }) {
  const schema = resolve(doc, raw);
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([key, prop]) => (
        <SchemaField
          key={key}
          doc={doc}
          name={[...prefix, key]}
          label={fieldLabel(key, resolve(doc, prop))}
          schema={prop}
          required={required.has(key)}
        />
      ))}
    </>
  );
}

/** A form's values as a request body: empty inputs are left out (the API's defaults apply). */
export function bodyFrom(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bodyFrom).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = bodyFrom(v);
      if (c !== undefined && !(Array.isArray(c) && c.length === 0)) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value === '' || value === null ? undefined : value;
}
