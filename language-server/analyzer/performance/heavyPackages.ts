/**
 * Packages that cost far more to load (or bundle) than the use most code makes of them. `when` says which
 * imports are reported: `any` import of the package root, a `namespace` import (or default/require of the
 * whole), or a whole import of which only `few-members` (one or two) are used.
 */
export interface HeavyPackage {
  when: 'any' | 'namespace' | 'few-members';
  advice: string;
}

export const HEAVY_PACKAGES: Readonly<Record<string, HeavyPackage>> = {
  lodash: { when: 'few-members', advice: 'import only those functions (lodash/<name>, or lodash-es for ES modules) or use a native equivalent' },
  underscore: { when: 'few-members', advice: 'use a native equivalent or import only those functions' },
  moment: { when: 'any', advice: 'moment is large (every locale comes along) and in maintenance mode; date-fns or Intl.DateTimeFormat do the same with a fraction of the weight' },
  'moment-timezone': { when: 'any', advice: 'moment-timezone bundles the timezone database; Intl.DateTimeFormat with timeZone, or date-fns-tz, needs none' },
  'aws-sdk': { when: 'any', advice: 'aws-sdk v2 loads every service client and is out of support; the v3 clients (@aws-sdk/client-s3, …) load only the service used' },
  googleapis: { when: 'any', advice: 'googleapis loads every Google API; the per-API packages (@googleapis/drive, …) load only one' },
  '@mui/icons-material': { when: 'namespace', advice: 'a namespace import pulls in thousands of icon modules; import each icon by path (@mui/icons-material/Add)' },
  '@material-ui/icons': { when: 'namespace', advice: 'a namespace import pulls in thousands of icon modules; import each icon by path (@material-ui/icons/Add)' },
};

/** Members that need the whole library object (chaining, global settings): using one means lodash is used whole. */
export const WHOLE_LIBRARY_MEMBERS: ReadonlySet<string> = new Set(['chain', 'mixin', 'runInContext', 'noConflict', 'templateSettings', 'VERSION', 'prototype']);
