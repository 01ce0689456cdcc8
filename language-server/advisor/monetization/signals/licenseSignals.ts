import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { entriesOf, gitRootOf } from '../../../analyzer/debt/projectFiles';
import type { Project } from '../../../model';
import { asString, at, isRecord } from '../../../scanner/ecosystems/values';
import type { ClassifyFacts } from '../../classify/classifyFacts';
import { ABSENT, present } from '../signalIds';
import type { SignalId, SignalState } from '../signalIds';

/** The analyzer's LICENSE file pattern (projectChecks.ts): LICENSE, LICENCE.md, COPYING, UNLICENSE, LICENSE-MIT. */
const LICENSE_FILE = /^(licen[cs]e|copying|unlicense)([-_.][\w.-]*)?$/i;

/** License texts by the words their first lines carry, mapped to an SPDX-like family. */
const TEXTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/GNU AFFERO GENERAL PUBLIC LICENSE/i, 'AGPL'], [/GNU LESSER GENERAL PUBLIC LICENSE/i, 'LGPL'],
  [/GNU GENERAL PUBLIC LICENSE/i, 'GPL'], [/Mozilla Public License/i, 'MPL'], [/Apache License/i, 'Apache'],
  [/\bMIT License\b|Permission is hereby granted, free of charge/i, 'MIT'], [/\bISC License\b/i, 'ISC'],
  [/Redistribution and use in source and binary forms/i, 'BSD'], [/This is free and unencumbered software/i, 'Unlicense'],
  [/Business Source License/i, 'BUSL'], [/Elastic License/i, 'Elastic'], [/Server Side Public License/i, 'SSPL'],
];
/** Licenses the OSI approves, by family prefix; BUSL, Elastic and SSPL are source-available, not open source. */
const OPEN = /^(MIT|Apache|BSD|0BSD|ISC|MPL|GPL|LGPL|AGPL|Unlicense|EPL|Zlib|BSL-1\.0|CC0|EUPL|Artistic)/i;
const COPYLEFT = /^(A?GPL)/i;

/** has-license, open-source-license and copyleft-license, from a LICENSE file (here, the monorepo or git root) or the manifest's field. */
export async function licenseSignals(project: Project, f: ClassifyFacts): Promise<Array<[SignalId, SignalState]>> {
  const file = await licenseFile(project);
  const declared = declaredLicense(f);
  const fileName = file ? path.relative(project.path, file) || path.basename(file) : null;
  const family = declared?.id ?? (file ? await familyOfText(file) : null);
  const has: SignalState = fileName ? present(`${fileName} exists`) : declared && !/^UNLICENSED$/i.test(declared.id) ? present(`${declared.from} declares one`) : ABSENT;
  const source = declared ? `${declared.from} says "${declared.id}"` : `${fileName ?? ''}`;
  return [
    ['has-license', has],
    ['open-source-license', kind(has, family, source, OPEN, 'an open-source license')],
    ['copyleft-license', kind(has, family, source, COPYLEFT, 'a copyleft license')],
  ];
}

/** A license that is there but not recognised leaves its kind unknown rather than absent. */
function kind(has: SignalState, family: string | null, source: string, pattern: RegExp, what: string): SignalState {
  if (family) return pattern.test(family) ? present(`${source}: ${what}`) : ABSENT;
  return 'present' in has && has.present ? { unknown: `the license in ${source} was not recognised` } : ABSENT;
}

async function licenseFile(project: Project): Promise<string | null> {
  const gitRoot = await gitRootOf(project.path, project.root);
  for (const dir of new Set([project.path, project.parent, gitRoot].filter((d): d is string => d !== null))) {
    const hit = (await entriesOf(dir)).find((e) => e.isFile() && LICENSE_FILE.test(e.name));
    if (hit) return path.join(dir, hit.name);
  }
  return null;
}

function declaredLicense(f: ClassifyFacts): { id: string; from: string } | null {
  const npm = asString(f.packageJson?.doc.license);
  if (npm) return { id: npm, from: 'package.json "license"' };
  const cargo = asString(at(f.cargo?.doc, 'package', 'license'));
  if (cargo) return { id: cargo, from: 'Cargo.toml license' };
  const py = at(f.pyproject?.doc, 'project', 'license');
  const pyId = asString(py) ?? (isRecord(py) ? asString(py.text) : undefined) ?? asString(at(f.pyproject?.doc, 'tool', 'poetry', 'license'));
  return pyId ? { id: pyId, from: 'pyproject.toml license' } : null;
}

/** The first 2 KB name the license; the rest is its terms. */
async function familyOfText(file: string): Promise<string | null> {
  const text = await readFile(file, 'utf8').then((t) => t.slice(0, 2048), () => '');
  return TEXTS.find(([re]) => re.test(text))?.[1] ?? null;
}
