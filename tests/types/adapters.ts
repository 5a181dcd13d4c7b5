// Type check of `prevent-plan-check/adapters` against the form libraries' own types.
import { validate, type Plan, type Report } from 'prevent-plan-check';
import { toAjvErrors, jsonFormsAdditionalErrors, rjsfExtraErrors, rjsfErrors, rjsfTransformErrors, rjsfCustomValidate, pointerKeys } from 'prevent-plan-check/adapters';
import type { ErrorObject } from 'ajv';
import type { JsonFormsCore } from '@jsonforms/core';
import type { ErrorSchema, ErrorTransformer, CustomValidator, RJSFValidationError } from '@rjsf/utils';

const report: Report = validate({ sections: [] });
const ajvErrors: ErrorObject[] = toAjvErrors(report);
const additionalErrors: JsonFormsCore['additionalErrors'] = jsonFormsAdditionalErrors(report);
const extraErrors: ErrorSchema = rjsfExtraErrors(report);
const validationErrors: RJSFValidationError[] = rjsfErrors(report);
const transformErrors: ErrorTransformer = rjsfTransformErrors(report);
const customValidate: CustomValidator = rjsfCustomValidate((formData: unknown) => validate(formData as Plan));
const pointer: string = ajvErrors[0]?.instancePath ?? '';
const keys: string[] = pointerKeys(pointer, ['__errors']);
export { additionalErrors, extraErrors, validationErrors, transformErrors, customValidate, pointer, keys };
