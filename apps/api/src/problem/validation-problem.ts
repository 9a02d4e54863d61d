import { ValidationPipeOptions } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { ProblemException, problem } from './problem';

/** Chinese wording of class-validator's built-in constraints (custom validators carry their own). */
const ZH: Record<string, string> = {
  isNotEmpty: '不能为空',
  isString: '须为字符串',
  isBoolean: '须为布尔值',
  isNumber: '须为数字',
  isInt: '须为整数',
  isPositive: '须大于零',
  min: '小于最小值',
  isIn: '取值不在允许范围内',
  isArray: '须为数组',
  arrayMinSize: '数量不足',
  maxLength: '过长',
  whitelistValidation: '不允许的字段',
  nestedValidation: '须为对象',
};

export interface FieldError {
  field: string;
  message: string;
  constraints: Record<string, string>;
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints
      ? [
          {
            field,
            constraints: e.constraints,
            message: Object.entries(e.constraints)
              .map(([k, en]) => (ZH[k] ? `${ZH[k]} (${en})` : en))
              .join('; '),
          },
        ]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** ValidationPipe's exceptionFactory: a 400 problem naming every bad field. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const fieldErrors = flatten(errors);
  return new ProblemException(
    problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
      detail: fieldErrors.map((f) => `${f.field}: ${f.message}`).join('\n'),
      errors: fieldErrors,
    }),
  );
}

/** How every body and query is validated: unknown fields refused, values transformed, a 400 problem naming each field. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationProblem,
};
