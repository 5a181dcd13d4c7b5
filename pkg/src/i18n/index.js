'use strict';
// The CLI's texts, one catalogue per language (en.json, cy.json); the report's own texts
// come from the core, in the locale given in the options.
//
// A template names its arguments in braces ("{file}"); one that depends on a count gives
// the singular and the plural separated by "|" (English), or one form for every count
// (Welsh templates put the number after a label, "gwallau: 3", so no noun follows a
// numeral and none needs a mutation).

const CATALOGUES = { en: require('./en.json'), cy: require('./cy.json') };

const LOCALES = Object.keys(CATALOGUES);

/** Fills a template's {names} from `args`; `args.count` picks the singular or plural form. */
function fill(template, args = {}) {
  const forms = 'count' in args ? template.split('|') : [template];
  const form = forms.length > 1 && args.count !== 1 ? forms[forms.length - 1] : forms[0];
  return form.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/** The CLI's texts in `locale` ("en" or "cy"): `t(key, args)`. Unknown keys are a bug. */
function translator(locale) {
  const catalogue = CATALOGUES[locale];
  if (!catalogue) throw new RangeError(`no catalogue for locale ${locale}`);
  return (key, args) => {
    if (!(key in catalogue)) throw new RangeError(`no text ${key} in the ${locale} catalogue`);
    return fill(catalogue[key], args);
  };
}

module.exports = { CATALOGUES, LOCALES, fill, translator };
