// The npm package as a user gets it: `npm pack`, installed from the tarball into a fresh
// project, then used from Node (CommonJS and ES modules), type-checked by tsc under each
// module resolution, linted by publint and arethetypeswrong, and bundled by Vite (current
// and 5.x), webpack 5 and esbuild with only what the package's README says, each bundle run
// in Chromium. The bundlers and linters come from the repository's node_modules (nothing is
// downloaded); the package is installed with `npm install --offline`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const bin = (name) => join(root, 'node_modules', '.bin', name);

let work;
let tarball;
let project;

/** Writes `files` ({ relative path: text }) under `folder`. */
function writeFiles(folder, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: project, encoding: 'utf8', ...options });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'ppc-package-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: join(root, 'pkg'), encoding: 'utf8' }));
  tarball = join(work, packed[0].filename);
  project = join(work, 'project');
  writeFiles(project, { 'package.json': JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }) });
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the tarball holds README, licences and one copy of each .wasm', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const name of ['package/README.md', 'package/LICENSE-MIT', 'package/LICENSE-APACHE', 'package/package.json']) {
    assert.ok(files.includes(name), name);
  }
  const wasm = files.filter((name) => name.endsWith('.wasm')).sort();
  assert.deepEqual(wasm, ['package/form/web/prevent_plan_check_form_bg.wasm', 'package/web/prevent_plan_check_bg.wasm', 'package/xlsx/web/prevent_plan_check_xlsx_bg.wasm']);
  const profiles = files.filter((name) => name.startsWith('package/profiles/')).sort();
  assert.deepEqual(profiles, ['further-education', 'health', 'higher-education', 'la-2015', 'la-2023', 'schools', 'scotland-la'].map((id) => `package/profiles/${id}.json`));
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/prevent-plan-check/package.json'), 'utf8'));
  for (const field of ['repository', 'homepage', 'bugs', 'license', 'sideEffects']) assert.ok(manifest[field], field);
});

test('publint finds nothing to say', async () => {
  const { publint } = await import(require.resolve('publint', { paths: [root] }));
  const bytes = readFileSync(tarball);
  const { messages } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, level: 'suggestion', strict: true });
  assert.deepEqual(messages, []);
});

test('arethetypeswrong finds no problem (node16 and bundler resolution)', () => {
  const result = spawnSync(bin('attw'), [tarball, '--profile', 'node16', '--format', 'ascii', '--exclude-entrypoints', './core.wasm', './form.wasm', './xlsx.wasm', './profiles/*.json', './schema.json', './rules.json', './package.json'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('Node: require and import give the same working API, init resolves at once', () => {
  writeFiles(project, {
    'cjs.cjs': `const api = require('prevent-plan-check');
const { validateWorkbook } = require('prevent-plan-check/xlsx');
const { cellMarks } = require('prevent-plan-check/marks');
const { toAjvErrors } = require('prevent-plan-check/adapters');
const { formatText } = require('prevent-plan-check/format');
const report = api.validate({ sections: [] });
console.log(JSON.stringify([report.summary.errors > 0, validateWorkbook(new Uint8Array([1, 2])).issues[0].rule,
  Array.isArray(cellMarks(report).marks), toAjvErrors(report).length > 0, typeof formatText]));`,
    'esm.mjs': `import { validate, init, rules } from 'prevent-plan-check';
import { validate as fromInit } from 'prevent-plan-check/init';
import { validateWorkbook } from 'prevent-plan-check/xlsx';
import { cellMarks } from 'prevent-plan-check/marks';
import schema from 'prevent-plan-check/schema.json' with { type: 'json' };
const checker = await init();
console.log(JSON.stringify([validate({ sections: [] }).valid, fromInit === validate || typeof fromInit, checker.validate === validate,
  validateWorkbook(new Uint8Array([1, 2])).issues[0].rule, rules().length > 10, typeof cellMarks, typeof schema.$schema]));`,
  });
  assert.equal(run(process.execPath, ['cjs.cjs']).trim(), '[true,"table-unreadable",true,true,"function"]');
  assert.equal(run(process.execPath, ['esm.mjs']).trim(), '[false,true,true,"table-unreadable",true,"function","string"]');
});

test('Node: the form entry checks JSON plans, reads every built-in profile when asked, and has no table functions', () => {
  const plan = JSON.stringify({ profile: 'schools', sections: [{ title: 'Training', actions: [{ id: '1', description: 'Train staff', leads: ['DSL'], milestones: ['Mar-18'] }] }] });
  writeFiles(project, {
    'form.cjs': `const form = require('prevent-plan-check/form');
const main = require('prevent-plan-check');
const plan = ${plan};
const report = form.validate(plan);
console.log(JSON.stringify([report.profile, report.issues.some((issue) => issue.rule === 'profile-not-loaded'), Object.keys(report.coverage).length > 0,
  JSON.stringify(main.validate(plan)) === JSON.stringify(report), form.profiles().every((profile) => profile.categories.length > 0),
  typeof form.validateTable, main.validateTable([['Action', 'Lead'], ['Train staff', 'DSL']]).summary.actions]));`,
    'form.mjs': `import { validateJson, loadProfile, init } from 'prevent-plan-check/form';
import { validateJson as fromInit } from 'prevent-plan-check/form/init';
import healthFile from 'prevent-plan-check/profiles/health.json' with { type: 'json' };
const checker = await init();
const health = await loadProfile('health');
console.log(JSON.stringify([validateJson('{').issues[0].rule, fromInit === validateJson, checker.validateJson === validateJson, health.categories.length === healthFile.categories.length,
  await loadProfile('la-2099').catch((error) => error.code)]));`,
  });
  assert.equal(run(process.execPath, ['form.cjs']).trim(), '["schools",false,true,true,true,"undefined",1]');
  assert.equal(run(process.execPath, ['form.mjs']).trim(), '["json-syntax",true,true,true,"ERR_INVALID_ARG_VALUE"]');
});

test('tsc type-checks a user of every entry under node16, nodenext and bundler resolution', () => {
  const usage = `import { validate, init, type Report } from 'prevent-plan-check';
import { init as initLazily } from 'prevent-plan-check/init';
import { validate as checkForm, loadProfile, profiles, type ProfileListing } from 'prevent-plan-check/form';
import { init as initForm } from 'prevent-plan-check/form/init';
import { init as initWorkbooks } from 'prevent-plan-check/xlsx/init';
import { validateWorkbook } from 'prevent-plan-check/xlsx';
import { toAjvErrors } from 'prevent-plan-check/adapters';
import { cellMarks } from 'prevent-plan-check/marks';
import { formatText } from 'prevent-plan-check/format';
export async function check(bytes: Uint8Array): Promise<number> {
  await init();
  const { validateTable } = await initLazily();
  await initWorkbooks();
  const { validateJson } = await initForm();
  const listed: ProfileListing[] = profiles().filter((profile): profile is ProfileListing => 'loaded' in profile);
  const schools = await loadProfile('schools');
  const formIssues = checkForm({ sections: [] }, { profile: schools.id }).issues.length + validateJson('{}').issues.length + listed.length;
  const report: Report = validate({ sections: [] });
  const marks = cellMarks(validateTable([['Action', 'Lead']], { origin: 'B3' })).marks;
  return report.issues.length + validateWorkbook(bytes).issues.length + toAjvErrors(report).length + marks.length + formatText([{ file: 'x', report }]).length + formIssues;
}
`;
  const configs = {
    node16: { module: 'node16', moduleResolution: 'node16', file: 'usage.mts' },
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext', file: 'usage.cts' },
    bundler: { module: 'esnext', moduleResolution: 'bundler', file: 'usage.ts' },
  };
  for (const [name, { module, moduleResolution, file }] of Object.entries(configs)) {
    const folder = join(project, `types-${name}`);
    // A .cts file is CommonJS: top-level `import` becomes require, which every entry offers.
    writeFiles(folder, {
      [file]: usage,
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module, moduleResolution, target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false }, files: [file] }),
    });
    run(bin('tsc'), ['-p', folder]);
  }
});

/** The user's page: checks a plan, a table and (where top-level await is there) a workbook. */
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title></head><body><pre id="out"></pre><script type="module" src="./main.js"></script></body></html>';
const CHECKS = `function checks({ validate, validateTable }) {
  return [validate({ sections: [] }).summary.errors > 0, validateTable([['Action', 'Lead', 'Deadline'], ['1', 'Train staff', 'Mar-18']], { origin: 'B3' }).issues.every((issue) => !issue.cell || /^[B-Z]/.test(issue.cell))];
}
/** The form entry: a built-in profile other than the default is reported until it is loaded. */
async function formChecks({ validate, profiles, loadProfile }) {
  const unloaded = () => validate({ sections: [] }, { profile: 'schools' }).issues.some((issue) => issue.rule === 'profile-not-loaded');
  const schools = () => profiles().find((profile) => profile.id === 'schools');
  const before = [unloaded(), schools().loaded];
  await loadProfile('schools');
  return [...before, unloaded(), schools().categories.length > 0];
}
function show(result) { const out = document.getElementById('out'); out.textContent = JSON.stringify(result); out.dataset.done = 'true'; }
`;

/** Each bundler, as the README says to use it: builds `project/NAME/` into `project/NAME/dist/`. */
const BUNDLERS = {
  vite: {
    files: {
      'index.html': PAGE,
      'main.js': `import { validate, validateTable } from 'prevent-plan-check';
import * as form from 'prevent-plan-check/form';\n${CHECKS}
const { validateWorkbook } = await import('prevent-plan-check/xlsx');
show([...checks({ validate, validateTable }), validateWorkbook(new Uint8Array([1, 2])).issues[0].rule, ...await formChecks(form)]);\n`,
    },
    expected: [true, true, 'table-unreadable', true, false, false, true],
    async build(folder) {
      const { build } = await import(require.resolve('vite', { paths: [root] }));
      await build({ root: folder, logLevel: 'silent', configFile: false });
    },
  },
  vite5: {
    files: {
      'index.html': PAGE,
      'main.js': `import { init } from 'prevent-plan-check/init';
import { init as initForm } from 'prevent-plan-check/form/init';\n${CHECKS}
init().then(async (api) => {
  const { init: initWorkbooks } = await import('prevent-plan-check/xlsx/init');
  const { validateWorkbook } = await initWorkbooks();
  show([...checks(api), validateWorkbook(new Uint8Array([1, 2])).issues[0].rule, ...await formChecks(await initForm())]);
});\n`,
    },
    expected: [true, true, 'table-unreadable', true, false, false, true],
    async build(folder) {
      // Vite 5's `require` entry is CommonJS: its API is the default export there.
      const vite5 = await import(require.resolve('vite5', { paths: [root] }));
      const { build } = vite5.default ?? vite5;
      await build({ root: folder, logLevel: 'silent', configFile: false });
    },
  },
  webpack: {
    files: {
      'dist/index.html': PAGE,
      'src/index.js': `import { validate, validateTable } from 'prevent-plan-check';
import * as form from 'prevent-plan-check/form';\n${CHECKS}
import('prevent-plan-check/xlsx').then(async ({ validateWorkbook }) => show([...checks({ validate, validateTable }), validateWorkbook(new Uint8Array([1, 2])).issues[0].rule, ...await formChecks(form)]));\n`,
    },
    expected: [true, true, 'table-unreadable', true, false, false, true],
    async build(folder) {
      const webpack = require(require.resolve('webpack', { paths: [root] }));
      const stats = await new Promise((done, fail) =>
        webpack({ context: folder, mode: 'production', output: { path: join(folder, 'dist'), filename: 'main.js' } }, (error, result) => (error ? fail(error) : done(result))),
      );
      assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
    },
  },
  esbuild: {
    files: {
      'dist/index.html': PAGE.replace(' type="module"', ''),
      'app.js': `import { init } from 'prevent-plan-check/init';
import { init as initWorkbooks } from 'prevent-plan-check/xlsx/init';
import { init as initForm } from 'prevent-plan-check/form/init';
import wasmUrl from 'prevent-plan-check/core.wasm';
import workbookWasmUrl from 'prevent-plan-check/xlsx.wasm';
import formWasmUrl from 'prevent-plan-check/form.wasm';\n${CHECKS}
init({ module_or_path: wasmUrl }).then(async (api) => {
  const { validateWorkbook } = await initWorkbooks({ module_or_path: workbookWasmUrl, core: { module_or_path: wasmUrl } });
  show([...checks(api), validateWorkbook(new Uint8Array([1, 2])).issues[0].rule, ...await formChecks(await initForm({ module_or_path: formWasmUrl }))]);
});\n`,
    },
    expected: [true, true, 'table-unreadable', true, false, false, true],
    async build(folder) {
      const esbuild = require(require.resolve('esbuild', { paths: [root] }));
      await esbuild.build({ absWorkingDir: folder, entryPoints: ['app.js'], bundle: true, outfile: 'dist/main.js', loader: { '.wasm': 'file' }, logLevel: 'error' });
    },
  },
};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** A static server of `folder` (the built site). */
async function serve(folder) {
  const server = createServer((request, response) => {
    const path = normalize(join(folder, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(folder) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('bundled by Vite, Vite 5, webpack 5 and esbuild as the README says, each runs in Chromium', async (t) => {
  let browser;
  try {
    for (const [name, bundler] of Object.entries(BUNDLERS)) {
      await t.test(name, async () => {
        const folder = join(project, name);
        writeFiles(folder, bundler.files);
        await bundler.build(folder);
        const site = join(folder, 'dist');
        const wasm = readdirSync(site, { recursive: true }).filter((file) => String(file).endsWith('.wasm'));
        assert.ok(wasm.length >= 1, `${name} copied no .wasm`);
        browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
        const server = await serve(site);
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
        try {
          await page.goto(`http://127.0.0.1:${server.address().port}/`);
          await page.waitForSelector('#out[data-done]', { timeout: 20_000 }).catch(() => assert.fail(`${name}: the page did not finish: ${errors.join('\n')}`));
          assert.deepEqual(JSON.parse(await page.textContent('#out')), bundler.expected);
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
          await new Promise((done) => server.close(done));
        }
      });
    }
  } finally {
    await browser?.close();
  }
});
