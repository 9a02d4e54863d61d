import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsNotEmpty, IsString, registerDecorator, ValidateNested, ValidationOptions } from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { parseInstant } from '@app/calendar';
import { isValidCreditCode, isValidResidentIdNumber } from '@workflows/enforcement-case';

function rule(name: string, test: (v: unknown) => boolean, message: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options: { message, ...options }, validator: { validate: test } });
}

/** 统一社会信用代码 with a correct check character (GB 32100-2015). */
export const IsCreditCode = (o?: ValidationOptions) =>
  rule(
    'isCreditCode',
    (v) => typeof v === 'string' && isValidCreditCode(v),
    '统一社会信用代码无效或校验位错误 (invalid unified social credit code: GB 32100-2015 check character)',
    o,
  );

/** 居民身份证号码 with a correct check digit (GB 11643-1999). */
export const IsResidentIdNumber = (o?: ValidationOptions) =>
  rule(
    'isResidentIdNumber',
    (v) => typeof v === 'string' && isValidResidentIdNumber(v),
    '居民身份证号码无效或校验码错误 (invalid resident ID number: GB 11643-1999 check digit)',
    o,
  );

/** An ISO-8601 date-time with 'Z' or an offset, on a real calendar day and clock time (no 02-30, no 24:00; docs/architecture.md §6). */
export const IsDateTimeWithOffset = (o?: ValidationOptions) =>
  rule(
    'isDateTimeWithOffset',
    (v) => typeof v === 'string' && parseInstant(v) !== null,
    '须为带时区的 ISO-8601 时间 (must be an ISO-8601 datetime with offset)',
    o,
  );

/** A real calendar date YYYY-MM-DD. */
export const IsCalendarDate = (o?: ValidationOptions) =>
  rule(
    'isCalendarDate',
    (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    '须为有效日期 YYYY-MM-DD (must be a date YYYY-MM-DD)',
    o,
  );

export const IsSha256 = (o?: ValidationOptions) =>
  rule(
    'isSha256',
    (v) => typeof v === 'string' && /^[0-9a-fA-F]{64}$/.test(v),
    '须为 64 位十六进制 SHA-256 摘要 (must be a sha-256 hash: 64 hex characters)',
    o,
  );

/** Codes are compared upper-case and without surrounding blanks, as officers type them. */
export const NormalizeCode = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** A required list of at least one non-blank string (legal bases, items to rectify). */
export const NonEmptyStrings = (description?: string) =>
  applyDecorators(
    ApiProperty({ type: [String], ...(description ? { description } : {}) }),
    IsArray(),
    ArrayMinSize(1),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
  );

/** A required list of at least one nested body, each validated as `type`. */
export const NestedList = (type: new () => object, description: string) =>
  applyDecorators(
    ApiProperty({ type: [type], description }),
    IsArray(),
    ArrayMinSize(1),
    ValidateNested({ each: true }),
    Type(() => type),
  );
