// `prevent-plan-check/adapters` with the form libraries themselves: a report's issues are
// shown at the right fields by JSON Forms (additionalErrors) and react-jsonschema-form
// (extraErrors, transformErrors, customValidate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Actions, coreReducer, mapStateToControlProps } from '@jsonforms/core';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { validate } from 'prevent-plan-check';
import {
  toAjvErrors,
  jsonFormsAdditionalErrors,
  rjsfExtraErrors,
  rjsfErrors,
  rjsfTransformErrors,
  rjsfCustomValidate,
} from 'prevent-plan-check/adapters';

const require = createRequire(import.meta.url);
const EVERY_CATEGORY = ['partnership', 'risk_assessment', 'partnership_plan', 'referral_pathway', 'channel_panel', 'training', 'permissive_environments', 'communications_engagement'];

// Action 2 has no lead and a milestone after the plan period; action 1 is fine.
const plan = {
  title: 'Prevent action plan 2013-14',
  period: '2013-14',
  sections: [
    {
      title: 'Governance',
      categories: EVERY_CATEGORY,
      actions: [
        { id: '1', description: 'Refresh the Prevent action plan', leads: ['Prevent Coordinator'], milestones: ['Nov-13'] },
        { id: '2', description: 'Nominate the chair of the Channel panel', leads: [], milestones: ['Nov-14'] },
      ],
    },
  ],
};

// The form's own schema (draft-07, as both libraries validate by default).
const actionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', title: 'Id' },
    description: { type: 'string', title: 'Description' },
    leads: { type: 'array', title: 'Leads', items: { type: 'string' } },
    milestones: { type: 'array', title: 'Milestones', items: { type: 'string' } },
  },
};
const formSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title' },
    period: { type: 'string', title: 'Period' },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          title: { type: 'string', title: 'Section' },
          categories: { type: 'array', items: { type: 'string' } },
          actions: { type: 'array', items: actionSchema },
        },
      },
    },
  },
};

const report = validate(plan);
const issue = (rule) => report.issues.find((candidate) => candidate.rule === rule);
const leadMissing = issue('lead-missing');
const outsidePeriod = issue('milestone-outside-period');

test('the plan has the issues the adapters are tested with', () => {
  assert.equal(leadMissing.path, '/sections/0/actions/1/leads');
  assert.equal(outsidePeriod.path, '/sections/0/actions/1/milestones/0');
});

test('toAjvErrors gives ajv-shaped errors, one per issue', () => {
  const errors = toAjvErrors(report);
  assert.equal(errors.length, report.issues.length);
  const lead = errors.find((error) => error.keyword === 'lead-missing');
  assert.deepEqual(lead, {
    instancePath: '/sections/0/actions/1/leads',
    schemaPath: 'docs/rules/lead-missing.md',
    keyword: 'lead-missing',
    params: { rule: 'lead-missing', severity: 'warning', action: '2', hint: leadMissing.hint },
    message: leadMissing.message,
  });
  // Every schemaPath names a rule page that exists.
  const pages = new Set(require('prevent-plan-check/rules.json').map((rule) => rule.page));
  for (const error of errors) assert.ok(pages.has(error.schemaPath), error.schemaPath);
  assert.throws(() => toAjvErrors({}), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('JSON Forms shows additionalErrors at the control of the field concerned', () => {
  const uischema = { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/title' }] };
  const core = coreReducer(undefined, Actions.init(plan, formSchema, uischema, { additionalErrors: jsonFormsAdditionalErrors(report) }));
  const state = { jsonforms: { core } };
  const control = (path, property) =>
    mapStateToControlProps(state, { uischema: { type: 'Control', scope: `#/properties/${property}` }, schema: actionSchema, path });
  assert.equal(control('sections.0.actions.1', 'leads').errors, leadMissing.message);
  assert.equal(control('sections.0.actions.0', 'leads').errors, '');
  assert.equal(control('sections.0.actions.1', 'description').errors, '');
  const milestone = mapStateToControlProps(state, {
    uischema: { type: 'Control', scope: '#' },
    schema: actionSchema.properties.milestones.items,
    path: 'sections.0.actions.1.milestones.0',
  });
  assert.equal(milestone.errors, outsidePeriod.message);
});

/** The error messages react-jsonschema-form rendered under the field with this id. */
function renderedErrors(html, fieldId) {
  const block = new RegExp(`<ul id="${fieldId}__error"[^>]*>(.*?)</ul>`).exec(html);
  if (!block) return [];
  return [...block[1].matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((item) => item[1]);
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

test('react-jsonschema-form shows extraErrors at the field concerned', () => {
  const extraErrors = rjsfExtraErrors(report);
  assert.deepEqual(extraErrors.sections[0].actions[1].leads.__errors, [leadMissing.message]);
  const html = renderToStaticMarkup(createElement(Form, { schema: formSchema, validator, formData: plan, extraErrors }));
  assert.deepEqual(renderedErrors(html, 'root_sections_0_actions_1_leads'), [escapeHtml(leadMissing.message)]);
  assert.deepEqual(renderedErrors(html, 'root_sections_0_actions_1_milestones_0'), [escapeHtml(outsidePeriod.message)]);
  assert.deepEqual(renderedErrors(html, 'root_sections_0_actions_0_leads'), []);
});

// RJSF validates (customValidate, transformErrors) only once mounted in a browser, so these
// run its validator as the Form does, then render the errors it found.
test('react-jsonschema-form places issues added by customValidate and transformErrors', () => {
  const customValidate = rjsfCustomValidate((formData) => validate(formData));
  const transformErrors = rjsfTransformErrors(report);
  for (const [name, validation] of [
    ['customValidate', validator.validateFormData(plan, formSchema, customValidate)],
    ['transformErrors', validator.validateFormData(plan, formSchema, undefined, transformErrors)],
  ]) {
    assert.deepEqual(validation.errorSchema.sections[0].actions[1].leads.__errors, [leadMissing.message], name);
    assert.ok(validation.errors.some((error) => error.property === '.sections.0.actions.1.leads' && error.message === leadMissing.message), name);
    const html = renderToStaticMarkup(createElement(Form, { schema: formSchema, validator, formData: plan, extraErrors: validation.errorSchema }));
    assert.deepEqual(renderedErrors(html, 'root_sections_0_actions_1_leads'), [escapeHtml(leadMissing.message)], name);
    assert.deepEqual(renderedErrors(html, 'root_sections_0_actions_1_milestones_0'), [escapeHtml(outsidePeriod.message)], name);
    assert.deepEqual(renderedErrors(html, 'root_sections_0_actions_0_leads'), [], name);
  }
  // A field the form data lacks: the issue goes to its nearest parent.
  const lacking = rjsfCustomValidate(() => ({ issues: [{ rule: 'overdue', severity: 'warning', message: 'Overdue', path: '/sections/0/actions/1/status' }] }));
  const { errorSchema } = validator.validateFormData(plan, formSchema, lacking);
  assert.deepEqual(errorSchema.sections[0].actions[1].__errors, ['Overdue']);
});

test('issues about the whole plan go to the root of the form', () => {
  const empty = validate({ sections: [] });
  const rootIssues = empty.issues.filter((candidate) => candidate.path === '');
  assert.ok(rootIssues.length > 0, 'an empty plan has issues about the whole plan');
  assert.deepEqual(rjsfExtraErrors(empty).__errors, rootIssues.map((candidate) => candidate.message));
  assert.ok(rjsfErrors(empty).some((error) => error.property === '' && error.stack === ` ${rootIssues[0].message}`));
});

test('the adapters load from CommonJS too', async () => {
  const esm = await import('prevent-plan-check/adapters');
  const cjs = require('prevent-plan-check/adapters');
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  assert.deepEqual(cjs.toAjvErrors(report), esm.toAjvErrors(report));
});
